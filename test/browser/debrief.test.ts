// The instructor's debrief in headless Chromium: the replay viewer stepping through a run
// (checked against the engine's checkpoints computed here in Node), refused files, the
// counterfactual table, the exported report, the class view and "branch here".
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { classView } from '../../src/engine/classview.ts';
import { buildReplay, type ReplayFile } from '../../src/engine/replay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { buildTimeline, compareTimelines, counterfactual, decisionsByTurn, policyOf, type Timeline } from '../../src/engine/timeline.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { formatMoney, type MoneyView } from '../../src/ui/app/format.ts';
import { mini } from '../fixtures/mini.ts';
import { openPage, useHarness } from './harness.ts';
import { advanceClock, escapeRe, expectFitsWindow, exportReplay, playToDebrief, playTurn, SAVE_KEY, shortestScenario } from './play.ts';
import { STATE, until } from './wait.ts';

const harness = useHarness();
const S = shortestScenario().scenario;
const money: MoneyView = { currency: S.currency.display, usdJpy: S.currency.usdJpy.value };
const policy = (id: string) => S.policies[id] ?? S.policies.none!;

function record(scenario: Scenario, policyId: string, seed: string): ReplayFile {
  const p = scenario.policies[policyId] ?? scenario.policies.none!;
  return JSON.parse(JSON.stringify(buildReplay(playPolicy(new GameSession(scenario, seed), p), { inline: true })));
}

function timeline(r: ReplayFile): Timeline {
  const t = buildTimeline(r);
  if (!t.ok) throw new Error(t.message);
  return t.timeline;
}

const A = record(S, 'historical', 'debrief-a');
const TA = timeline(A);
const T = TA.checkpoints.length;
const B = record(S, 'tough', 'debrief-b');
const file = (name: string, r: ReplayFile | string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(typeof r === 'string' ? r : JSON.stringify(r, null, 2)) });

/** A: the first decision that raises a lever, lowered back to 0 (as if the file were edited). */
function tampered(): { replay: ReplayFile; turn: number; message: string } {
  const r: ReplayFile = JSON.parse(JSON.stringify(A));
  const perTurn = decisionsByTurn(r.events);
  const turn = perTurn.findIndex((es) => es?.some((e) => e.type === 'SET_LEVER' && e.level > 0)) + 1;
  const target = perTurn[turn - 1]!.find((e) => e.type === 'SET_LEVER' && e.level > 0)!;
  (target as { level: number }).level = 0; // decisionsByTurn hands back the log's own event objects
  const t = buildTimeline(r);
  if (t.ok) throw new Error('the tampered replay should not verify');
  return { replay: r, turn, message: t.message };
}


const viewer = (page: Page) => page.locator('section.screen.viewer');

/** What the viewer shows (its data attributes carry the engine's raw figures and hash). */
async function shown(page: Page) {
  const v = viewer(page);
  const stat = (label: string) => v.locator('.turn-report .stat').filter({ has: page.locator('dt', { hasText: new RegExp(`^${label}$`) }) }).locator('.stat-value').first().textContent();
  return {
    turn: Number(await v.getAttribute('data-turn')),
    hash: await v.getAttribute('data-hash'),
    stolenUsd: Number(await v.getAttribute('data-stolen-usd')),
    cashedOutUsd: Number(await v.getAttribute('data-cashed-out-usd')),
    stolenText: await stat('Crypto stolen'),
    cashedText: await stat('Cashed out'),
    readout: await v.locator('.viewer-turn').textContent(),
  };
}

async function expectTurn(page: Page, turn: number): Promise<void> {
  await until(() => viewer(page).getAttribute('data-turn')).toBe(String(turn));
  const c = TA.checkpoints[turn - 1]!;
  expect(await shown(page)).toEqual({
    turn,
    hash: c.hash,
    stolenUsd: c.report.stolenUsd,
    cashedOutUsd: c.report.cashedOutUsd,
    stolenText: formatMoney(c.report.stolenUsd, money),
    cashedText: formatMoney(c.report.cashedOutUsd, money),
    readout: `Turn ${turn} of ${T} · ${c.report.label}`,
  });
  await until(() => page.locator('#turn-summary-live').textContent()).toContain(`Showing turn ${turn} of ${T} (${c.report.label}).`);
}

async function openReplay(page: Page, name: string, r: ReplayFile): Promise<void> {
  await page.getByLabel('Open a replay (debrief)').setInputFiles(file(name, r));
  await until(() => page.getByRole('heading', { level: 2, name: 'Replay viewer' }).isVisible()).toBe(true);
}

async function differences(page: Page) {
  return page.locator('table.differences tbody tr').evaluateAll((rows) =>
    rows.map((r) => {
      const d = (r as HTMLElement).dataset;
      return { metric: d.metric, actual: Number(d.actual), other: Number(d.other), delta: Number(d.delta) };
    }),
  );
}

describe('the debrief in the browser', () => {
  it('steps through a replay exactly as the engine recorded it, and refuses a tampered file without losing the screen', async () => {
    const { context, page, problems } = await openPage(harness(), { reducedMotion: true });
    try {
      const bad = tampered();
      // Refused from the start screen: the reason names the turn, the start screen stays.
      await page.getByLabel('Open a replay (debrief)').setInputFiles(file('edited.replay.json', bad.replay));
      const alert = page.getByRole('alert').filter({ hasText: 'edited.replay.json could not be opened' });
      await until(() => alert.textContent()).toContain(bad.message);
      expect(bad.message).toContain(`Turn ${bad.turn}`);
      expect(await page.getByRole('heading', { level: 2, name: 'Choose a scenario' }).isVisible()).toBe(true);

      await openReplay(page, 'alice.replay.json', A);
      await expectTurn(page, 1);
      await expectFitsWindow(page);
      await page.getByRole('button', { name: 'Next' }).click();
      await expectTurn(page, 2);
      await page.keyboard.press('ArrowRight');
      await expectTurn(page, 3);
      await page.keyboard.press('ArrowLeft');
      await expectTurn(page, 2);
      await page.getByLabel('Jump to turn').selectOption(String(T));
      await expectTurn(page, T);
      await page.getByRole('button', { name: 'Back' }).click();
      await page.keyboard.press('Home');
      await expectTurn(page, 1);
      await page.keyboard.press('End');
      await expectTurn(page, T);
      await page.keyboard.press('Home');
      await expectTurn(page, 1);

      // The decisions of a turn are named as the scenario names the levers.
      const first = TA.checkpoints.find((c) => c.decisions.some((e) => e.type === 'SET_LEVER'))!;
      const lever = S.levers.find((l) => first.decisions.some((e) => e.type === 'SET_LEVER' && e.lever === l.id))!;
      await page.getByLabel('Jump to turn').selectOption(String(first.turn));
      await until(() => viewer(page).locator('.decision-list').textContent()).toContain(lever.name);

      // Play: one turn every 3 s on the page's (manual) clock, stopping at the last turn.
      await page.getByLabel('Jump to turn').selectOption(String(T - 1));
      await page.getByLabel('Advance every').selectOption('3000');
      await page.getByRole('heading', { level: 2, name: 'Replay viewer' }).focus();
      await page.keyboard.press('Space');
      expect(await page.getByRole('button', { name: 'Pause' }).isVisible()).toBe(true);
      await advanceClock(page, 2_999);
      expect(await viewer(page).getAttribute('data-turn')).toBe(String(T - 1));
      await advanceClock(page, 1);
      await until(() => viewer(page).getAttribute('data-turn')).toBe(String(T));
      await advanceClock(page, 3_000);
      await until(() => page.getByRole('button', { name: 'Play again', exact: true }).isVisible()).toBe(true);
      await expectTurn(page, T);

      // A tampered file opened from the viewer is refused; the run shown stays as it was.
      const before = await shown(page);
      await page.getByLabel('Open another replay').setInputFiles(file('edited.replay.json', bad.replay));
      await until(() => viewer(page).getByRole('alert').textContent()).toContain(bad.message);
      expect(await shown(page)).toEqual(before);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 45_000);

  it('compares with a counterfactual (a policy, another replay) exactly as the engine does, and exports the report', async () => {
    const { context, page, problems } = await openPage(harness(), { reducedMotion: true });
    try {
      await openReplay(page, 'alice.replay.json', A);
      await page.getByLabel('Compare this run with').selectOption({ label: 'No new measures' });
      const none = counterfactual(S, A.seed, policy('none'), T);
      await until(() => differences(page)).toEqual(compareTimelines(TA, none));
      expect(await page.getByText(/met the same luck\. The differences are the effect of the policy, not chance\./).isVisible()).toBe(true);
      await page.getByRole('radio', { name: 'Charts' }).check();
      await page.getByLabel('Jump to turn').selectOption(String(T));
      await page.getByRole('heading', { name: 'Counterfactual' }).scrollIntoViewIfNeeded();
      await until(() => page.locator('.world-note').isHidden(), 15_000).toBe(true); // the charts have drawn

      await page.getByLabel('Compare this run with').selectOption({ label: 'Another replay’s decisions…' });
      await page.getByLabel('Open the other replay').setInputFiles(file('bob.replay.json', B));
      const theirs = counterfactual(S, A.seed, policyOf(timeline(B)), T);
      await until(() => page.locator('table.differences thead').textContent()).toContain('Decisions of bob.replay.json');
      expect(await differences(page)).toEqual(compareTimelines(TA, theirs));

      const [download] = await Promise.all([page.waitForEvent('download', { timeout: STATE }), page.getByRole('button', { name: 'Export report' }).click()]);
      expect(download.suggestedFilename()).toBe(`cashout-${S.id}-seed-debrief-a.report.html`);
      const html = readFileSync(await download.path(), 'utf8');
      expect(html).toContain('<svg');
      expect(html).toContain('Decisions of bob.replay.json');
      expect(html).not.toMatch(/<script|\ssrc=|\shref=/i);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('puts a class side by side: one row per run, refused files listed, lever use per turn, each run opens in the viewer', async () => {
    const { context, page, problems } = await openPage(harness(), { reducedMotion: true });
    try {
      const other = S.id === mini.id ? { ...mini, id: 'mini-other' } : mini;
      const C = record(other, 'tough', 'debrief-c');
      await page.getByLabel('Class view: open several replays').setInputFiles([file('alice.json', A), file('bob.json', B), file('other.json', C)]);
      await until(() => page.getByRole('heading', { level: 2, name: 'Class view' }).isVisible()).toBe(true);
      const rows = page.locator('table.class-outcomes tbody tr');
      expect(await rows.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.run))).toEqual(['alice.json', 'bob.json']);
      const refused = page.locator('.refused-list li');
      expect(await refused.evaluateAll((ls) => ls.map((l) => (l as HTMLElement).dataset.file))).toEqual(['other.json']);
      expect(await refused.textContent()).toContain(`"${other.id}"`);

      // A fourth run dropped on the drop zone joins the table.
      const D = record(S, 'none', 'debrief-d');
      const dt = await page.evaluateHandle((text) => {
        const d = new DataTransfer();
        d.items.add(new File([text], 'dave.json', { type: 'application/json' }));
        return d;
      }, JSON.stringify(D));
      await page.locator('.class-add .drop-zone').dispatchEvent('drop', { dataTransfer: dt });
      await until(() => rows.count()).toBe(3);
      await expectFitsWindow(page);

      const expected = classView(
        [
          { name: 'alice.json', replay: A },
          { name: 'bob.json', replay: B },
          { name: 'dave.json', replay: D },
        ],
        { scenario: S, name: 'the app’s copy' },
      );
      for (const run of expected.runs)
        expect(await rows.filter({ has: page.locator(`th:text-is("${run.name}")`) }).locator('td[data-metric="stolenUsd"]').getAttribute('data-value')).toBe(String(run.totals.stolenUsd));
      expect(await page.locator('tr[data-spread="p50"] td').first().textContent()).toBe(formatMoney(expected.outcomes.stolenUsd.p50, money));
      const heat = await page.locator('table.heat tbody tr').evaluateAll((rs) => rs.map((r) => [(r as HTMLElement).dataset.lever, Array.from(r.querySelectorAll('td')).map((c) => c.textContent)]));
      expect(Object.fromEntries(heat)).toEqual(Object.fromEntries(Object.entries(expected.usage).map(([id, u]) => [id, u.map((x) => `${Math.round(x * 100)}%`)])));

      // Sorting by a column orders the rows by it.
      await page.getByRole('button', { name: 'Stolen' }).click();
      const sorted = [...expected.runs].sort((a, b) => a.totals.stolenUsd - b.totals.stolenUsd || a.name.localeCompare(b.name)).map((r) => r.name);
      expect(await rows.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.run))).toEqual(sorted);
      await page.getByRole('heading', { name: 'Lever use over the turns' }).scrollIntoViewIfNeeded();

      await page.getByRole('button', { name: 'Open bob.json in the viewer' }).click();
      await until(() => page.getByRole('heading', { level: 2, name: 'Replay viewer' }).isVisible()).toBe(true);
      expect(await viewer(page).getAttribute('data-hash')).toBe(timeline(B).checkpoints[0]!.hash);
      await page.getByRole('button', { name: 'Back to class view' }).click();
      await until(() => page.getByRole('heading', { level: 2, name: 'Class view' }).isVisible()).toBe(true);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 30_000);

  it('branches from a turn into the normal game, keeps the autosave, and compares with the original at the debrief', async () => {
    const { context, page, problems } = await openPage(harness(), { reducedMotion: true });
    try {
      await openReplay(page, 'alice.replay.json', A);
      const at = Math.min(3, T);
      await page.getByLabel('Jump to turn').selectOption(String(at));
      await page.getByRole('button', { name: `Branch here at turn ${at}` }).click();
      await until(() => page.getByRole('heading', { level: 2, name: new RegExp(`^Turn ${at} of ${T}`) }).isVisible()).toBe(true);
      const banner = page.getByRole('note', { name: 'Branched game' });
      expect(await banner.textContent()).toContain(`Branched from alice.replay.json at turn ${at} — compare at the end.`);

      // Plan the branch turn with no new measures, then play on to the debrief.
      await playTurn(page);
      await playToDebrief(page);
      expect(await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY)).toBeNull();
      const { text } = await exportReplay(page);
      const branch = timeline(JSON.parse(text) as ReplayFile);
      await until(() => differences(page)).toEqual(compareTimelines(TA, branch));
      await page.getByRole('heading', { name: 'Compared with the original run' }).scrollIntoViewIfNeeded();

      const [download] = await Promise.all([page.waitForEvent('download', { timeout: STATE }), page.getByRole('button', { name: 'Export report' }).click()]);
      expect(readFileSync(await download.path(), 'utf8')).toContain('Original run (alice.replay.json)');

      await page.getByRole('button', { name: 'Open in debrief viewer' }).click();
      await until(() => page.getByRole('heading', { level: 2, name: 'Replay viewer' }).isVisible()).toBe(true);
      expect(await page.getByLabel('Compare this run with').inputValue()).toBe('original');
      await page.getByRole('button', { name: 'Back to the debrief' }).click();
      await until(() => page.getByRole('heading', { level: 2, name: 'Debrief' }).isVisible()).toBe(true);
      expect(await page.getByRole('heading', { name: new RegExp(escapeRe('Compared with the original run')) }).isVisible()).toBe(true);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 45_000);
});
