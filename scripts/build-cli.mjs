#!/usr/bin/env node
// Compiles the `cashout` command line to JavaScript in dist/cli, so commands start without
// compiling TypeScript on the fly. `npm ci` and `npm install` run this (the `prepare`
// script); `npm run build:cli` runs it by hand.
//
// One CommonJS bundle per command (main-<command>.cjs: src/cli/main.ts holding only that
// command, see CASHOUT_ONLY there), one for help and unknown commands (main.cjs) and one
// per worker thread. bin/compiled.cjs loads a bundle through a V8 code cache that this
// script warms up (scripts/warm-cli-cache.mjs). Measured: a command starts ~30 ms sooner
// from its own bundle than from one bundle of every command, whose code V8 must read and
// set up even when cached.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/cli');
const cliDir = join(root, 'src/cli');
const workers = readdirSync(cliDir).filter((f) => f.endsWith('-worker.ts'));

const options = {
  outdir: out,
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // CommonJS has no import.meta: the sources' uses (finding files next to the code)
  // get the bundle's own location instead.
  banner: { js: 'var __cashoutModuleUrl=require("node:url").pathToFileURL(__filename).href;' },
};
const define = (only) => ({ 'import.meta.url': '__cashoutModuleUrl', 'import.meta.dirname': '__dirname', 'globalThis.CASHOUT_ONLY': JSON.stringify(only) });
const bundle = (entry, name, only) => build({ ...options, entryPoints: { [name]: entry }, define: define(only) });

rmSync(out, { recursive: true, force: true });
const started = Date.now();
const main = join(cliDir, 'main.ts');
const results = [await bundle(main, 'main', ''), ...(await Promise.all(workers.map((f) => bundle(join(cliDir, f), basename(f, '.ts'), ''))))];
// The command names, from the help bundle itself (it holds no command's code).
const commands = createRequire(import.meta.url)(join(out, 'main.cjs')).COMMAND_NAMES;
results.push(...(await Promise.all(commands.map((c) => bundle(main, `main-${c}`, c)))));

// The inputs and when they were compiled: bin/load-cli.cjs runs the sources instead when
// any of them is newer, so a developer never runs a stale build.
const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((p) => !p.includes('node_modules')).sort();
const builtAt = Math.max(...readdirSync(out).map((f) => statSync(join(out, f)).mtimeMs));
writeFileSync(join(out, 'inputs.json'), JSON.stringify({ builtAt, commands, inputs: inputs.map((p) => relative(root, join(root, p))) }));
// A fresh process (the same Node that will run the commands) runs each bundle's start and
// writes the code caches; a failure only costs speed, never a command.
const names = ['main', ...commands.map((c) => `main-${c}`), ...workers.map((f) => basename(f, '.ts'))];
const warm = spawnSync(process.execPath, [join(root, 'scripts/warm-cli-cache.mjs'), ...names], { stdio: 'inherit' });
if (warm.status !== 0) console.warn('cashout: could not write the V8 code caches; commands will start slower.');
console.log(`cashout: compiled the command line to ${relative(root, out)} (${names.length} bundles of ${inputs.length} modules, ${Date.now() - started} ms)`);
