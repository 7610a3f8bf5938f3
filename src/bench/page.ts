// 4. Page: gzip size of the production JS (Phaser's share separately), time from
// navigation to the first interactive menu on `vite preview` in headless Chromium, and
// frame times while a turn resolves (with the renderer in use).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { playPolicy } from '../engine/autoplay.ts';
import { buildReplay } from '../engine/replay.ts';
import { GameSession } from '../engine/session.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.ts';
import { previewMarkdown, previewTimes } from './preview.ts';
import { HISTORICAL_24, load } from './scenarios.ts';
import { fmt, median, quantile } from './timing.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Milliseconds the viewer takes to show the previous turn (the click handler's work: DOM and canvas update). */
async function stepBack(page: Page, url: string, replayJson: string): Promise<{ step: number[]; canvas: number[] }> {
  await page.goto(url);
  await page.getByLabel('Open a replay (debrief)').setInputFiles({ name: 'run.json', mimeType: 'application/json', buffer: Buffer.from(replayJson) });
  await page.getByRole('group', { name: 'Turn controls' }).waitFor({ timeout: 60_000 });
  await page.getByRole('button', { name: /Last/ }).click();
  // A string: tsx would wrap named inner functions in a helper the page does not have.
  return page.evaluate(`(async () => {
    const back = [...document.querySelectorAll('button')].find((b) => /Back/.test(b.textContent));
    const readout = document.querySelector('.viewer-turn');
    const step = [];
    const canvas = [];
    for (let i = 0; i < 23; i++) {
      await new Promise((r) => setTimeout(r, 300));
      const before = readout.textContent;
      const t0 = performance.now();
      back.click();
      step.push(performance.now() - t0);
      if (readout.textContent === before) throw new Error('Back did not change the turn shown');
      // Frame callbacks run in order: ours comes after the viewer's canvas redraw.
      await new Promise((r) => requestAnimationFrame(() => r()));
      canvas.push(performance.now() - t0);
    }
    return { step, canvas };
  })()`);
}

export interface PageMetrics {
  markdown: string[];
}

interface Chunk {
  file: string;
  bytes: number;
  gzip: number;
  phaser: boolean;
}

function chunks(outDir: string): Chunk[] {
  const dir = join(outDir, 'assets');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const text = readFileSync(join(dir, file));
      // Phaser's bundle announces itself; the lazy world-view chunk carries it.
      return { file, bytes: text.length, gzip: gzipSync(text, { level: 9 }).length, phaser: text.includes('Phaser v') };
    })
    .sort((a, b) => b.gzip - a.gzip);
}

async function timeToMenu(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Start: read the briefing' }).waitFor();
  return page.evaluate(() => performance.now());
}

/** rAF deltas between the animation's start (Skip button shown) and the turn report. */
async function frameTimes(page: Page, url: string): Promise<{ frames: number[]; renderer: string }> {
  // A string, not a function: the TypeScript loader would wrap a named inner function in
  // a helper that does not exist in the page.
  await page.addInitScript(
    'window.__frames = []; (function tick(t) { if (t) window.__frames.push(t); requestAnimationFrame(tick); })();',
  );
  await page.goto(url);
  await page.getByRole('group', { name: 'Scenario' }).getByRole('radio', { name: /^Tutorial/ }).check();
  await page.getByRole('button', { name: 'Start: read the briefing' }).click();
  await page.getByRole('button', { name: 'Start turn 1' }).click();
  const commit = page.getByRole('button', { name: /^Commit plan — / });
  const report = page.getByRole('heading', { level: 2, name: /^Turn \d+ report/ });
  const count = () => page.evaluate(() => (window as unknown as { __frames: number[] }).__frames.length);
  // The resolution starts with the last role's commit: mark the frame count before each
  // commit and keep the mark of the one after which the report appears.
  let start = 0;
  for (let i = 0; i < 10; i++) {
    await commit.or(report).first().waitFor({ timeout: 60_000 });
    if (await report.isVisible()) break;
    start = await count();
    await commit.click();
  }
  await report.waitFor({ timeout: 60_000 });
  const stamps = await page.evaluate((from) => (window as unknown as { __frames: number[] }).__frames.slice(from), start);
  const renderer = await page.evaluate(() => {
    const c = document.querySelector('canvas');
    if (!c) return 'none';
    return c.getContext('webgl2') || c.getContext('webgl') ? 'WebGL' : 'Canvas';
  });
  return { frames: stamps.slice(1).map((t, i) => t - stamps[i]!), renderer };
}

export async function pageMetrics(log: (s: string) => void): Promise<PageMetrics | null> {
  if (!existsSync(CHROMIUM_PATH)) {
    log('bench: no /usr/bin/chromium (apt-get install -y chromium); page metrics skipped');
    return { markdown: ['## 4. Page', '', 'Not measured: Chromium is not installed on this machine.', ''] };
  }
  const outDir = mkdtempSync(join(tmpdir(), 'cashout-bench-dist-'));
  try {
    await build({ root: ROOT, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    const js = chunks(outDir);
    const server = await preview({ root: ROOT, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('vite preview did not report a URL');
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    try {
      const menu: number[] = [];
      for (let i = 0; i < 7; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        menu.push(await timeToMenu(await ctx.newPage(), url));
        await ctx.close();
      }
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const { frames, renderer } = await frameTimes(await ctx.newPage(), url);
      await ctx.close();
      const vctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const back = await stepBack(await vctx.newPage(), url, await replay24());
      await vctx.close();
      const pctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const preview = await previewTimes(await pctx.newPage(), url);
      await pctx.close();
      return { markdown: [...pageMarkdown(js, menu, frames, renderer), ...viewerMarkdown(back), ...previewMarkdown(preview)] };
    } finally {
      await browser.close();
      await new Promise<void>((r) => server.httpServer.close(() => r()));
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

async function replay24(): Promise<string> {
  const s = await load(HISTORICAL_24);
  const g = playPolicy(new GameSession(s, '42'), s.policies.historical!);
  return JSON.stringify(buildReplay(g, { inline: true }));
}

function viewerMarkdown(t: { step: number[]; canvas: number[] }): string[] {
  const m = median(t.step);
  return [
    `- Replay viewer, stepping back one turn in a ${t.step.length + 1}-turn replay (Back button: the engine checkpoint looked up, the turn's report and readout replaced): median **${fmt(m, 2)} ms**, p95 ${fmt(quantile(t.step, 0.95), 2)} ms over ${t.step.length} steps (target < 5 ms): ${m < 5 ? 'met' : `**missed** by ${fmt(m / 5)}×`}.`,
    `- The canvas (map and charts, software WebGL) is redrawn on the next frame: median **${fmt(median(t.canvas), 1)} ms** from the click until it shows the turn, p95 ${fmt(quantile(t.canvas, 0.95), 1)} ms. Steps taken faster than that (a held arrow key) are drawn once, for the last turn.`,
    '',
  ];
}

function pageMarkdown(js: Chunk[], menu: number[], frames: number[], renderer: string): string[] {
  const total = js.reduce((a, c) => a + c.gzip, 0);
  const phaser = js.filter((c) => c.phaser).reduce((a, c) => a + c.gzip, 0);
  const kb = (b: number) => `${fmt(b / 1024, 1)} KB`;
  const menuMs = median(menu);
  const frameMedian = frames.length ? median(frames) : 0;
  const frameP95 = frames.length ? quantile(frames, 0.95) : 0;
  return [
    '## 4. Page',
    '',
    '`vite build`, then `vite preview` on 127.0.0.1, driven by playwright-core in Debian Chromium (headless, 1280×720).',
    '',
    '| Chunk (production JS) | bytes | gzip | loaded |',
    '| --- | ---: | ---: | --- |',
    ...js.map((c) => `| \`${c.file}\`${c.phaser ? ' (Phaser + world view)' : ''} | ${c.bytes} | ${kb(c.gzip)} | ${c.phaser ? 'lazily, after the menu' : 'at start-up or on demand'} |`),
    `| **All JS** | | **${kb(total)}** | |`,
    '',
    `- Phaser's share: **${kb(phaser)} of ${kb(total)}** gzip (${fmt((phaser / total) * 100, 0)} %), in a chunk loaded with a dynamic import once the menu is up, so the first screen does not wait for it.`,
    `- Navigation to the first interactive menu (the start button visible): median **${fmt(menuMs, 0)} ms** over ${menu.length} fresh page loads (target < 1,500 ms): ${menuMs < 1500 ? 'met' : `**missed** by ${fmt(menuMs / 1500)}×`}.`,
    `- Frame time while turn 1 of the tutorial resolves (renderer: **${renderer}**, software GL in headless Chromium): median **${fmt(frameMedian, 1)} ms**, p95 **${fmt(frameP95, 1)} ms** over ${frames.length} frames. Headless Chromium renders WebGL in software on the CPU, so these are upper bounds for a laptop with a GPU.`,
    '',
  ];
}
