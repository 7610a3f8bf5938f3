// The classroom server for browser tests: the real server (API, rooms, logs on disk) with
// vite serving the game from source in the same process, on 127.0.0.1, and Debian's
// Chromium. Nothing is built or downloaded.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { createServer } from 'vite';
import { CHROMIUM_ARGS } from '../../src/bench/chromium.ts';
import { type ClassroomServer, startClassroom } from '../../src/server/server.ts';
import { freePort } from '../server/helpers.ts';
import { CHROMIUM, ROOT } from './harness.ts';

export interface ClassroomHarness {
  server: ClassroomServer;
  browser: Browser;
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startClassroomHarness(): Promise<ClassroomHarness> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'cashout-vite-'));
  const dataDir = mkdtempSync(join(tmpdir(), 'cashout-class-'));
  const vite = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    cacheDir,
    logLevel: 'error',
    clearScreen: false,
    appType: 'spa',
    server: { middlewareMode: true, hmr: false, watch: null },
    optimizeDeps: { include: ['phaser', 'xstate', 'zod', 'yaml', 'seedrandom', 'd3-geo', 'topojson-client', 'colyseus.js'] },
  });
  const port = await freePort();
  const server = await startClassroom({
    port,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: join(ROOT, 'scenarios'),
    app: (req, res) =>
      vite.middlewares(req, res, () => {
        res.statusCode = 404;
        res.end();
      }),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    server,
    browser,
    url: `http://127.0.0.1:${server.port}`,
    dataDir,
    async close() {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      await vite.close().catch(() => {});
      rmSync(cacheDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
