// Driving the game like a student: only through accessible roles and labels.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { expect } from 'vitest';
import { stringify } from 'yaml';
import { parseScenarioText } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { mini, miniInput } from '../fixtures/mini.ts';
import { ROOT } from './harness.ts';
import { LOAD, STATE, until } from './wait.ts';

export const SAVE_KEY = 'cashout:save:v1';

export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export interface Pick {
  scenario: Scenario;
  /** Set when no shipped scenario is valid: the test loads this file from disk instead. */
  upload?: { name: string; text: string };
}

/**
 * The scenario a full-game test plays: the shortest valid shipped one (what the start
 * screen lists first), or the mini fixture loaded as a file if none is valid right now.
 */
export function shortestScenario(): Pick {
  const dir = join(ROOT, 'scenarios');
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((f) => {
      const r = parseScenarioText(readFileSync(join(dir, f), 'utf8'), `scenarios/${f}`);
      return r.ok ? [{ file: f, scenario: r.value }] : [];
    })
    .sort((a, b) => a.scenario.calendar.turns - b.scenario.calendar.turns || a.file.localeCompare(b.file));
  if (all[0]) return { scenario: all[0].scenario };
  return { scenario: mini, upload: { name: 'mini.yaml', text: stringify(miniInput) } };
}

export async function uploadScenario(page: Page, file: { name: string; text: string }): Promise<void> {
  await page.getByLabel('Load a scenario file (YAML)').setInputFiles({ name: file.name, mimeType: 'text/yaml', buffer: Buffer.from(file.text) });
  await until(() => page.getByText(`from ${file.name} and selected it`).isVisible()).toBe(true);
}

export async function chooseSetup(page: Page, opts: { title: string; seed: string; players: number; upload?: Pick['upload'] }): Promise<void> {
  if (opts.upload) await uploadScenario(page, opts.upload);
  await page.getByRole('group', { name: 'Scenario' }).getByRole('radio', { name: new RegExp(`^${escapeRe(opts.title)}`) }).check();
  await page.getByLabel('Seed').fill(opts.seed);
  await page.getByRole('radio', { name: opts.players === 1 ? /^1 player/ : new RegExp(`^${opts.players} players`) }).check();
  await page.getByRole('button', { name: 'Start: read the briefing' }).click();
  await until(() => page.getByRole('button', { name: 'Start turn 1' }).isVisible()).toBe(true);
}

/** The cheapest lever of each role, for tests that want some decisions in the log. */
export function cheapLevers(s: Scenario): Map<string, string> {
  const out = new Map<string, string>();
  for (const role of s.roles) {
    const lever = s.levers
      .filter((l) => l.role === role.id && l.costPerLevel <= role.budgetPerTurn)
      .sort((a, b) => a.costPerLevel - b.costPerLevel)[0];
    if (lever) out.set(role.id, lever.name);
  }
  return out;
}

export function leverGroup(page: Page, leverName: string) {
  return page.getByRole('group', { name: new RegExp(`^${escapeRe(leverName)}`) });
}

export type SkipWith = 'button' | 'escape' | 'clock';

/** Move the page's manual clock (?clock=manual): the turn animation and the viewer's playback. */
export async function advanceClock(page: Page, ms: number): Promise<void> {
  await page.evaluate((t) => (window as unknown as { cashoutClock: { advance(ms: number): void } }).cashoutClock.advance(t), ms);
}

/** Run the turn animation to its end on the manual clock, as time would. */
export async function runAnimation(page: Page): Promise<void> {
  await advanceClock(page, 60_000);
}

/**
 * Plan every role of the current turn (handing over when asked), let the turn resolve and
 * wait for its report. `plan` runs on each role's planning screen before Commit. The
 * animation holds on the manual clock until it is skipped (button or Esc) or run out.
 */
export async function playTurn(page: Page, opts: { plan?: (roleName: string) => Promise<void>; skipWith?: SkipWith } = {}): Promise<void> {
  const handover = page.getByRole('button', { name: /^I am the / });
  const commit = page.getByRole('button', { name: /^Commit plan — / });
  const skip = page.getByRole('button', { name: 'Skip animation' });
  const report = page.getByRole('heading', { level: 2, name: /^Turn \d+ report/ });
  for (let step = 0; step < 40; step++) {
    await handover.or(commit).or(skip).or(report).first().waitFor({ timeout: LOAD });
    if (await report.isVisible()) return;
    if (await handover.isVisible()) {
      await handover.click();
    } else if (await commit.isVisible()) {
      const label = (await commit.textContent()) ?? '';
      const role = label.replace(/^Commit plan — /, '');
      await opts.plan?.(role);
      await commit.click();
    } else if (await skip.isVisible()) {
      const how = opts.skipWith ?? 'button';
      if (how === 'escape') await page.keyboard.press('Escape');
      else if (how === 'clock') await runAnimation(page);
      else await skip.click();
      await report.waitFor({ timeout: STATE });
      return;
    }
  }
  throw new Error('the turn did not resolve');
}

/** From a report: NEXT until the debrief, playing each turn. */
export async function playToDebrief(page: Page, each?: (turn: number) => Promise<void>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const debrief = page.getByRole('heading', { level: 2, name: 'Debrief' });
    if (await debrief.isVisible()) return;
    const next = page.getByRole('button', { name: /^Plan turn \d+|^Go to the debrief$/ });
    if (await next.isVisible()) {
      await next.click();
      await until(async () => (await debrief.isVisible()) || (await page.getByRole('heading', { level: 2, name: /^Turn \d+ of|^Pass to / }).first().isVisible()), STATE).toBe(true);
      continue;
    }
    const head = await page.getByRole('heading', { level: 2 }).first().textContent();
    const turn = Number(/Turn (\d+)/.exec(head ?? '')?.[1] ?? 0);
    await each?.(turn);
    await playTurn(page, { skipWith: (['button', 'escape', 'clock'] as const)[turn % 3] });
  }
  throw new Error('the game did not reach the debrief');
}

export async function exportReplay(page: Page): Promise<{ download: Download; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: STATE }), page.getByRole('button', { name: 'Export replay' }).click()]);
  const path = await download.path();
  return { download, text: readFileSync(path, 'utf8') };
}

/** Nothing is cut off sideways, and from 960 px wide the page itself does not scroll. */
export async function expectFitsWindow(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > window.innerWidth) out.push(`page ${doc.scrollWidth} > ${window.innerWidth}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.side-pane, .start-col, .app-header')))
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
    return out;
  });
  expect(overflow).toEqual([]);
  // From 960 px wide the two panes scroll on their own: the page itself never does.
  const tall = await page.evaluate(() =>
    window.innerWidth >= 960 && document.documentElement.scrollHeight > window.innerHeight
      ? `page ${document.documentElement.scrollHeight} px tall in a ${window.innerHeight} px window`
      : null,
  );
  expect(tall).toBeNull();
}
