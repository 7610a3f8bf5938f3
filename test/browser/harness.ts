// Shared set-up for the browser tests: a vite dev server on a free port and Debian's
// Chromium driven by playwright-core. Nothing is downloaded; everything runs headless.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../src/bench/chromium.ts';
import { LOAD } from './wait.ts';

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

/**
 * One harness for a test file: started before its tests, closed after them. Returns the
 * harness to call from inside tests (it does not exist yet when the file is collected).
 */
export function useHarness(): () => Harness {
  let harness: Harness | undefined;
  beforeAll(async () => {
    harness = await startHarness();
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
  });
  return () => {
    if (!harness) throw new Error('the browser harness did not start (see the error in beforeAll)');
    return harness;
  };
}

export interface PageProblems {
  errors: string[];
}

export interface OpenOptions {
  reducedMotion?: boolean;
  /** Window size (default 1280×720). */
  size?: { width: number; height: number };
  /** Extra query string, e.g. "scenario=…". The manual clock is always on (see appUrl). */
  query?: string;
}

/**
 * The game's address for a test: with ?clock=manual a turn's animation and the viewer's
 * playback hold until the test advances them (window.cashoutClock), so nothing depends on
 * how fast the machine is.
 */
export function appUrl(h: Harness, query = ''): string {
  return `${h.url}?clock=manual${query ? `&${query}` : ''}`;
}

/** A fresh context (empty localStorage) and page, collecting console errors. */
export async function openPage(h: Harness, opts: OpenOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await h.browser.newContext({
    viewport: opts.size ?? { width: 1280, height: 720 },
    acceptDownloads: true,
    reducedMotion: opts.reducedMotion ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  const problems: PageProblems = { errors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.errors.push(`pageerror: ${err.message}`));
  page.setDefaultTimeout(LOAD);
  await page.goto(appUrl(h, opts.query));
  return { context, page, problems };
}
