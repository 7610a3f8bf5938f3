import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { launch, missileCostFactor, PRODUCTION_CARRY_MONTHS, poisson, procure } from '../../src/engine/procurement.ts';
import { TurnStreams } from '../../src/engine/rng.ts';
import { initialState } from '../../src/engine/state.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { mini, miniInput } from '../fixtures/mini.ts';
import { variant } from './helpers.ts';

// Mini in point values: SRBM $4 M (production 4 a month), ICBM ¥4.2 bn at 130 ¥/$ (0.5 a month).
const point = variant({ uncertainty: { parameters: 'point' } });
const params = initialState(point, '1').params;
const SRBM = 4_000_000;
const ICBM = 32_307_692;
const none = { srbm: 0, icbm: 0 };
const buy = (fund: number, spentOn = none, production = none) => procure(point, fund, spentOn, production, params);

describe('procure', () => {
  it('buys nothing and keeps the fund when it cannot afford the cheapest missile', () => {
    const r = buy(SRBM - 1);
    expect([r.fundUsd, r.bought, r.spendUsd]).toEqual([SRBM - 1, none, 0]);
  });

  it('buys the preferred type first, at this run’s unit cost', () => {
    const r = buy(SRBM);
    expect(r.bought).toEqual({ srbm: 1, icbm: 0 });
    expect(r.purchases.map((p) => [p.missile, p.unitCostUsd])).toEqual([
      ['srbm', SRBM],
      ['icbm', ICBM],
    ]);
  });

  it('never buys more in a month than production delivers, however much money there is', () => {
    const r = buy(10_000_000_000);
    expect(r.bought).toEqual({ srbm: 4, icbm: 0 });
    expect(r.purchases.map((p) => p.capacity)).toEqual([4, 0]);
    expect(r.production).toEqual({ srbm: 0, icbm: 0.5 });
  });

  it('carries unused production over, up to three months’ worth', () => {
    const r = buy(0, none, { srbm: 100, icbm: 0.5 });
    expect(r.production).toEqual({ srbm: 4 * PRODUCTION_CARRY_MONTHS, icbm: 1 });
    expect(buy(10_000_000_000, none, { srbm: 0, icbm: 0.5 }).bought.icbm).toBe(1);
  });

  it('saves for the type furthest below its preferred share instead of buying a cheaper one', () => {
    // After a past of SRBMs, the next purchase is an ICBM: one dollar short, the regime waits.
    const r = buy(ICBM - 1, { srbm: 100 * SRBM, icbm: 0 }, { srbm: 0, icbm: 1 });
    expect(r.bought).toEqual({ srbm: 0, icbm: 0 });
    expect(buy(ICBM, { srbm: 100 * SRBM, icbm: 0 }, { srbm: 0, icbm: 1 }).bought).toEqual({ srbm: 0, icbm: 1 });
  });

  it('accounts for every dollar: fund in = spent + fund left (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), (fund, past) => {
        const spentOn = { srbm: past, icbm: 0 };
        const r = procure(mini, fund, spentOn, { srbm: 2, icbm: 1 }, initialState(mini, String(past)).params);
        expect(r.spendUsd + r.fundUsd).toBe(fund);
        expect(r.spendUsd).toBe(r.purchases.reduce((a, p) => a + p.bought * p.unitCostUsd, 0));
        expect(r.fundUsd).toBeGreaterThanOrEqual(0);
        expect(spentOn).toEqual({ srbm: past, icbm: 0 });
      }),
      { numRuns: 200 },
    );
  });

  it('never buys a type with preference 0', () => {
    const scenario = variant({
      uncertainty: { parameters: 'point' },
      missiles: miniInput.missiles.map((m) => (m.id === 'srbm' ? { ...m, preference: 0 } : m)),
    });
    const r = procure(scenario, 3 * ICBM, none, { srbm: 5, icbm: 0.5 }, initialState(scenario, '1').params);
    expect(r.bought).toEqual({ srbm: 0, icbm: 1 });
  });

  it('stolen technology lowers unit costs, never below 30 % of list', () => {
    expect(missileCostFactor(mini, 0.4)).toBe(0.8);
    expect(missileCostFactor(mini, 5)).toBe(0.3);
  });
});

describe('poisson', () => {
  it('is 0 for a mean of 0 and for a draw below e^-mean', () => {
    expect(poisson(0, 0.99)).toBe(0);
    expect(poisson(2, 0.1)).toBe(0); // e^-2 ≈ 0.135
    expect(poisson(2, 0.2)).toBe(1);
  });

  it('is monotone in the draw and in the mean (coupling: the same luck, more tests when the doctrine asks for more)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (a, b, u) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          expect(poisson(lo, u)).toBeLessThanOrEqual(poisson(hi, u));
        },
      ),
    );
  });

  it('has the right mean (one uniform per draw)', () => {
    let total = 0;
    for (let i = 0; i < 10_000; i++) total += poisson(3, (i + 0.5) / 10_000);
    expect(total / 10_000).toBeCloseTo(3, 1);
  });
});

describe('launch', () => {
  const doctrine = (patch: Partial<NonNullable<ScenarioInput['calendar']>>) =>
    variant({ uncertainty: { parameters: 'point' }, calendar: { ...miniInput.calendar, ...patch } });
  const fire = (scenario = point, stock = { srbm: 50, icbm: 50 }, turn = 1, escalation = 0, scripted = {}) =>
    launch(scenario, stock, turn, ((turn - 1) % 12) + 1, escalation, 0, scripted, initialState(scenario, '1').params, new TurnStreams('42', turn));

  it('launches nothing from an empty stock, and never dips into the reserve', () => {
    expect(fire(point, { srbm: 0, icbm: 0 }).launched).toEqual({ srbm: 0, icbm: 0 });
    const reserved = variant({ uncertainty: { parameters: 'point' }, missiles: miniInput.missiles.map((m) => ({ ...m, reserve: 3 })) });
    for (let t = 1; t <= 12; t++) {
      const r = fire(reserved, { srbm: 4, icbm: 3 }, t, 300);
      expect(r.stock.srbm).toBeGreaterThanOrEqual(3);
      expect(r.stock.icbm).toBe(3);
    }
  });

  it('reports the expected tests: testsPerMonth × doctrine × calendar × (1 + escalation/100)', () => {
    const r = fire(point, undefined, 3, 50); // March: spring drills ×2
    expect(r.odds[0]).toMatchObject({ missile: 'srbm', testsPerMonth: 2, doctrineTempo: 1, calendarMultiplier: 2, expected: 6 });
  });

  it('follows the doctrine: a moratorium stops a type, a surge raises tests with the same luck', () => {
    const moratorium = doctrine({ doctrine: [{ name: 'Moratorium', from: '2022-01', to: '2022-12', tempo: { icbm: 0 } }] });
    const surge = doctrine({ doctrine: [{ name: 'Surge', from: '2022-01', to: '2022-12', tempo: { srbm: 3 } }] });
    let calm = 0;
    let surged = 0;
    for (let t = 1; t <= 12; t++) {
      expect(fire(moratorium, undefined, t).launched.icbm).toBe(0);
      const a = fire(point, undefined, t).launched.srbm!;
      const b = fire(surge, undefined, t).launched.srbm!;
      expect(b).toBeGreaterThanOrEqual(a);
      calm += a;
      surged += b;
    }
    expect(surged).toBeGreaterThan(2 * calm);
    expect(fire(surge).odds[0]!.doctrine).toEqual(['Surge']);
  });

  it('never launches more than the stock above the reserve, and the stock goes down by what was launched (property)', () => {
    fc.assert(
      fc.property(fc.nat(30), fc.nat(10), fc.integer({ min: 1, max: 24 }), fc.nat(200), (srbm, icbm, turn, esc) => {
        const r = fire(point, { srbm, icbm }, turn, esc);
        expect(r.launched.srbm).toBeLessThanOrEqual(srbm);
        expect(r.stock).toEqual({ srbm: srbm - r.launched.srbm!, icbm: icbm - r.launched.icbm! });
      }),
    );
  });

  it('adds scripted launches from outside the modelled stock', () => {
    const r = fire(point, { srbm: 0, icbm: 0 }, 1, 0, { srbm: 2 });
    expect(r.launched.srbm).toBe(2);
    expect(r.scriptedLaunched).toEqual({ srbm: 2, icbm: 0 });
    expect(r.stock.srbm).toBe(0);
  });

  it('does not modify the stock it is given', () => {
    const stock = { srbm: 10, icbm: 2 };
    fire(point, stock, 3, 100);
    expect(stock).toEqual({ srbm: 10, icbm: 2 });
  });
});
