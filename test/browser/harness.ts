// Shared set-up for the browser tests: a vite dev server on a free port and Debian's
// Chromium driven by playwright-core. Nothing is downloaded; everything runs headless.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/bench/chromium.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? CHROMIUM_PATH;

export interface Harness {
  server: ViteDevServer;
  browser: Browser;
  url: string;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  // A private dependency cache so parallel runs (and other test files) never race on
  // node_modules/.vite; deps are pre-bundled once per run.
  const cacheDir = mkdtempSync(join(tmpdir(), 'cashout-vite-'));
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    cacheDir,
    logLevel: 'error',
    clearScreen: false,
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false, watch: null },
    optimizeDeps: { include: ['phaser', 'xstate', 'zod', 'yaml', 'seedrandom', 'd3-geo', 'topojson-client'] },
  });
  await server.listen();
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite did not report a URL');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
  });
  return {
    server,
    browser,
    url,
    async close() {
      await browser.close().catch(() => {});
      await server.close().catch(() => {});
      rmSync(cacheDir, { recursive: true, force: true });
    },
  };
}

export interface PageProblems {
  errors: string[];
}

/** A fresh context (empty localStorage) and page at 1280×720, collecting console errors. */
export async function openPage(h: Harness, opts: { reducedMotion?: boolean } = {}): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await h.browser.newContext({
    viewport: { width: 1280, height: 720 },
    acceptDownloads: true,
    reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.errors.push(`pageerror: ${err.message}`));
  await page.goto(h.url);
  return { context, page, problems };
}
