// The small pure parts of the 3.0 model: parameter draws, stocks, income, history, measures.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiled.ts';
import { hiddenSources, revealedDoctrine, revealedEvents } from '../../src/engine/history.ts';
import { regimeIncome } from '../../src/engine/income.ts';
import { measure } from '../../src/engine/measure.ts';
import { drawParams, namedParams, paramSpec, triangular } from '../../src/engine/params.ts';
import { initialState } from '../../src/engine/state.ts';
import { blockOf, MAX_BLOCK, saturate, stepEvasion, stepStocks, zeroStocks } from '../../src/engine/stocks.ts';
import { playRun, pointValues } from '../../src/engine/uncertainty.ts';
import { mini, miniInput } from '../fixtures/mini.ts';
import { variant } from './helpers.ts';

describe('parameter draws', () => {
  it('the triangular inverse CDF spans [low, high] and peaks at the value', () => {
    expect(triangular(3, 4, 5, 0)).toBe(3);
    expect(triangular(3, 4, 5, 0.5)).toBe(4);
    expect(triangular(3, 4, 5, 1)).toBe(5);
    expect(triangular(3, 3, 5, 0.5)).toBeCloseTo(5 - Math.sqrt(2), 12);
    expect(triangular(4, 4, 4, 0.3)).toBe(4);
  });

  it('stays inside the range and is monotone in the draw (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (a, width, at, u1, u2) => {
          const b = a + width;
          const mode = a + at * width;
          const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
          const x = triangular(a, mode, b, lo);
          expect(x).toBeGreaterThanOrEqual(a - 1e-9);
          expect(x).toBeLessThanOrEqual(b + 1e-9);
          expect(x).toBeLessThanOrEqual(triangular(a, mode, b, hi) + 1e-9);
        },
      ),
    );
  });

  it('converts yen ranges at the scenario rate', () => {
    const spec = paramSpec('x', { value: 1300, low: 650, high: 2600, currency: 'JPY', confidence: 'assumption' }, mini, 'usd');
    expect([spec.value, spec.low, spec.high]).toEqual([10, 5, 20]);
  });

  it('draws the same parameters for a seed whatever happens later, and others for another seed', () => {
    const specs = compile(mini).params;
    expect(drawParams(specs, mini, 'a')).toEqual(drawParams(specs, mini, 'a'));
    expect(drawParams(specs, mini, 'a')).not.toEqual(drawParams(specs, mini, 'b'));
    expect(initialState(mini, 'luck', 'params').params).toEqual(initialState(mini, 'other luck', 'params').params);
  });

  it('draws only the ranged figures; point values play every figure at its value', () => {
    const specs = compile(mini).params;
    const named = namedParams(specs, drawParams(specs, mini, '7'));
    expect(named['missiles.icbm.cost']).toBe(Math.round(4_200_000_000 / 130)); // no range: always its value
    expect(named['missiles.srbm.cost']).toBeGreaterThanOrEqual(3_000_000);
    expect(named['missiles.srbm.cost']).toBeLessThanOrEqual(5_000_000);
    const point = namedParams(specs, drawParams(specs, pointValues(mini), '7'));
    expect(point['missiles.srbm.cost']).toBe(4_000_000);
    expect(point['regime.cryptoToMissiles']).toBe(0.4);
  });
});

describe('stocks', () => {
  it('build in two stages: a month after funding, build² of the target', () => {
    const s = stepStocks(zeroStocks(1), [2], 0.15, 0.15);
    expect(s.pending).toEqual([0.3]);
    expect(s.stock).toEqual([0.045]);
  });

  it('approach a held target and erode when funding stops, never below zero (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 5, noNaN: true }), fc.integer({ min: 1, max: 60 }), (target, months) => {
        let s = zeroStocks(1);
        for (let i = 0; i < months; i++) s = stepStocks(s, [target], 0.15, 0.15);
        expect(s.stock[0]).toBeLessThanOrEqual(target + 1e-6);
        const held = s.stock[0]!;
        for (let i = 0; i < 6; i++) s = stepStocks(s, [0], 0.15, 0.15);
        expect(s.stock[0]).toBeLessThanOrEqual(held + 1e-6);
        expect(s.stock[0]).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('act with diminishing returns, blocking at most 90 %', () => {
    expect([saturate(1), saturate(2), saturate(3)]).toEqual([0.5, 0.666667, 0.75]);
    expect(blockOf(100)).toBe(MAX_BLOCK);
    expect(saturate(0)).toBe(0);
  });

  it('evasion grows toward its maximum while a measure is held and fades once lifted', () => {
    expect(stepEvasion(0, true, 0.1, 0.5)).toBe(0.05);
    expect(stepEvasion(0.5, true, 0.1, 0.5)).toBe(0.5);
    expect(stepEvasion(0.4, false, 0.1, 0.5)).toBe(0.36);
  });
});

describe('the regime’s income', () => {
  const params = initialState(pointValues(mini), '1').params;

  it('splits crypto cash and every stream into missile money by source', () => {
    const r = regimeIncome(mini, 10_000_000, [0], params);
    expect(r.cryptoToMissilesUsd).toBe(4_000_000);
    expect(r.incomeUsd).toEqual({ 'it-workers': 10_000_000 }); // $120 M a year
    expect(r.fundingUsd).toEqual({ crypto: 4_000_000, 'it-workers': 5_000_000 });
    expect(r.fundInUsd).toBe(9_000_000);
  });

  it('cuts a stream by the pressure on it', () => {
    expect(regimeIncome(mini, 0, [0.5], params).incomeUsd['it-workers']).toBe(5_000_000);
  });
});

describe('what the record reveals, month by month', () => {
  const s = variant({
    calendar: {
      ...miniInput.calendar,
      doctrine: [
        { name: 'Pause', from: '2022-04', to: '2022-06', tempo: { srbm: 0.3 }, source: 'later' },
        { name: 'Moratorium', from: '2021-01', to: '2022-12', tempo: { icbm: 0 } },
      ],
    },
    sources: {
      heist: { publisher: 'P', title: 'A heist report', date: '2022' },
      later: { publisher: 'P', title: 'A doctrine report', date: '2022' },
    },
    events: {
      ...miniInput.events,
      scripted: miniInput.events!.scripted!.map((e) => ({ ...e, source: 'heist' })),
    },
  });

  it('shows a documented event only once its month has been played', () => {
    expect(revealedEvents(s, 1)).toEqual([]);
    expect(revealedEvents(s, 2)).toEqual([]);
    expect(revealedEvents(s, 3).map((e) => [e.id, e.label, e.source])).toEqual([['validator-phish', '2022-02', 'heist']]);
  });

  it('hides the sources only future events cite, and shows doctrine periods once begun', () => {
    expect([...hiddenSources(s, 1)]).toEqual(['heist']);
    expect([...hiddenSources(s, 3)]).toEqual([]);
    expect(revealedDoctrine(s, 1).map((d) => d.name)).toEqual(['Moratorium']);
    expect(revealedDoctrine(s, 4).map((d) => d.name)).toEqual(['Pause', 'Moratorium']);
  });
});

describe('measures over a calendar year', () => {
  it('sum a year’s turns and agree with the game totals over the whole game', () => {
    const long = variant({ calendar: { ...miniInput.calendar, start: '2022-10', turns: 6 } });
    const r = playRun(long, long.policies.tough!, '3');
    for (const metric of ['stolenUsd', 'launches', 'heists', 'frozenUsd'] as const)
      expect(measure(r.state, r.reports, metric, 2022) + measure(r.state, r.reports, metric, 2023)).toBe(measure(r.state, r.reports, metric));
    const share = measure(r.state, r.reports, 'cryptoShare', 2023);
    expect(share).toBeGreaterThanOrEqual(0);
    expect(share).toBeLessThanOrEqual(1);
  });
});
