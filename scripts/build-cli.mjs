#!/usr/bin/env node
// Compiles the `cashout` command line to JavaScript in dist/cli, so commands start without
// compiling TypeScript on the fly. `npm ci` and `npm install` run this (the `prepare`
// script); `npm run build:cli` runs it by hand. One bundle per entry (the CLI and each
// worker thread), split into shared chunks that are loaded only when a command needs them.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'dist/cli');
const cliDir = join(root, 'src/cli');
const entryPoints = [join(cliDir, 'main.ts'), ...readdirSync(cliDir).filter((f) => f.endsWith('-worker.ts')).map((f) => join(cliDir, f))];

rmSync(out, { recursive: true, force: true });
const started = Date.now();
const result = await build({
  entryPoints,
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  // Some dependencies are CommonJS and call require(); give the ESM bundle one.
  banner: { js: "import{createRequire as __cashoutRequire}from'node:module';const require=__cashoutRequire(import.meta.url);" },
});
// The inputs and when they were compiled: bin/cashout.js runs the source instead when
// any of them is newer, so a developer never runs a stale build.
const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules'));
const builtAt = Math.max(...readdirSync(out).map((f) => statSync(join(out, f)).mtimeMs));
writeFileSync(join(out, 'inputs.json'), JSON.stringify({ builtAt, inputs: inputs.map((p) => relative(root, join(root, p))) }));
console.log(`cashout: compiled the command line to ${relative(root, out)} (${inputs.length} modules, ${Date.now() - started} ms)`);
