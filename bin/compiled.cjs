// Runs a compiled command-line bundle (dist/cli/<name>.cjs) with a V8 code cache beside it
// (<name>.cjs.code-cache), so a command starts without V8 compiling ~1 MB of JavaScript
// first (Node 20 has no module.enableCompileCache; this is what v8-compile-cache does).
//
// The cache is only an accelerator and never trusted blindly:
// - V8 checks its own version and flags, but of the source only its length, and it
//   crashes the process on a corrupt cache. So the file starts with a SHA-256 of the
//   bundle's bytes and the cache's bytes: a cache of another build or a damaged file is
//   ignored, and the bundle is compiled from its source as if there were no cache.
// - A missing or rejected cache is rewritten when the command ends (write to a temporary
//   file, then rename, so concurrent commands never see half a file); on a read-only
//   install the write fails silently and every start simply compiles.
const { createHash } = require('node:crypto');
const { readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script, constants: { USE_MAIN_CONTEXT_DEFAULT_LOADER } } = require('node:vm');
const { isMainThread } = require('node:worker_threads');

const HASH_BYTES = 32;

/** A bundle's source as a CommonJS module function, as Node's own loader wraps it. */
const wrapCommonJs = (source) => `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;

/** The path of a compiled bundle: `name` is its entry in src/cli without extension. */
function bundlePath(name) {
  return join(__dirname, '..', 'dist', 'cli', `${name}.cjs`);
}

const digest = (bundle, cache) => createHash('sha256').update(bundle).update(cache).digest();

/** The V8 cache for exactly this bundle, or undefined (none, another build's, damaged). */
function readCodeCache(file, bundle) {
  let stored;
  try {
    stored = readFileSync(`${file}.code-cache`);
  } catch {
    return undefined;
  }
  if (stored.length <= HASH_BYTES) return undefined;
  const cache = stored.subarray(HASH_BYTES);
  return digest(bundle, cache).equals(stored.subarray(0, HASH_BYTES)) ? cache : undefined;
}

/** Writes the cache of `script` (all functions compiled so far) beside the bundle; false if it cannot. */
function writeCodeCache(loaded) {
  const { file, bundle, script } = loaded;
  const cache = script.createCachedData();
  const target = `${file}.code-cache`;
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, Buffer.concat([digest(bundle, cache), cache]));
    renameSync(temporary, target);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}

/**
 * Loads and runs the bundle `name` as a CommonJS module and returns `{ exports, script,
 * file, bundle, cacheUsed }`. Unless `refreshCache` is false, a main thread that found no
 * usable cache writes one when the process is about to exit.
 */
function loadCompiled(name, { refreshCache = isMainThread } = {}) {
  const file = bundlePath(name);
  const bundle = readFileSync(file);
  const cachedData = readCodeCache(file, bundle);
  // A dynamic import() inside a bundle (a dependency may use one) goes to Node's own loader,
  // as it would in a module Node loaded itself; without this it throws at run time.
  const script = new Script(wrapCommonJs(bundle.toString('utf8')), { filename: file, cachedData, importModuleDynamically: USE_MAIN_CONTEXT_DEFAULT_LOADER });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  const module = { exports: {} };
  script.runInThisContext().call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  const loaded = { exports: module.exports, script, file, bundle, cacheUsed };
  if (!cacheUsed && refreshCache) process.once('beforeExit', () => writeCodeCache(loaded));
  return loaded;
}

exports.bundlePath = bundlePath;
exports.loadCompiled = loadCompiled;
exports.writeCodeCache = writeCodeCache;
exports.wrapCommonJs = wrapCommonJs;
