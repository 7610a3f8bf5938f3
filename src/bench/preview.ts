// The live plan preview in headless Chromium: 200 seeded runs of the rest of the 2022
// scenario from turn 1, in the what-if Web Worker of the production build, measured from
// the request to the answer (the client's own `cashout:preview` performance measures) while
// a lever is switched back and forth on the planning screen, as a student would.
import type { Page } from 'playwright-core';
import { fmt, median, quantile } from './timing.ts';

export const PREVIEW_TARGET_MS = 250;

export async function previewTimes(page: Page, url: string, samples = 15): Promise<number[]> {
  await page.goto(url);
  await page.getByRole('group', { name: 'Scenario' }).getByRole('radio', { name: /^2022/ }).check();
  await page.getByLabel('Seed').fill('bench');
  await page.getByRole('button', { name: 'Start: read the briefing' }).click();
  await page.getByRole('button', { name: 'Start turn 1' }).click();
  const ready = page.locator('.whatif:not(.stale)[data-runs]');
  await ready.waitFor({ timeout: 120_000 });
  // The first lever of the first role with at least two levels, switched between 1 and 2:
  // every switch is a new plan, so every answer is 200 fresh runs (the kept plan is cached).
  const group = page.locator('form.levers fieldset').filter({ has: page.getByRole('radio', { name: /^Level 2,/ }) }).first();
  for (let i = 0; i < samples + 2; i++) {
    await group.getByRole('radio', { name: new RegExp(`^Level ${1 + (i % 2)},`) }).check();
    await page.locator('.whatif.stale').waitFor({ state: 'detached', timeout: 120_000 }).catch(() => {});
    await ready.waitFor({ timeout: 120_000 });
  }
  const all = await page.evaluate(() => performance.getEntriesByName('cashout:preview').map((e) => e.duration));
  // The first answers include starting the worker and compiling the engine in it.
  return all.slice(-samples);
}

export function previewMarkdown(times: number[]): string[] {
  const m = median(times);
  return [
    `- Live plan preview (what-if Web Workers, one per core up to two, production build): **200 seeded runs of the rest of the 2022 scenario from turn 1**, from the request to the answer, while a lever is switched on the planning screen: median **${fmt(m, 0)} ms**, p95 ${fmt(quantile(times, 0.95), 0)} ms over ${times.length} plans (target median < ${PREVIEW_TARGET_MS} ms): ${m < PREVIEW_TARGET_MS ? 'met' : `**missed** by ${fmt(m / PREVIEW_TARGET_MS)}×`}. Edits are debounced by 150 ms before the request; the page stays responsive throughout (the runs are off the main thread, in chunks that yield to newer requests).`,
    '',
  ];
}
