#!/usr/bin/env node
// Entry point for `npx cashout …`: runs the compiled command line (dist/cli, built by
// `npm ci` through the prepare script), or the TypeScript sources when that build is
// missing or older than them. CommonJS, like the files it loads: an ES module entry alone
// costs Node ~10 ms of loader set-up, a tenth of a command's start.
const { loadCli } = require('./load-cli.cjs');

// `cashout schema | head` closes the pipe early: stop quietly, as Unix tools do, rather
// than print a stack trace for an EPIPE nobody can act on.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });

loadCli('main', process.argv[2])
  .then(({ main }) => main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
