// Where the command line's code comes from: the compiled bundle in dist/cli when it is up
// to date with the sources it was built from, else the TypeScript sources through tsx (a
// developer who just edited a file, or a checkout where `npm ci` has not run).
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');

function compiledIsFresh() {
  if (process.env.CASHOUT_FROM_SOURCE === '1') return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(join(root, 'dist/cli/inputs.json'), 'utf8'));
    return inputs.every((p) => statSync(join(root, p)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/** Loads a CLI module's exports: `name` is its file in src/cli without extension, e.g. "main". */
async function loadCli(name) {
  if (compiledIsFresh()) return require('./compiled.cjs').loadCompiled(name).exports;
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(root, 'src/cli', `${name}.ts`)).href);
}

exports.loadCli = loadCli;
