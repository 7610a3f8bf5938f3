// Facilitator controls and scenarios loaded from an address, in headless Chromium through
// the real controls: pause/resume (survives a reload), inject, extend, end, the seed at the
// debrief; the autosave and the export re-run in Node with every facilitator event in them.
// The address loader's refusals (other sites, 404, web pages, too large, bad UTF-8) are also
// checked directly in Node with a stand-in fetch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../src/engine/events-types.ts';
import { type ReplayFile, runReplay } from '../../src/engine/replay.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';
import { fetchScenario, resolveScenarioUrl, scenarioUrlFromQuery } from '../../src/ui/app/url-scenario.ts';
import { appUrl, openPage, ROOT, useHarness } from './harness.ts';
import { exportReplay, leverGroup, playToDebrief, playTurn, SAVE_KEY } from './play.ts';
import { LOAD, STATE, until } from './wait.ts';

const DRILL = '/test/browser/fixtures/drill.yaml';
const BROKEN = '/test/browser/fixtures/broken.yaml';
const fixture = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('scenario addresses (Node)', () => {
  const base = 'http://127.0.0.1:5173/?scenario=x';

  it('resolves paths on this site and refuses other sites and non-web schemes', () => {
    expect(scenarioUrlFromQuery('?scenario=%2Fs%2Fa.yaml&x=1')).toBe('/s/a.yaml');
    expect(scenarioUrlFromQuery('?scenario=')).toBeNull();
    const ok = resolveScenarioUrl(' scenarios/a.yaml#top ', base);
    expect(ok.ok && ok.name).toBe('/scenarios/a.yaml');
    expect(resolveScenarioUrl('http://127.0.0.1:5173/s.yaml?v=2', base)).toMatchObject({ ok: true, name: '/s.yaml?v=2' });
    for (const other of ['https://example.com/s.yaml', '//example.com/s.yaml', 'http://127.0.0.1:9999/s.yaml', 'https://127.0.0.1:5173/s.yaml']) {
      const r = resolveScenarioUrl(other, base);
      expect(r.ok, other).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/is another site: only scenarios on this site \(http:\/\/127\.0\.0\.1:5173\)/);
    }
    for (const scheme of ['javascript:alert(1)', 'data:text/yaml,id: x', 'file:///etc/passwd']) {
      const r = resolveScenarioUrl(scheme, base);
      expect(r.ok, scheme).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/addresses are refused/);
    }
    expect(resolveScenarioUrl('  ', base).ok).toBe(false);
    expect(resolveScenarioUrl('/a.yaml', 'file:///home/x/index.html')).toMatchObject({ ok: false, message: /served over http/ });
  });

  it('turns every fetch problem into one line naming the address, and validates what it gets', async () => {
    const calls: string[] = [];
    const serve = (body: BodyInit | null, init: ResponseInit = {}): typeof fetch =>
      (async (input: RequestInfo | URL) => {
        calls.push(String(input));
        return new Response(body, init);
      }) as typeof fetch;
    const load = (f: typeof fetch, opts: { maxBytes?: number } = {}) => fetchScenario('/s.yaml', { base, fetch: f, ...opts });

    expect(await load(serve('nope', { status: 404, statusText: 'Not Found' }))).toEqual({
      ok: false,
      name: '/s.yaml',
      lines: ['/s.yaml: the server answered 404 Not Found — there is no file at this address. Check the address.'],
    });
    expect((await load(serve('<!doctype html>', { headers: { 'content-type': 'text/html; charset=utf-8' } }))).ok).toBe(false);
    const html = await load(serve('<!doctype html>', { headers: { 'content-type': 'text/html' } }));
    expect(!html.ok && html.lines[0]).toMatch(/sent a web page, not a scenario file/);
    const declared = await load(serve('x'.repeat(10), { headers: { 'content-length': '5000000' } }));
    expect(!declared.ok && declared.lines[0]).toMatch(/^\/s\.yaml: the file is 4883 kB; a scenario is at most 1024 kB/);
    const streamed = await load(serve('y'.repeat(2000)), { maxBytes: 1000 });
    expect(!streamed.ok && streamed.lines[0]).toMatch(/larger than 1 kB/);
    const latin1 = await load(serve(new Uint8Array([0x69, 0x64, 0x3a, 0x20, 0xe9, 0x0a])));
    expect(!latin1.ok && latin1.lines[0]).toMatch(/not UTF-8 text/);
    const offline = await load((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    expect(!offline.ok && offline.lines[0]).toBe('/s.yaml: could not be fetched (Failed to fetch); check the address and that the site is reachable.');
    const slow = await fetchScenario('/s.yaml', {
      base,
      timeoutMs: 20,
      fetch: ((_: unknown, init?: RequestInit) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch,
    });
    expect(!slow.ok && slow.lines[0]).toMatch(/no answer after 0 s/);

    // Refused before any request is made.
    calls.length = 0;
    expect((await fetchScenario('https://example.com/s.yaml', { base, fetch: serve('id: x') })).ok).toBe(false);
    expect(calls).toEqual([]);

    // What is fetched goes through the file loader: the same diagnostics, named by the path.
    const broken = await load(serve(fixture(BROKEN)));
    const expected = parseScenarioText(fixture(BROKEN), '/s.yaml');
    if (expected.ok) throw new Error('broken.yaml should not load');
    expect(broken).toEqual({ ok: false, name: '/s.yaml', lines: expected.errors.map(formatDiagnostic) });
    const good = await load(serve(fixture(DRILL)));
    expect(good.ok && good.scenario.id).toBe('drill');
  });
});

const harness = useHarness();


/** Open the drill scenario from an instructor's link and start it. */
async function startDrill(page: Page, seed: string): Promise<void> {
  await page.goto(appUrl(harness(), `scenario=${encodeURIComponent(DRILL)}`));
  await page.getByText(`Loaded “Facilitator drill” from ${DRILL} and selected it.`).waitFor({ timeout: LOAD });
  expect(await page.getByRole('radio', { name: /^Facilitator drill/ }).isChecked()).toBe(true);
  await page.getByLabel('Seed').fill(seed);
  await page.getByRole('button', { name: 'Start: read the briefing' }).click();
  await page.getByRole('button', { name: 'Start turn 1' }).click();
  await page.getByRole('button', { name: /^Commit plan — / }).waitFor({ timeout: STATE });
}

const panel = (page: Page) => page.getByRole('region', { name: 'Facilitator controls' });
const banner = (page: Page) => page.getByText('Paused by the facilitator.');
const live = (page: Page) => page.locator('#turn-summary-live');

async function savedReplay(page: Page): Promise<ReplayFile> {
  const raw = await page.evaluate((k) => localStorage.getItem(k), SAVE_KEY);
  if (!raw) throw new Error('no autosave');
  return (JSON.parse(raw) as { replay: ReplayFile }).replay;
}

function facilitatorEvents(events: GameEvent[]): GameEvent[] {
  return events.filter((e) => ['PAUSE', 'RESUME', 'INJECT', 'EXTEND', 'END_GAME'].includes(e.type));
}

describe('facilitator controls in the browser', () => {
  it('pauses (even across a reload), injects an event, extends the game; the autosave replays all of it in Node', async () => {
    const { context, page, problems } = await openPage(harness());
    try {
      await startDrill(page, 'fac-a');
      const toggle = page.getByRole('switch', { name: 'Facilitator' });
      expect(await toggle.isChecked()).toBe(false);
      expect(await panel(page).isVisible()).toBe(false);
      await toggle.check();
      await until(() => panel(page).isVisible()).toBe(true);

      // Pause: everyone sees the banner, player controls are disabled, the engine refuses the rest.
      const commit = page.getByRole('button', { name: 'Commit plan — Sanctions authority' });
      const level1 = leverGroup(page, 'Sanction mixers').getByRole('radio', { name: /^Level 1,/ });
      await panel(page).getByRole('button', { name: 'Pause the game' }).click();
      await until(() => banner(page).isVisible()).toBe(true);
      expect(await commit.isDisabled()).toBe(true);
      expect(await level1.isDisabled()).toBe(true);
      await until(() => live(page).textContent()).toMatch(/^Game paused by the facilitator/);
      await page.getByLabel('Extend the game by').fill('1');
      await panel(page).getByRole('button', { name: 'Extend' }).click();
      await until(() => panel(page).getByRole('alert').textContent()).toBe('Not possible: The game is paused by the facilitator; resume it first.');

      // The pause and the switch come back after a reload (the autosave re-runs PAUSE).
      await page.reload();
      await until(() => banner(page).isVisible(), LOAD).toBe(true);
      await until(() => panel(page).isVisible(), LOAD).toBe(true);
      expect(await page.getByRole('switch', { name: 'Facilitator' }).isChecked()).toBe(true);
      expect(await commit.isDisabled()).toBe(true);
      const resume = panel(page).getByRole('button', { name: 'Resume the game' });
      await resume.focus();
      await page.keyboard.press('Enter');
      await until(() => banner(page).isVisible()).toBe(false);
      expect(await commit.isEnabled()).toBe(true);
      expect(await level1.isEnabled()).toBe(true);
      await until(() => live(page).textContent()).toBe('Game resumed: players can act again.');
      // Focus stays on the (relabelled) button, for the next keyboard action.
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pause the game');

      // Inject a random event that never happens on its own (probability 0).
      await panel(page).getByLabel('Inject an event now').selectOption('market-crash');
      await until(() => panel(page).getByText(/^Market crash \(random; 0% chance a turn\)/).isVisible()).toBe(true);
      await panel(page).getByRole('button', { name: 'Inject' }).click();
      await until(() => panel(page).getByText('Queued “Market crash”: it happens at the next resolution, when turn 1 resolves.').isVisible()).toBe(true);
      await until(() => panel(page).getByText('Queued for turn 1: Market crash.').isVisible()).toBe(true);
      await until(() => live(page).textContent()).toMatch(/^Queued “Market crash”/);

      await playTurn(page, { plan: async () => void (await level1.check()) });
      const event = page.locator('.event').filter({ hasText: 'Market crash' });
      await until(() => event.getByText('facilitator', { exact: true }).isVisible()).toBe(true);
      await event.scrollIntoViewIfNeeded();

      // The last turn's report: nothing left to resolve, so no inject until the game is extended.
      await page.getByRole('button', { name: 'Plan turn 2' }).click();
      await playTurn(page);
      expect(await page.getByRole('button', { name: 'Go to the debrief' }).isVisible()).toBe(true);
      const inject = panel(page).getByRole('button', { name: 'Inject' });
      expect(await inject.isDisabled()).toBe(true);
      expect(await panel(page).getByText('This was the last turn: extend the game to inject an event.').isVisible()).toBe(true);

      // Extend: refused input first, then 2 more turns; the screen and the header follow.
      const turnsField = page.getByLabel('Extend the game by');
      const extend = panel(page).getByRole('button', { name: 'Extend' });
      await turnsField.fill('0');
      await extend.click();
      await until(() => panel(page).getByRole('alert').textContent()).toBe('Not possible: enter a whole number of turns, 1 or more.');
      await turnsField.fill('300');
      await extend.click();
      await until(() => panel(page).getByRole('alert').textContent()).toBe('Not possible: Extend by 1 or more whole turns, up to 240 turns in all.');
      await turnsField.fill('2');
      await turnsField.press('Enter');
      await until(() => panel(page).getByText('Game extended by 2 turns: it now lasts 4 turns.').isVisible()).toBe(true);
      await until(() => page.getByRole('button', { name: 'Plan turn 3' }).isVisible()).toBe(true);
      expect(await page.locator('.app-progress').textContent()).toMatch(/^Turn 2 of 4 /);
      expect(await inject.isEnabled()).toBe(true);

      await playToDebrief(page);
      await until(() => page.getByText(/· 4 turns played · seed fac-a$/).isVisible()).toBe(true);
      expect(await panel(page).getByText('The game is over: the seed and the replay are on the debrief.').isVisible()).toBe(true);

      // The autosave is a replay with every facilitator action in order; Node re-runs it exactly.
      const replay = await savedReplay(page);
      expect(facilitatorEvents(replay.events)).toMatchObject([
        { type: 'PAUSE', seat: 'facilitator' },
        { type: 'RESUME', seat: 'facilitator' },
        { type: 'INJECT', seat: 'facilitator', event: 'market-crash' },
        { type: 'EXTEND', seat: 'facilitator', turns: 2 },
      ]);
      const rerun = runReplay(replay);
      if (!rerun.ok) throw new Error(rerun.message);
      expect(rerun.run.turnHashes).toEqual(replay.turnHashes);
      expect(rerun.run.reports).toHaveLength(4);
      expect(rerun.run.reports[0]!.events.filter((e) => e.kind === 'injected').map((e) => e.id)).toEqual(['market-crash']);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('reveals the seed to the facilitator, ends the game early after a confirmation, and shows the seed with Copy at the debrief', async () => {
    const { context, page, problems } = await openPage(harness());
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    try {
      await startDrill(page, 'fac-b');
      // Students do not see the seed mid-game unless the facilitator reveals it.
      expect(await page.getByText('fac-b').count()).toBe(0);
      await page.getByRole('switch', { name: 'Facilitator' }).check();
      const reveal = panel(page).getByRole('button', { name: 'Reveal the seed' });
      expect(await reveal.getAttribute('aria-expanded')).toBe('false');
      await reveal.click();
      await until(() => panel(page).locator('.seed-value').textContent()).toBe('fac-b');
      await panel(page).getByRole('button', { name: 'Hide the seed' }).click();
      expect(await page.getByText('fac-b').count()).toBe(0);
      // Closing the panel hides a revealed seed too, so nobody comes upon it later.
      await reveal.click();
      await page.getByRole('switch', { name: 'Facilitator' }).uncheck();
      await page.getByRole('switch', { name: 'Facilitator' }).check();
      expect(await reveal.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByText('fac-b').count()).toBe(0);

      await playTurn(page);
      await panel(page).getByRole('button', { name: 'End the game now…' }).click();
      const confirm = panel(page).getByRole('group', { name: 'Confirm ending the game' });
      await until(() => confirm.getByText('End for everyone? 1 turn is not played.').isVisible()).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep playing');
      await page.keyboard.press('Enter');
      expect(await confirm.count()).toBe(0);
      await panel(page).getByRole('button', { name: 'End the game now…' }).click();
      await confirm.getByRole('button', { name: 'End the game' }).click();

      await until(() => page.getByRole('heading', { level: 2, name: 'Debrief' }).isVisible()).toBe(true);
      expect(await page.getByText('The facilitator ended the game after 1 of 2 turns.').isVisible()).toBe(true);
      const seed = page.locator('.debrief .seed-reveal');
      expect(await seed.locator('.seed-value').textContent()).toBe('fac-b');
      await seed.getByRole('button', { name: 'Copy seed' }).click();
      await until(() => seed.getByRole('status').textContent()).toBe('Seed “fac-b” copied.');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('fac-b');
      await seed.scrollIntoViewIfNeeded();

      const { text } = await exportReplay(page);
      const file = JSON.parse(text) as ReplayFile;
      expect(facilitatorEvents(file.events)).toEqual([{ type: 'END_GAME', turn: 1, seat: 'facilitator' }]);
      const rerun = runReplay(file);
      if (!rerun.ok) throw new Error(rerun.message);
      expect(rerun.run.phase).toBe('debrief');
      expect(rerun.run.turnHashes).toEqual(file.turnHashes);
      expect(problems.errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('loads scenarios from addresses on this site, lists a broken one’s problems at line:column, refuses other sites, and stays usable', async () => {
    const { context, page, problems } = await openPage(harness());
    const foreign: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(harness().url)) foreign.push(r.url());
    });
    try {
      const field = page.getByLabel('Load a scenario from an address on this site');
      const load = page.getByRole('button', { name: 'Load', exact: true });

      // A shipped scenario by its path on the dev server.
      await field.fill('/scenarios/tutorial.yaml');
      await load.click();
      await until(() => page.getByText('Loaded “Tutorial: follow the money” from /scenarios/tutorial.yaml and selected it.').isVisible()).toBe(true);
      expect(await page.getByRole('radio', { name: /loaded from \/scenarios\/tutorial\.yaml/ }).isChecked()).toBe(true);

      // A broken file: each problem at its line and column, exactly as the loader words it.
      await field.fill(BROKEN);
      await field.press('Enter'); // loads; does not start the game
      const alert = page.getByRole('alert').filter({ hasText: `${BROKEN} could not be loaded` });
      await until(() => alert.isVisible()).toBe(true);
      const expected = parseScenarioText(fixture(BROKEN), BROKEN);
      if (expected.ok) throw new Error('broken.yaml should not load');
      const shown = await alert.getByRole('listitem').allTextContents();
      expect(shown).toEqual(expected.errors.map(formatDiagnostic));
      expect(shown[0]).toMatch(/^\/test\/browser\/fixtures\/broken\.yaml:\d+:\d+: error: /);
      await alert.scrollIntoViewIfNeeded();

      // Other sites are refused before any request; missing files and web pages are named.
      await field.fill('https://example.com/scenario.yaml');
      await load.click();
      await until(() => page.getByRole('alert').filter({ hasText: 'https://example.com is another site' }).isVisible()).toBe(true);
      expect(foreign).toEqual([]);
      await field.fill('/test/browser/fixtures/missing.yaml');
      await load.click();
      await until(() => page.getByRole('alert').filter({ hasText: 'missing.yaml' }).textContent()).toMatch(/the server answered 404/);

      // An instructor's link to a broken file shows the same list as soon as the page opens.
      await page.goto(appUrl(harness(), `scenario=${BROKEN}`));
      // A page load, a fetch and a parse: allow for a busy machine (the full suite runs browsers in parallel).
      await until(() => alert.getByRole('listitem').allTextContents(), LOAD).toEqual(expected.errors.map(formatDiagnostic));
      expect(await page.getByLabel('Load a scenario from an address on this site').inputValue()).toBe(BROKEN);

      // The page is still a working start screen.
      await page.getByRole('group', { name: 'Scenario' }).getByRole('radio').first().check();
      await page.getByRole('button', { name: 'Start: read the briefing' }).click();
      await until(() => page.getByRole('button', { name: 'Start turn 1' }).isVisible()).toBe(true);
      // Chromium logs the deliberate 404 itself; nothing else may reach the console.
      const notFound = 'console: Failed to load resource: the server responded with a status of 404 (Not Found)';
      expect(problems.errors.filter((e) => e === notFound)).toHaveLength(1);
      expect(problems.errors.filter((e) => e !== notFound)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});
