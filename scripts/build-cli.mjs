#!/usr/bin/env node
// Compiles the `cashout` command line to JavaScript in dist/cli, so commands start without
// compiling TypeScript on the fly. `npm ci` and `npm install` run this (the `prepare`
// script); `npm run build:cli` runs it by hand. One CommonJS bundle per entry (the CLI and
// each worker thread): each command's modules run only when that command is imported, and
// bin/compiled.cjs loads a bundle through a V8 code cache that this script warms up (see
// scripts/warm-cli-cache.mjs), so starting a command is not dominated by V8 compiling it.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/cli');
const cliDir = join(root, 'src/cli');
const workers = readdirSync(cliDir).filter((f) => f.endsWith('-worker.ts'));
const entryPoints = [join(cliDir, 'main.ts'), ...workers.map((f) => join(cliDir, f))];

rmSync(out, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  entryPoints,
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
  // CommonJS has no import.meta: the sources' uses (finding files next to the code, the
  // workers' entries) get the bundle's own location instead.
  define: { 'import.meta.url': '__cashoutModuleUrl', 'import.meta.dirname': '__dirname' },
  banner: { js: 'var __cashoutModuleUrl=require("node:url").pathToFileURL(__filename).href;' },
});
// The inputs and when they were compiled: bin/cashout.cjs runs the source instead when
// any of them is newer, so a developer never runs a stale build.
const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'));
const builtAt = Math.max(...readdirSync(out).map((f) => statSync(join(out, f)).mtimeMs));
writeFileSync(join(out, 'inputs.json'), JSON.stringify({ builtAt, inputs: inputs.map((p) => relative(root, join(root, p))) }));
// A fresh process (the same Node that will run the commands) compiles every command and
// writes the code caches; a failure only costs speed, never a command.
const names = ['main', ...workers.map((f) => basename(f, '.ts'))];
const warm = spawnSync(process.execPath, [join(root, 'scripts/warm-cli-cache.mjs'), ...names], { stdio: 'inherit' });
if (warm.status !== 0) console.warn('cashout: could not write the V8 code caches; commands will start slower.');
console.log(`cashout: compiled the command line to ${relative(root, out)} (${inputs.length} modules, ${Date.now() - started} ms)`);
