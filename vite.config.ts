import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The shipped scenarios are bundled into the game, but instructors also share links such
 * as ?scenario=scenarios/tutorial.yaml, and their own scenarios may `extends:` a shipped
 * one by path. The dev server serves the folder; this copies it into the production build.
 */
function shipScenarios(): Plugin {
  return {
    name: 'cashout-ship-scenarios',
    apply: 'build',
    generateBundle() {
      const dir = join(import.meta.dirname, 'scenarios');
      for (const f of readdirSync(dir).filter((x) => /\.(ya?ml|json)$/.test(x)))
        this.emitFile({ type: 'asset', fileName: `scenarios/${f}`, source: readFileSync(join(dir, f)) });
    },
  };
}

// One config for the game (vite) and the tests (vitest).
// Browser tests drive a real Chromium through playwright-core from a plain Node test
// (test/browser/*.test.ts), so vitest itself only needs the Node environment.
export default defineConfig({
  base: './',
  plugins: [shipScenarios()],
  build: {
    // The game; the compiled command line lives beside it in dist/cli (scripts/build-cli.mjs),
    // which a build of the game must not wipe.
    outDir: 'dist/web',
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: false },
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
});
