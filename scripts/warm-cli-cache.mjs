#!/usr/bin/env node
// Writes the V8 code cache of each compiled command-line bundle named on the command line
// (scripts/build-cli.mjs runs this in a fresh process after compiling). For the CLI, every
// command is loaded and given an option it does not know, so the cache holds the code that
// any run of that command executes first (its modules' set-up and argument parsing); a
// worker bundle, which needs a parent thread to run, is cached as compiled.
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { bundlePath, loadCompiled, wrapCommonJs, writeCodeCache } from '../bin/compiled.cjs';

const silent = { out: () => {}, err: () => {}, writeFile: async () => {} };
let failed = false;
for (const name of process.argv.slice(2)) {
  if (name === 'main') {
    const loaded = loadCompiled('main', { refreshCache: false });
    const { main, COMMAND_NAMES } = loaded.exports;
    for (const command of COMMAND_NAMES) {
      const code = await main([command, '--cashout-warm-up'], silent);
      if (code !== 2) throw new Error(`cashout ${command} --cashout-warm-up exited ${code}, not with a usage error`);
    }
    failed ||= !writeCodeCache(loaded);
  } else {
    // Compile only: Script compiles the top level eagerly, the rest when first called.
    const file = bundlePath(name);
    const bundle = readFileSync(file);
    failed ||= !writeCodeCache({ file, bundle, script: new Script(wrapCommonJs(bundle.toString('utf8')), { filename: file }) });
  }
}
process.exitCode = failed ? 1 : 0;
