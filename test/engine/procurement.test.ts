import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarMultiplier, launch, launchChance, MAX_LAUNCH_CHANCE, procure } from '../../src/engine/procurement.ts';
import { TurnStreams } from '../../src/engine/rng.ts';
import { mini, miniInput } from '../fixtures/mini.ts';
import { variant } from './helpers.ts';

// Mini's unit costs in whole dollars at 130 yen/$.
const SRBM = 4_615_385;
const ICBM = 32_307_692;
const none = { srbm: 0, icbm: 0 };

describe('procure', () => {
  it('buys nothing and keeps the fund when it cannot afford the cheapest missile', () => {
    expect(procure(mini, SRBM - 1, none)).toEqual({ fundUsd: SRBM - 1, bought: none, spendUsd: 0, spentOn: none });
  });

  it('buys the preferred type first', () => {
    expect(procure(mini, SRBM, none).bought).toEqual({ srbm: 1, icbm: 0 });
  });

  it('saves for the expensive type once it falls below its preferred share (3:1)', () => {
    // After 20 SRBMs, (21 × SRBM) / 3 > ICBM / 1, so the next purchase is an ICBM: with
    // one dollar short of it the regime keeps the money rather than buying more SRBMs.
    const r = procure(mini, 20 * SRBM + ICBM - 1, none);
    expect(r.bought).toEqual({ srbm: 20, icbm: 0 });
    expect(r.fundUsd).toBe(ICBM - 1);
    expect(r.fundUsd).toBeGreaterThan(SRBM);
  });

  it('buys the ICBM when the fund reaches it', () => {
    const r = procure(mini, 20 * SRBM + ICBM, none);
    expect(r.bought).toEqual({ srbm: 20, icbm: 1 });
    expect(r.fundUsd).toBe(0);
  });

  it('remembers past spending: after an SRBM-heavy past the same fund buys an ICBM', () => {
    expect(procure(mini, ICBM, none).bought).toEqual({ srbm: 6, icbm: 0 });
    expect(procure(mini, ICBM, { srbm: 100 * SRBM, icbm: 0 }).bought).toEqual({ srbm: 0, icbm: 1 });
  });

  it('keeps spending near the preferred 3:1 split over a large fund', () => {
    const r = procure(mini, 10_000_000_000, none);
    const ratio = r.spentOn.srbm! / r.spentOn.icbm!;
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(3.5);
  });

  it('accounts for every dollar: fund in = spent + fund left, spentOn grows by the spend (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: 1_000_000_000 }), (fund, past) => {
        const spentOn = { srbm: past, icbm: 0 };
        const r = procure(mini, fund, spentOn);
        expect(r.spendUsd + r.fundUsd).toBe(fund);
        expect(r.spendUsd).toBe(r.bought.srbm! * SRBM + r.bought.icbm! * ICBM);
        expect(r.spentOn).toEqual({ srbm: past + r.bought.srbm! * SRBM, icbm: r.bought.icbm! * ICBM });
        expect(r.fundUsd).toBeGreaterThanOrEqual(0);
        expect(spentOn).toEqual({ srbm: past, icbm: 0 });
      }),
      { numRuns: 200 },
    );
  });

  it('never buys a type with preference 0', () => {
    const scenario = variant({ missiles: miniInput.missiles.map((m) => (m.id === 'srbm' ? { ...m, preference: 0 } : m)) });
    expect(procure(scenario, 3 * ICBM, none).bought).toEqual({ srbm: 0, icbm: 3 });
  });
});

describe('calendarMultiplier', () => {
  it('applies the spring drills in March', () => {
    expect(calendarMultiplier(mini, 3)).toEqual({ multiplier: 2, notes: ['Spring drills'] });
  });

  it('is 1 with no notes in other months', () => {
    expect(calendarMultiplier(mini, 4)).toEqual({ multiplier: 1, notes: [] });
  });

  it('multiplies entries that fall in the same month', () => {
    const scenario = variant({
      calendar: {
        ...miniInput.calendar,
        launchCalendar: [
          { name: 'Spring drills', month: 3, multiplier: 2 },
          { name: 'Anniversary', month: 3, multiplier: 1.5 },
        ],
      },
    });
    expect(calendarMultiplier(scenario, 3)).toEqual({ multiplier: 3, notes: ['Spring drills', 'Anniversary'] });
  });
});

describe('launchChance', () => {
  it('is base × calendar × (1 + escalation / 100)', () => {
    expect(launchChance(0.3, 2, 0)).toBe(0.6);
    expect(launchChance(0.2, 1, 50)).toBe(0.3);
  });

  it('is capped at 0.95', () => {
    expect(MAX_LAUNCH_CHANCE).toBe(0.95);
    expect(launchChance(0.6, 2, 0)).toBe(0.95);
  });
});

describe('launch', () => {
  it('launches nothing from an empty stock', () => {
    expect(launch(mini, { srbm: 0, icbm: 0 }, 2, 10, new TurnStreams('42', 1))).toEqual({
      stock: { srbm: 0, icbm: 0 },
      launched: { srbm: 0, icbm: 0 },
    });
  });

  it('takes one draw per missile type, whatever the stock (bounded work, common random numbers)', () => {
    for (const stock of [{ srbm: 5, icbm: 2 }, { srbm: 5_000_000, icbm: 0 }]) {
      const streams = new TurnStreams('42', 1);
      launch(mini, stock, 1, 0, streams);
      expect(streams.get('launch:srbm').draws).toBe(1);
      expect(streams.get('launch:icbm').draws).toBe(1);
    }
  });

  it('never launches more than the stock, and stock goes down by what was launched (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 1, max: 240 }),
        (srbm, icbm, calendar, escalation, turn) => {
          const r = launch(mini, { srbm, icbm }, calendar, escalation, new TurnStreams('s', turn));
          expect(r.launched.srbm!).toBeLessThanOrEqual(srbm);
          expect(r.launched.icbm!).toBeLessThanOrEqual(icbm);
          expect(r.stock).toEqual({ srbm: srbm - r.launched.srbm!, icbm: icbm - r.launched.icbm! });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('launches more in the drill month with the same luck (calendar multiplier)', () => {
    let plain = 0;
    let drills = 0;
    for (let turn = 1; turn <= 20; turn++) {
      plain += launch(mini, { srbm: 10, icbm: 10 }, 1, 0, new TurnStreams('42', turn)).launched.srbm!;
      drills += launch(mini, { srbm: 10, icbm: 10 }, 2, 0, new TurnStreams('42', turn)).launched.srbm!;
    }
    expect(drills).toBeGreaterThan(plain);
  });

  it('does not modify the stock it is given', () => {
    const stock = { srbm: 4, icbm: 1 };
    launch(mini, stock, 2, 0, new TurnStreams('42', 1));
    expect(stock).toEqual({ srbm: 4, icbm: 1 });
  });
});
