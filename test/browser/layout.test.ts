// Every screen at 1280×720, 1024×640 and 390×844, with and without the facilitator panel:
// no text over other text, no text cut off, no sideways scrolling, checked over the whole
// length of each screen (the scrolling pane is stepped through). With SCREENSHOTS=1 the
// same run writes the screenshots in docs/screenshots/ that the README shows.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { buildReplay } from '../../src/engine/replay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { makeSave } from '../../src/ui/app/save.ts';
import { shipped } from '../scenarios/shipped.ts';
import { openPage, ROOT, useHarness } from './harness.ts';
import { type LayoutProblems, layoutProblems } from './layout-check.ts';
import { advanceClock, runAnimation, SAVE_KEY } from './play.ts';
import { LOAD, RUNS, STATE, until } from './wait.ts';

const SIZES = [
  { name: '1280x720', width: 1280, height: 720 },
  { name: '1024x640', width: 1024, height: 640 },
  { name: '390x844', width: 390, height: 844 },
] as const;

const SHOTS = process.env.SCREENSHOTS === '1' ? join(ROOT, 'docs', 'screenshots') : null;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const tutorial = shipped.find((s) => s.scenario?.id === 'tutorial')!.scenario!;

/** A finished tutorial game (historical policy) as the autosave the page resumes from. */
function finishedSave(facilitator: boolean): string {
  const s = playPolicy(new GameSession(tutorial, 'layout'), tutorial.policies.historical!);
  return JSON.stringify(makeSave(s, { players: 1, currency: 'JPY', facilitator }));
}

function replayFile(seed: string): { name: string; mimeType: string; buffer: Buffer } {
  const s = playPolicy(new GameSession(tutorial, seed), tutorial.policies.historical!);
  return { name: `class-${seed}.replay.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(buildReplay(s, { inline: true }))) };
}

const harness = useHarness();

/**
 * Check the screen over its whole length: the side pane scrolls on wide windows, the page
 * on narrow ones. Problems are labelled with the screen and the scroll position.
 */
async function checkScreen(page: Page, screen: string): Promise<LayoutProblems> {
  const all: LayoutProblems = { overlaps: [], clipped: [], overflow: [] };
  const scroller = await page.evaluate(() => {
    const pane = document.querySelector('.side-pane') as HTMLElement | null;
    return pane && getComputedStyle(pane).overflowY !== 'visible' && pane.scrollHeight > pane.clientHeight ? 'pane' : 'page';
  });
  const steps = await page.evaluate((which) => {
    const el = which === 'pane' ? (document.querySelector('.side-pane') as HTMLElement) : document.scrollingElement!;
    return Math.ceil(Math.max(0, el.scrollHeight - el.clientHeight) / (el.clientHeight * 0.8)) + 1;
  }, scroller);
  for (let i = 0; i < Math.min(steps, 12); i++) {
    await page.evaluate(
      ([which, k]) => {
        const el = which === 'pane' ? (document.querySelector('.side-pane') as HTMLElement) : document.scrollingElement!;
        el.scrollTop = Number(k) * el.clientHeight * 0.8;
      },
      [scroller, String(i)] as const,
    );
    const p = await layoutProblems(page);
    for (const k of ['overlaps', 'clipped', 'overflow'] as const) all[k].push(...p[k].map((x) => `${screen} @${i}: ${x}`));
  }
  await page.evaluate((which) => {
    const el = which === 'pane' ? (document.querySelector('.side-pane') as HTMLElement) : document.scrollingElement!;
    el.scrollTop = 0;
  }, scroller);
  return { overlaps: [...new Set(all.overlaps)], clipped: [...new Set(all.clipped)], overflow: [...new Set(all.overflow)] };
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

function collect(into: LayoutProblems, p: LayoutProblems): void {
  into.overlaps.push(...p.overlaps);
  into.clipped.push(...p.clipped);
  into.overflow.push(...p.overflow);
}

describe('the layout checker', () => {
  it('finds text over text, text cut off and sideways scrolling when they are there', async () => {
    const { context, page } = await openPage(harness(), { size: { width: 390, height: 844 } });
    try {
      await until(() => page.getByRole('button', { name: 'Start: read the briefing' }).isVisible(), LOAD).toBe(true);
      await page.evaluate(() => {
        const box = (css: string, text: string) => {
          const d = document.createElement('div');
          d.style.cssText = `position: absolute; z-index: 9999; ${css}`;
          d.textContent = text;
          document.body.append(d);
        };
        box('left: 10px; top: 300px;', 'Planted text A');
        box('left: 20px; top: 302px;', 'Planted text B');
        box('left: 10px; top: 400px; width: 40px; overflow: hidden; white-space: nowrap;', 'A sentence far too long for its box');
        box('left: 10px; top: 500px; width: 600px;', 'Wide');
      });
      const p = await layoutProblems(page);
      expect(p.overlaps.some((x) => x.includes('Planted text A') && x.includes('Planted text B'))).toBe(true);
      expect(p.clipped.some((x) => x.includes('A sentence far too long'))).toBe(true);
      expect(p.overflow.some((x) => x.startsWith('the page is 610 px wide'))).toBe(true);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('the layout holds on every screen', () => {
  for (const size of SIZES)
    for (const facilitator of [false, true])
      it(`${size.name}, ${facilitator ? 'with' : 'without'} the facilitator panel`, async () => {
        const { context, page, problems } = await openPage(harness(), { size });
        const tag = `${size.name}${facilitator ? '-facilitator' : ''}`;
        const found: LayoutProblems = { overlaps: [], clipped: [], overflow: [] };
        try {
          if (!facilitator) {
            await until(() => page.getByRole('button', { name: 'Start: read the briefing' }).isVisible(), LOAD).toBe(true);
            collect(found, await checkScreen(page, 'start'));
            await shot(page, `start-${tag}`);
          }
          await page.getByRole('group', { name: 'Scenario' }).getByRole('radio', { name: /^Tutorial/ }).check();
          await page.getByLabel('Seed').fill('layout');
          await page.getByRole('button', { name: 'Start: read the briefing' }).click();
          await until(() => page.getByRole('button', { name: 'Start turn 1' }).isVisible()).toBe(true);
          if (facilitator) {
            await page.getByRole('switch', { name: 'Facilitator' }).check();
            await until(() => page.getByRole('region', { name: 'Facilitator controls' }).isVisible()).toBe(true);
          }
          collect(found, await checkScreen(page, 'briefing'));
          await shot(page, `briefing-${tag}`);

          await page.getByRole('button', { name: 'Start turn 1' }).click();
          await until(() => page.locator('.whatif[data-runs]').count(), RUNS).toBe(1);
          await until(() => page.locator('.world-note').isHidden(), LOAD).toBe(true);
          collect(found, await checkScreen(page, 'planning'));
          await shot(page, `planning-${tag}`);

          for (let i = 0; i < tutorial.roles.length; i++) await page.getByRole('button', { name: /^Commit plan — / }).click();
          await until(() => page.getByRole('button', { name: 'Skip animation' }).isVisible()).toBe(true);
          await advanceClock(page, 3_500);
          collect(found, await checkScreen(page, 'resolving'));
          await shot(page, `resolving-${tag}`);
          await runAnimation(page);
          await until(() => page.getByRole('heading', { level: 2, name: /^Turn 1 report/ }).isVisible()).toBe(true);
          collect(found, await checkScreen(page, 'report'));
          await shot(page, `report-${tag}`);

          // The debrief of a finished game, resumed from its autosave.
          await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [SAVE_KEY, finishedSave(facilitator)]);
          await page.reload();
          await until(() => page.getByRole('heading', { level: 2, name: 'Debrief' }).isVisible(), LOAD).toBe(true);
          await until(() => page.locator('.fans[data-runs]').count(), RUNS).toBe(1);
          collect(found, await checkScreen(page, 'debrief'));
          await shot(page, `debrief-${tag}`);

          if (!facilitator) {
            await page.getByRole('button', { name: 'New game' }).click();
            await page.getByRole('button', { name: 'Abandon and start over' }).click();
            await page.getByLabel('Open a replay (debrief)').setInputFiles(replayFile('v1'));
            await until(() => page.getByRole('heading', { level: 2, name: 'Replay viewer' }).isVisible(), STATE).toBe(true);
            collect(found, await checkScreen(page, 'viewer'));
            await shot(page, `viewer-${tag}`);
            await page.getByRole('button', { name: /^Close|^Back/ }).first().click();
            await page.getByLabel('Class view: open several replays').setInputFiles([replayFile('c1'), replayFile('c2'), replayFile('c3')]);
            await until(() => page.getByRole('heading', { level: 2, name: 'Class view' }).isVisible(), STATE).toBe(true);
            collect(found, await checkScreen(page, 'class view'));
            await shot(page, `class-${tag}`);
          }
          expect(found).toEqual({ overlaps: [], clipped: [], overflow: [] });
          expect(problems.errors).toEqual([]);
        } finally {
          await context.close();
        }
      }, 240_000);
});
