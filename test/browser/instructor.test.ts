// The instructor's material in headless Chromium: a share link opens exactly its run in
// the viewer (and a bad one is refused with the reason), the facilitator panel shows the
// scenario's notes, each role sees its brief, and the class view checks runs against the
// instructor's own scenario file with a class seed.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { buildReplay, type ReplayFile } from '../../src/engine/replay.ts';
import { Run } from '../../src/engine/run.ts';
import { timelineOf } from '../../src/engine/timeline.ts';
import { runLink } from '../../src/io/share-link.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { mini, miniInput } from '../fixtures/mini.ts';
import { openPage, useHarness } from './harness.ts';
import { shortestScenario } from './play.ts';
import { LOAD, STATE, until } from './wait.ts';

const harness = useHarness();
const S = shortestScenario().scenario; // the tutorial, shipped with an assessment section
const record = (s: Scenario, policy: string, seed: string): ReplayFile =>
  JSON.parse(JSON.stringify(buildReplay(playPolicy(new Run(s, seed), s.policies[policy] ?? s.policies.none!), { inline: true })));
const file = (name: string, r: ReplayFile) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(r)) });
const viewer = (page: Page) => page.locator('section.screen.viewer');


describe('share links', () => {
  it('open exactly their run in the viewer, and the viewer makes one that does the same', async () => {
    const replay = record(S, 'tough', 'share-1');
    const first = timelineOf(playPolicy(new Run(S, 'share-1'), S.policies.tough ?? S.policies.none!)).checkpoints[0]!;
    const link = await runLink(replay, S, harness().url, { shipped: true });
    if (!link.ok) throw new Error(link.reason);
    const { context, page, problems } = await openPage(harness(), { reducedMotion: true });
    try {
      await page.goto(link.url);
      await until(() => page.getByRole('heading', { level: 2, name: 'Replay viewer' }).isVisible(), LOAD).toBe(true);
      expect(await viewer(page).getAttribute('data-hash')).toBe(first.hash);
      expect(await page.locator('.screen-sub').first().textContent()).toContain('seed share-1');

      await page.getByRole('button', { name: 'Make a share link' }).click();
      const field = page.getByLabel('Share link');
      await field.waitFor({ timeout: 10_000 });
      const made = (await field.inputValue()) ?? '';
      expect(made.startsWith(`${harness().url}?run=`)).toBe(true);
      expect(made.length).toBeLessThanOrEqual(2000);
      await page.goto(made);
      await until(() => viewer(page).getAttribute('data-hash'), LOAD).toBe(first.hash);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('a damaged link is refused on the start screen with the reason', async () => {
    const { context, page } = await openPage(harness());
    try {
      await page.goto(`${harness().url}?run=AAAA-not-a-run`);
      await until(() => page.getByText(/The shared link cannot be opened: the link is damaged or cut short/).isVisible(), LOAD).toBe(true);
      expect(await page.getByRole('heading', { level: 2, name: 'Choose a scenario' }).isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  }, 30_000);
});

describe('facilitator notes and role briefs', () => {
  it('the panel shows the learning objectives, then each turn’s notes; each role sees its brief', async () => {
    const a = S.assessment!;
    const turn1 = a.turns.find((g) => g.turn === 1)!;
    const { context, page, problems } = await openPage(harness(), { reducedMotion: true });
    try {
      await page.getByRole('radio', { name: new RegExp(`^${S.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).check();
      await page.getByRole('button', { name: 'Start: read the briefing' }).click();
      await page.getByRole('switch', { name: 'Facilitator' }).check();
      const notes = page.getByRole('region', { name: 'Facilitator notes' });
      await until(() => notes.isVisible()).toBe(true);
      expect(await notes.textContent()).toContain(a.learningObjectives[0]!.text.replace(/\s+/g, ' ').trim().slice(0, 40));
      await page.getByRole('button', { name: 'Start turn 1' }).click();
      await until(async () => (await notes.textContent()) ?? '').toContain(`This turn — turn 1 (${S.calendar.start})`);
      expect(await notes.textContent()).toContain(turn1.questions[0]!);
      const brief = page.locator('details.role-brief');
      await until(() => brief.first().isVisible()).toBe(true);
      expect(await brief.first().getAttribute('open')).not.toBeNull();
      expect(await brief.first().textContent()).toContain(a.roles[0]!.objectives[0]!);
      await page.getByRole('button', { name: 'Hide notes' }).click();
      expect(await page.locator('.fac-notes-body').isHidden()).toBe(true);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

describe('class view against the instructor’s own file', () => {
  it('asks for the scenario when the app does not have it, then checks every run against it; a class seed lists other seeds apart', async () => {
    const { context, page, problems } = await openPage(harness(), { reducedMotion: true });
    try {
      const runs = [file('ana.json', record(mini, 'tough', '42')), file('ben.json', record(mini, 'none', '42')), file('cai.json', record(mini, 'tough', '7'))];
      await page.getByLabel('Class view: open several replays').setInputFiles(runs);
      await until(() => page.getByText('Which scenario are these runs for?').isVisible(), STATE).toBe(true);
      expect(await page.locator('.reference-groups li').first().textContent()).toMatch(/^3 files say “Mini” \(mini, content [0-9a-f]{8}\)$/);
      expect(await page.locator('table.class-outcomes').count()).toBe(0);

      await page.getByLabel('Your scenario file:').setInputFiles({ name: 'mini.yaml', mimeType: 'text/yaml', buffer: Buffer.from(stringify(miniInput)) });
      const rows = page.locator('table.class-outcomes tbody tr');
      await until(() => rows.count(), STATE).toBe(3);
      expect(await page.locator('.reference-line').textContent()).toMatch(/Checked against: your scenario file mini\.yaml/);

      await page.getByRole('combobox', { name: 'Class seed' }).fill('42');
      await page.getByRole('button', { name: 'Set' }).click();
      await until(() => rows.count()).toBe(2);
      const others = page.getByRole('region', { name: 'Runs on another seed' });
      expect(await others.locator('tbody tr').evaluateAll((rs) => rs.map((r) => [(r as HTMLElement).dataset.run, (r as HTMLElement).dataset.seed]))).toEqual([['cai.json', '7']]);
      expect(await page.locator('.screen-sub').first().textContent()).toContain('class seed 42');
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
