#!/usr/bin/env node
// Writes the V8 code cache of each compiled command-line bundle named on the command line
// (scripts/build-cli.mjs runs this in a fresh process after compiling). A command's bundle
// (main-<command>) runs that command with an option it does not know, so its cache holds
// the code any run of the command executes first: its modules' set-up and argument
// parsing. The help bundle (main) prints help; a worker bundle, which needs a parent
// thread to run, is cached as compiled.
import { readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { bundlePath, loadCompiled, wrapCommonJs, writeCodeCache } from '../bin/compiled.cjs';

const silent = { out: () => {}, err: () => {}, writeFile: async () => {} };
let failed = false;
for (const name of process.argv.slice(2)) {
  if (name === 'main' || name.startsWith('main-')) {
    const loaded = loadCompiled(name, { refreshCache: false });
    const command = name === 'main' ? 'help' : name.slice('main-'.length);
    const args = command === 'help' ? ['help'] : [command, '--cashout-warm-up'];
    const code = await loaded.exports.main(args, silent);
    if (code !== (command === 'help' ? 0 : 2)) throw new Error(`cashout ${args.join(' ')} exited ${code}`);
    failed ||= !writeCodeCache(loaded);
  } else {
    // Compile only: Script compiles the top level eagerly, the rest when first called.
    const file = bundlePath(name);
    const bundle = readFileSync(file);
    failed ||= !writeCodeCache({ file, bundle, script: new Script(wrapCommonJs(bundle.toString('utf8')), { filename: file }) });
  }
}
process.exitCode = failed ? 1 : 0;
