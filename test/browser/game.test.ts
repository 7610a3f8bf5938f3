// The game in headless Chromium, played through its real controls: a full game with the
// replay export re-verified by the engine in Node, resume after reload, a broken scenario
// file, a corrupted save, and hot-seat hand-over.

import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { buildReplay, type ReplayFile, runReplay } from '../../src/engine/replay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { summarize } from '../../src/engine/summary.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';
import { mini, miniInput } from '../fixtures/mini.ts';
import { openPage, useHarness } from './harness.ts';
import {
  cheapLevers,
  chooseSetup,
  escapeRe,
  expectFitsWindow,
  exportReplay,
  leverGroup,
  playToDebrief,
  playTurn,
  SAVE_KEY,
  shortestScenario,
  uploadScenario,
} from './play.ts';
import { LOAD, until } from './wait.ts';

const harness = useHarness();
const pick = shortestScenario();
const S = pick.scenario;


describe('the browser game', () => {
  it('plays a whole scenario through the real controls, with no console errors, and exports a replay Node re-runs to the same hashes', async () => {
    const { context, page, problems } = await openPage(harness());
    try {
      await expectFitsWindow(page);
      await chooseSetup(page, { title: S.title, seed: 'browser-a', players: 1, upload: pick.upload });
      await expectFitsWindow(page);
      // The briefing shows every lever and the sources.
      for (const l of S.levers) await until(() => page.getByRole('heading', { name: new RegExp(`^${escapeRe(l.name)}`) }).count()).toBeGreaterThan(0);
      await until(() => page.getByRole('heading', { name: 'Sources' }).isVisible()).toBe(true);
      await page.getByRole('button', { name: 'Start turn 1' }).click();

      const cheap = cheapLevers(S);
      const roleIds = new Map(S.roles.map((r) => [r.name, r.id]));
      await playTurn(page, {
        plan: async (roleName) => {
          const lever = cheap.get(roleIds.get(roleName) ?? '');
          if (!lever) return;
          await leverGroup(page, lever).getByRole('radio', { name: /^Level 1,/ }).check();
          await until(() => page.getByText(/^Budget: \d+ pts? used/).textContent()).not.toMatch(/^Budget: 0 pts used/);
        },
        skipWith: 'button',
      });
      await expectFitsWindow(page);
      const live = page.locator('[aria-live="polite"]#turn-summary-live');
      await until(() => live.textContent()).toMatch(/^Turn 1 \(/);

      // Currency switch: amounts follow the choice everywhere.
      await page.getByRole('radio', { name: '$ USD' }).check();
      await until(() => page.locator('.stat-value').first().textContent()).toMatch(/^\$ /);
      await page.getByRole('radio', { name: '¥ JPY' }).check();
      await until(() => page.locator('.stat-value').first().textContent()).toMatch(/^¥ /);

      await playToDebrief(page);
      await until(() => live.textContent()).toMatch(/^Debrief: \d+ of \d+ objectives met/);
      const verdict = await page.getByText(/objectives? met\.$/).textContent();
      await expectFitsWindow(page);

      const { download, text } = await exportReplay(page);
      expect(download.suggestedFilename()).toBe(`cashout-${S.id}-seed-browser-a.replay.json`);
      const file = JSON.parse(text) as ReplayFile;
      expect(file.turnHashes).toHaveLength(S.calendar.turns);
      expect(file.meta?.tool).toBe('cashout web');
      const rerun = runReplay(file);
      if (!rerun.ok) throw new Error(rerun.message);
      expect(rerun.run.turnHashes).toEqual(file.turnHashes);
      expect(rerun.run.phase).toBe('debrief');
      const sum = summarize(rerun.run.scenario, rerun.run.game, rerun.run.reports);
      expect(verdict).toBe(`${sum.objectives.filter((o) => o.met).length} of ${sum.objectives.length} objective${sum.objectives.length === 1 ? '' : 's'} met.`);

      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('resumes exactly where the player was after a reload, and plays on to the end', async () => {
    const { context, page, problems } = await openPage(harness());
    try {
      await chooseSetup(page, { title: S.title, seed: 'browser-b', players: 1, upload: pick.upload });
      await page.getByRole('button', { name: 'Start turn 1' }).click();
      await playTurn(page);
      await page.getByRole('button', { name: 'Plan turn 2' }).click();
      const role = S.roles[0]!;
      const lever = cheapLevers(S).get(role.id)!;
      await leverGroup(page, lever).getByRole('radio', { name: /^Level 1,/ }).check();

      await page.reload();
      await until(() => page.getByRole('heading', { level: 2, name: new RegExp(`^Turn 2 of ${S.calendar.turns}`) }).isVisible(), LOAD).toBe(true);
      await until(() => page.getByRole('button', { name: `Commit plan — ${role.name}` }).isVisible()).toBe(true);
      expect(await leverGroup(page, lever).getByRole('radio', { name: /^Level 1,/ }).isChecked()).toBe(true);
      expect(await page.getByRole('status').filter({ hasText: 'Resumed from autosave' }).count()).toBe(1);

      await playTurn(page);
      await playToDebrief(page);
      const { text } = await exportReplay(page);
      const file = JSON.parse(text) as ReplayFile;
      expect(file.events).toContainEqual({ type: 'SET_LEVER', turn: 2, seat: role.id, lever: S.levers.find((l) => l.name === lever)!.id, level: 1 });
      const rerun = runReplay(file);
      if (!rerun.ok) throw new Error(`Node could not re-run the browser's replay: ${rerun.message}`);
      expect(rerun.run.turnHashes).toEqual(file.turnHashes);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('shows every line:column problem of a broken scenario file and stays usable', async () => {
    const { context, page, problems } = await openPage(harness());
    try {
      const broken = stringify({
        ...miniInput,
        calendar: { ...miniInput.calendar, turns: 0 },
        levers: miniInput.levers.map((l, i) => (i === 0 ? { ...l, role: 'nobody' } : l)),
        colour: 'blue',
      });
      const expected = parseScenarioText(broken, 'broken.yaml');
      if (expected.ok) throw new Error('the broken fixture should not load');
      await page.getByLabel('Load a scenario file (YAML)').setInputFiles({ name: 'broken.yaml', mimeType: 'text/yaml', buffer: Buffer.from(broken) });
      const alert = page.getByRole('alert').filter({ hasText: 'broken.yaml could not be loaded' });
      await until(() => alert.isVisible()).toBe(true);
      const shown = await alert.getByRole('listitem').allTextContents();
      // Each problem the loader finds, at its position (the wording is the loader's business).
      const where = (d: { file: string; line: number; column: number }) => `${d.file}:${d.line}:${d.column}:`;
      expect(shown.map((l) => /^[^:]+:\d+:\d+:/.exec(l)?.[0])).toEqual(expected.errors.map(where));
      expect(shown[0]).toBe(formatDiagnostic(expected.errors[0]!));

      // A YAML syntax error is reported at its position too.
      await page.getByLabel('Load a scenario file (YAML)').setInputFiles({ name: 'syntax.yaml', mimeType: 'text/yaml', buffer: Buffer.from('format: cashout-scenario/2\nid: [unclosed\n') });
      await until(() => page.getByRole('alert').filter({ hasText: 'syntax.yaml could not be loaded' }).getByRole('listitem').first().textContent()).toMatch(/^syntax\.yaml:\d+:\d+: /);

      // The shipped scenarios still start.
      await chooseSetup(page, { title: S.title, seed: 'browser-c', players: 1, upload: pick.upload });
      await until(() => page.getByRole('heading', { level: 2, name: S.title }).isVisible()).toBe(true);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('reports a corrupted or mismatched save, lets the player discard it, and never crashes', async () => {
    const { context, page, problems } = await openPage(harness());
    try {
      await page.evaluate(([k]) => localStorage.setItem(k!, '{"app":"cashout","version":1,"ui":{"players":1,"currency":"JPY"},"replay":{"format":"cash'), [SAVE_KEY]);
      await page.reload();
      const alert = page.getByRole('alert').filter({ hasText: 'Your saved game could not be resumed' });
      await until(() => alert.textContent(), LOAD).toMatch(/not valid JSON/);
      await alert.getByRole('button', { name: 'Discard save' }).click();
      await until(() => alert.count()).toBe(0);
      expect(await page.evaluate(([k]) => localStorage.getItem(k!), [SAVE_KEY])).toBeNull();

      // A save from another engine version is refused with the engine's reason.
      const session = new GameSession(mini, 'old');
      session.act('sanctions', { type: 'BEGIN' });
      session.act('sanctions', { type: 'START' });
      const replay = { ...buildReplay(session, { inline: true }), engineVersion: '0.0.1' };
      await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [SAVE_KEY, JSON.stringify({ app: 'cashout', version: 1, ui: { players: 1, currency: 'USD' }, replay })]);
      await page.reload();
      await until(() => alert.textContent(), LOAD).toMatch(/engine 0\.0\.1/);
      await alert.getByRole('button', { name: 'Discard save' }).click();

      // The page is still a working start screen.
      await chooseSetup(page, { title: S.title, seed: 'browser-d', players: 1, upload: pick.upload });
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('hands the screen over between 2 hot-seat players; each role sees only its own levers; refusals are shown', async () => {
    const { context, page, problems } = await openPage(harness());
    try {
      await uploadScenario(page, { name: 'mini.yaml', text: stringify(miniInput) });
      await chooseSetup(page, { title: 'Mini', seed: 'browser-f', players: 2 });
      await page.getByRole('button', { name: 'Start turn 1' }).click();

      const lever = (id: string) => mini.levers.find((l) => l.id === id)!.name;
      await until(() => page.getByRole('heading', { level: 2, name: 'Pass to the Sanctions authority' }).isVisible()).toBe(true);
      expect(await page.getByRole('radio', { name: /^Level 1,/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'I am the Sanctions authority — show my levers' }).click();
      expect(await leverGroup(page, lever('mixer_sanctions')).isVisible()).toBe(true);
      expect(await leverGroup(page, lever('otc_designation')).isVisible()).toBe(true);
      expect(await leverGroup(page, lever('bridge_validators')).count()).toBe(0);

      // 9 of 10 points, then 2 more would be over budget: refused, shown as text, level unchanged.
      await leverGroup(page, lever('mixer_sanctions')).getByRole('radio', { name: /^Level 3,/ }).check();
      await leverGroup(page, lever('otc_designation')).getByRole('radio', { name: /^Level 1,/ }).click();
      await until(() => page.getByRole('alert').filter({ hasText: 'Not possible' }).textContent()).toMatch(/11 points/);
      expect(await leverGroup(page, lever('otc_designation')).getByRole('radio', { name: /^Off,/ }).isChecked()).toBe(true);
      await page.getByRole('button', { name: 'Commit plan — Sanctions authority' }).click();

      await until(() => page.getByRole('heading', { level: 2, name: 'Pass to the Cyber-defence agency' }).isVisible()).toBe(true);
      expect(await leverGroup(page, lever('mixer_sanctions')).count()).toBe(0);
      await page.getByRole('button', { name: 'I am the Cyber-defence agency — show my levers' }).click();
      expect(await leverGroup(page, lever('bridge_validators')).isVisible()).toBe(true);
      expect(await leverGroup(page, lever('mixer_sanctions')).count()).toBe(0);
      await playTurn(page);

      // The next turn starts with a hand-over back to player 1.
      await page.getByRole('button', { name: 'Plan turn 2' }).click();
      await until(() => page.getByRole('heading', { level: 2, name: 'Pass to the Sanctions authority' }).isVisible()).toBe(true);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
