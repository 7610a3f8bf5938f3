import { defineConfig } from 'vitest/config';

// One config for the game (vite) and the tests (vitest).
// Browser tests drive a real Chromium through playwright-core from a plain Node test
// (test/browser/*.test.ts), so vitest itself only needs the Node environment.
export default defineConfig({
  base: './',
  build: {
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
