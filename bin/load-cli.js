// Where the command line's code comes from: the compiled bundle in dist/cli when it is up
// to date with the sources it was built from, else the TypeScript sources through tsx (a
// developer who just edited a file, or a checkout where `npm ci` has not run).
import { readFileSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);

function compiledIsFresh() {
  if (process.env.CASHOUT_FROM_SOURCE === '1') return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(new URL('dist/cli/inputs.json', root), 'utf8'));
    return inputs.every((p) => statSync(new URL(p, root)).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

/** Imports a CLI module: `name` is its file in src/cli without extension, e.g. "main". */
export async function loadCli(name) {
  if (compiledIsFresh()) {
    const { loadCompiled } = await import('./compiled.js');
    return loadCompiled(name).exports;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(new URL(`src/cli/${name}.ts`, root).href);
}
