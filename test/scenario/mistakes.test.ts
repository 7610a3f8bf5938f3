// The silent mistakes an instructor new to the tool made (issue 13), one fixture each in
// test/fixtures/mistakes/: every one must now be reported at the line that made it, with
// what to do about it. Fixtures 19 onwards (files a student hands in) are in
// test/cli/class-files.test.ts and test/engine/classview-reference.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quickGameWarnings } from '../../src/io/quick-game.ts';
import type { Diagnostic } from '../../src/scenario/diagnostics.ts';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';

const MISTAKES = join(import.meta.dirname, '..', 'fixtures', 'mistakes');

/** Everything `cashout check` says about a fixture: load diagnostics plus the quick game. */
async function check(name: string): Promise<Diagnostic[]> {
  const file = join(MISTAKES, name);
  const r = await loadScenarioFile(file);
  const game = r.ok && r.locate ? quickGameWarnings(r.value, r.locate, file) : [];
  return [...(r.ok ? [] : r.errors), ...r.warnings, ...game];
}

interface Expected {
  severity: 'error' | 'warning';
  line: number;
  path: string;
  /** What is wrong … */
  says: RegExp;
  /** … and what to do about it. */
  fix: RegExp;
}

const CASES: [string, string, Expected][] = [
  ['ICBM costed $28 (meant $28 M)', '01-icbm-cost-in-dollars.yaml', { severity: 'warning', line: 5, path: 'missiles[1].cost.value', says: /about 6 orders of magnitude below the documented unit cost of an intercontinental ballistic missile, \$20 M–\$30 M \(KIDA .*S55\)/, fix: /did you mean 28000000 \(28 million USD\)\?/ }],
  ['SRBM at ¥600 (meant ¥600 M)', '02-srbm-600-yen.yaml', { severity: 'warning', line: 5, path: 'missiles[0].cost.value', says: /600 JPY \(\$4\) for one srbm is about 6 orders of magnitude below .*short-range ballistic missile, \$2 M–\$5 M/, fix: /did you mean 600000000 \(600 million JPY\)\?/ }],
  ['usdJpy 0.0066 (dollars per yen)', '03-usdjpy-inverted.yaml', { severity: 'warning', line: 4, path: 'currency.usdJpy.value', says: /0\.0066 is below 1: it looks like dollars per yen/, fix: /write 151\.52 \(1 \/ 0\.0066\) instead.*S64/ }],
  ['SRBM dearer than the ICBM', '04-srbm-dearer-than-icbm.yaml', { severity: 'warning', line: 5, path: 'missiles[0].cost.value', says: /one srbm \(\$28 M, missiles\[0\]\) costs more than one icbm \(\$4 M, missiles\[1\]\), but a short-range ballistic missile is the cheaper type/, fix: /check both costs and their currencies/ }],
  ['a $9 tn heist', '05-nine-trillion-heist.yaml', { severity: 'warning', line: 7, path: 'events.scripted[0].effects[0].amount.value', says: /a heist of \$9 tn is 6,000 times the largest documented theft, Bybit/, fix: /check the number of zeros and the currency/ }],
  ['a vulnerability of +30 (meant +30 %)', '06-vulnerability-thirty.yaml', { severity: 'error', line: 10, path: 'events.random[1].effects[0].add', says: /add is a multiplier of the success chance: 0\.3 = \+30 %/, fix: /for \+30 % write 0\.3 \(got 30\)/ }],
  ['a share written 0.003 for 0.3', '07-share-thousandth.yaml', { severity: 'warning', line: 4, path: 'regime.cryptoToMissiles.value', says: /cryptoToMissiles 0\.003 means 0\.3 % of the crypto cash buys missiles; .*30–50 % of the programme.*S57/, fix: /did you mean 0\.3\?/ }],
  ['an objective that can never be met', '08-objective-impossible.yaml', { severity: 'warning', line: 8, path: 'objectives[2].target', says: /"frozenUsd >= \$50 bn" can never be met/, fix: /lower the target or check its units/ }],
  ['an objective met before play starts', '09-objective-met-at-start.yaml', { severity: 'warning', line: 8, path: 'objectives[2].target', says: /"frozenUsd >= 0" is met before turn 1/, fix: /raise the target, or use op "<=" for a limit/ }],
  ['a laundering delay longer than the game', '10-delay-longer-than-game.yaml', { severity: 'warning', line: 8, path: 'laundering.stages[1].channels[0].delayTurns', says: /funds wait 12 turns in "otc" but the game lasts 8/, fix: /shorten the delay \(a turn is a month\) or lengthen the calendar/ }],
  ['a launch-calendar month the game never reaches', '11-calendar-month-outside.yaml', { severity: 'warning', line: 6, path: 'calendar.launchCalendar[1].month', says: /month 11 \("Autumn drills"\) never comes up: the game runs 8 months from 2024-01/, fix: /use one of those months or remove the entry/ }],
  ['a lever with all-zero effects', '12-zero-effect-lever.yaml', { severity: 'warning', line: 11, path: 'levers[4].effects', says: /every effect of "bounties" has perLevel 0, so setting it changes nothing/, fix: /give an effect a perLevel above 0, or remove the lever/ }],
  ['a <= condition true on turn 1', '13-condition-true-turn-1.yaml', { severity: 'warning', line: 8, path: 'events.conditional[1].when.op', says: /"cashedOutUsd <= \$100 M" is already true on turn 1/, fix: /add fromTurn: N, or use ">=" for "when it passes"/ }],
  ['a source nobody cites', '14-unused-source.yaml', { severity: 'warning', line: 4, path: 'sources.trm-2024', says: /no figure, lever, event or objective cites the source "trm-2024"/, fix: /cite it with source: trm-2024 beside the number it supports, or remove it/ }],
  ['remove: true on a misspelt id', '15-extends-remove-misspelt.yaml', { severity: 'error', line: 4, path: 'levers[0].id', says: /no lever `otc-designation` in the base: did you mean `otc-designations`\?/, fix: /`remove: true` drops an item of the base, so it must name one/ }],
  ['objectives: [] kept the base’s', '16-extends-empty-list.yaml', { severity: 'error', line: 3, path: 'objectives', says: /`objectives: \[\]` replaces the base's list with nothing, but a scenario needs at least 1/, fix: /list them as `- \{ id: …, remove: true \}`/ }],
  ['an override with a misspelt id', '17-extends-override-misspelt.yaml', { severity: 'error', line: 4, path: 'levers[0].id', says: /^no lever `exchange-mfs` in the base: did you mean `exchange-mfa`\?/, fix: /to change a lever of the base, use its id/ }],
];

describe('the silent mistakes are caught, located, with a fix', () => {
  it.each(CASES)('%s (%s)', async (_what, name, want) => {
    const found = await check(name);
    const hit = found.find((d) => d.path === want.path && want.says.test(d.message));
    expect(hit, `no diagnostic at ${want.path} matching ${want.says}; got:\n${found.map((d) => `${d.path}: ${d.message}`).join('\n')}`).toBeDefined();
    expect(hit!.severity).toBe(want.severity);
    expect(hit!.file).toBe(join(MISTAKES, name)); // in the file that made the mistake, not its base
    expect(hit!.line).toBe(want.line);
    expect(hit!.message).toMatch(want.fix);
  });

  it('an override with a misspelt id gives that one error, not a flood of missing fields', async () => {
    const found = await check('17-extends-override-misspelt.yaml');
    expect(found.filter((d) => d.severity === 'error')).toHaveLength(1);
  });

  it('costs a million times too low are warnings, not engine errors: production capacity caps what can be bought', async () => {
    for (const name of ['01-icbm-cost-in-dollars.yaml', '02-srbm-600-yen.yaml']) {
      const found = await check(name);
      expect(found.filter((d) => d.severity === 'error')).toEqual([]);
      expect(found.some((d) => d.severity === 'warning' && /orders of magnitude below the documented unit cost/.test(d.message))).toBe(true);
    }
  });

  it('the quick seeded game compares theft with the scenario’s own documented figure (one zero too many)', async () => {
    const found = await check('05b-heist-extra-zero.yaml');
    // No single figure is absurd enough for a static warning …
    expect(found.filter((d) => d.path.startsWith('events'))).toEqual([]);
    // … but one seeded game steals ten times what the scenario documents.
    const hit = found.find((d) => d.path === 'calibration[0].documented.value')!;
    expect(hit.message).toMatch(/one seeded game \(seed "check", policy "historical", 8 turns\) gives stolenUsd = \$15\.2 bn, against the \$1\.34 bn this scenario documents here \(source chainalysis-2024\): 11 times more/);
    expect(hit.message).toMatch(/check the sectors’ heist median and max/);
  });

  it('the quick seeded game reports launches orders of magnitude above the record', async () => {
    // Past the loader's bounds only a scenario built in code gets here; the game is the second line.
    const base = await loadScenarioFile(join(MISTAKES, 'course.yaml'));
    if (!base.ok || !base.locate) throw new Error('course.yaml must load');
    const cheap = ScenarioSchema.parse({
      ...base.value,
      calibration: [],
      // 120 tests a month (meant 1.2), with the production and stock to fire them.
      missiles: base.value.missiles.map((m) =>
        m.id === 'srbm'
          ? { ...m, testsPerMonth: { ...m.testsPerMonth, value: 120 }, productionPerMonth: { ...m.productionPerMonth, value: 120 }, initialStock: 1000 }
          : m,
      ),
    });
    const found = quickGameWarnings(cheap, base.locate, 'course.yaml');
    expect(found.map((d) => d.path)).toEqual(['missiles']);
    expect(found[0]!.message).toMatch(/launches [\d,]+ missiles, more than 10 times the record of 68 a year \(2022, the record year/);
  });

  it('the base they all extend is clean: no errors, no warnings, and the quick game agrees with it', async () => {
    expect(await check('course.yaml')).toEqual([]);
    expect(await check('18-extends-partial-file.yaml')).toEqual([]);
    expect(await check('19-changed-scenario.yaml')).toEqual([]);
  });
});
