// Launches depend on production capacity and doctrine, not only on cash (issue 11):
// measured on the shipped scenarios over fixed seeds, with variants that change one thing.
import { describe, expect, it } from 'vitest';
import { measure } from '../../src/engine/measure.ts';
import { spread } from '../../src/engine/stats.ts';
import { playRun } from '../../src/engine/uncertainty.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, shipped } from './shipped.ts';

const SEEDS = Array.from({ length: 40 }, (_, i) => String(i + 1));
const byId = (id: string) => scenarioOf(shipped.find((x) => x.scenario?.id === id)!);
const era = byId('2019-2020-exchange-era');
const y2022 = byId('2022-year-of-missiles');

function medians(s: Scenario, policy = 'historical') {
  const rs = SEEDS.map((seed) => playRun(s, s.policies[policy]!, seed));
  const m = (f: (r: (typeof rs)[number]) => number) => spread(rs.map(f)).p50;
  return {
    runs: rs,
    launches: m((r) => r.state.totals.launches),
    spend: m((r) => r.state.totals.missileSpendUsd),
    unspent: m((r) => r.state.totals.missileFundUsd),
    year: (y: number) => m((r) => measure(r.state, r.reports, 'launches', y)),
  };
}

/** The scenario with every income stream multiplied (more money from elsewhere). */
function richer(s: Scenario, factor: number): Scenario {
  const times = (f: Scenario['regime']['income'][number]['perYear']) => ({
    ...f,
    value: f.value * factor,
    ...(f.low !== undefined ? { low: f.low * factor, high: f.high! * factor } : {}),
  });
  return { ...s, regime: { ...s.regime, income: s.regime.income.map((x) => ({ ...x, perYear: times(x.perYear) })) } };
}

describe('doctrine decides how often the regime tests', () => {
  const m = medians(era);

  it('2020’s pause cuts tests to a third of 2019’s, whatever the money', () => {
    expect(m.year(2020)).toBeLessThanOrEqual(m.year(2019) / 2);
  });

  it('the ICBM moratorium holds: no long-range test in 2019–2020', () => {
    for (const r of m.runs) expect(r.state.launched.icbm).toBe(0);
  });

  it('three times the income buys more missiles but not more tests while the stockpile lasts', () => {
    const rich = medians(richer(era, 3));
    expect(rich.spend).toBeGreaterThan(m.spend);
    expect(Math.abs(rich.launches - m.launches)).toBeLessThanOrEqual(2);
  });
});

describe('production capacity bounds the stockpile', () => {
  it('with no production, tests stop once the stock above the reserve is gone', () => {
    const idle: Scenario = {
      ...y2022,
      missiles: y2022.missiles.map((x) => ({ ...x, productionPerMonth: { value: 0, confidence: 'assumption' as const } })),
    };
    const cap = y2022.missiles.reduce((a, x) => a + x.initialStock - x.reserve, 0);
    const m = medians(idle);
    for (const r of m.runs) expect(r.state.totals.launches).toBeLessThanOrEqual(cap);
    expect(m.launches).toBeLessThan(medians(y2022).launches / 2);
  });

  it('money the industry cannot turn into missiles waits unspent', () => {
    const rich = medians(richer(y2022, 4));
    expect(rich.unspent).toBeGreaterThan(100_000_000);
  });
});

describe('when the stockpile runs short, cash matters', () => {
  it('in the 2022 surge, halving the missile money lowers the year’s tests', () => {
    const poorer = medians(richer({ ...y2022, regime: { ...y2022.regime, cryptoToMissiles: { value: 0, confidence: 'assumption' } } }, 0.5));
    const m = medians(y2022);
    expect(poorer.launches).toBeLessThan(m.launches - 5);
    expect(poorer.spend).toBeLessThan(m.spend * 0.75);
  });
});
