// Where the command line's code comes from: the compiled bundles in dist/cli when they are
// up to date with the sources they were built from, else the TypeScript sources through
// tsx (a developer who just edited a file, or a checkout where `npm ci` has not run).
const { readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');

/** The build's record (dist/cli/inputs.json) if no source is newer than it, else undefined. */
function freshBuild() {
  if (process.env.CASHOUT_FROM_SOURCE === '1') return undefined;
  try {
    const build = JSON.parse(readFileSync(join(root, 'dist/cli/inputs.json'), 'utf8'));
    return build.inputs.every((p) => statSync(join(root, p)).mtimeMs <= build.builtAt) ? build : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Loads a CLI module's exports: `name` is its file in src/cli without extension, e.g.
 * "main". For "main", `command` (the first argument) picks the compiled bundle that holds
 * just that command; help and unknown commands get the bundle of none.
 */
async function loadCli(name, command) {
  const build = freshBuild();
  if (build) {
    const bundle = name === 'main' && build.commands.includes(command) ? `main-${command}` : name;
    return require('./compiled.cjs').loadCompiled(bundle).exports;
  }
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(root, 'src/cli', `${name}.ts`)).href);
}

exports.loadCli = loadCli;
