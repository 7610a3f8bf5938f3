import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeModifiers } from '../../src/engine/effects.ts';
import { effectiveFreeze, launder, revalue, routeShares, seize } from '../../src/engine/laundering.ts';
import { TurnStreams } from '../../src/engine/rng.ts';
import type { Tranche } from '../../src/engine/state.ts';
import { mini } from '../fixtures/mini.ts';
import { legalLevelsArb, variant } from './helpers.ts';

const none = computeModifiers(mini, {});
const sum = (p: Tranche[]) => p.reduce((a, t) => a + t.amountUsd, 0);

/** Mini with a single laundering stage holding one channel. */
function oneChannel(channel: { delayTurns: number; haircut?: number; baseFreeze?: number }) {
  const scenario = variant({
    laundering: {
      stages: [
        {
          id: 'wash',
          name: 'Wash',
          channels: [
            {
              id: 'wash',
              name: 'Wash',
              description: 'Test channel.',
              share: 1,
              haircut: channel.haircut ?? 0,
              baseFreeze: channel.baseFreeze ?? 0,
              delayTurns: channel.delayTurns,
            },
          ],
        },
      ],
    },
  });
  return { scenario, mods: computeModifiers(scenario, {}) };
}

describe('routeShares and substitution', () => {
  it('routes by channel share without deterrence', () => {
    expect(routeShares(mini, 0, none)).toEqual([3, 1]);
  });

  it('deterring mixers shifts weight to chain-hopping', () => {
    expect(routeShares(mini, 0, computeModifiers(mini, { mixer_sanctions: 2 }))).toEqual([1.5, 1]);
  });

  it('deterring mixers moves laundered flow to chain-hopping (substitution)', () => {
    const stage0 = (levels: Record<string, number>) =>
      Object.fromEntries(
        launder(mini, [], 1_000_000, computeModifiers(mini, levels), new TurnStreams('42', 1))
          .flows.filter((f) => f.stage === 0)
          .map((f) => [f.channel, f.inUsd]),
      );
    const open = stage0({});
    const deterred = stage0({ mixer_sanctions: 3 });
    expect(open).toEqual({ mixers: 750_000, chainhop: 250_000 });
    expect(deterred.chainhop).toBeGreaterThan(2 * open.chainhop!);
    expect(deterred.mixers).toBeLessThan(open.mixers!);
    expect(deterred.chainhop).toBeGreaterThan(deterred.mixers!); // 0.25 × 3 deterrence: weights 0.75 : 1
  });

  it('falls back to the plain shares when every channel of a stage is fully deterred', () => {
    const mods = { ...none, deter: { mixers: 1, chainhop: 1, otc: 0 } };
    expect(routeShares(mini, 0, mods)).toEqual([3, 1]);
  });
});

describe('delays', () => {
  it('a channel with delay 0 cashes out in the same turn', () => {
    const { scenario, mods } = oneChannel({ delayTurns: 0 });
    const r = launder(scenario, [], 1000, mods, new TurnStreams('42', 1));
    expect(r.cashedOutUsd).toBe(1000);
    expect(r.pipeline).toEqual([]);
  });

  it('funds in a channel with delay 1 cash out the next turn', () => {
    const { scenario, mods } = oneChannel({ delayTurns: 1 });
    const t1 = launder(scenario, [], 1000, mods, new TurnStreams('42', 1));
    expect(t1.cashedOutUsd).toBe(0);
    expect(t1.pipeline).toEqual([{ stage: 0, channel: 'wash', readyTurn: 2, amountUsd: 1000 }]);
    const t2 = launder(scenario, t1.pipeline, 0, mods, new TurnStreams('42', 2));
    expect(t2.cashedOutUsd).toBe(1000);
    expect(t2.pipeline).toEqual([]);
  });

  it('funds in a channel with delay 2 wait through the next turn', () => {
    const { scenario, mods } = oneChannel({ delayTurns: 2 });
    const t1 = launder(scenario, [], 1000, mods, new TurnStreams('42', 1));
    const t2 = launder(scenario, t1.pipeline, 0, mods, new TurnStreams('42', 2));
    expect(t2.cashedOutUsd).toBe(0);
    expect(launder(scenario, t2.pipeline, 0, mods, new TurnStreams('42', 3)).cashedOutUsd).toBe(1000);
  });

  it('mini: stolen funds need two turns through mixers and OTC, one through chain-hopping and OTC', () => {
    const t1 = launder(mini, [], 1_000_000, none, new TurnStreams('42', 1));
    expect(t1.cashedOutUsd).toBe(0);
    expect(t1.pipeline.map((t) => [t.stage, t.channel, t.readyTurn])).toEqual([
      [0, 'mixers', 2],
      [1, 'otc', 2],
    ]);
    const t2 = launder(mini, t1.pipeline, 0, none, new TurnStreams('42', 2));
    expect(t2.cashedOutUsd).toBeGreaterThan(0);
    expect(t2.pipeline.map((t) => [t.stage, t.channel, t.readyTurn])).toEqual([[1, 'otc', 3]]);
    const t3 = launder(mini, t2.pipeline, 0, none, new TurnStreams('42', 3));
    expect(t3.cashedOutUsd).toBeGreaterThan(0);
    expect(t3.pipeline).toEqual([]);
  });

  it('merges tranches that leave the same channel on the same turn', () => {
    const { scenario, mods } = oneChannel({ delayTurns: 1 });
    const waiting: Tranche[] = [{ stage: 0, channel: 'wash', readyTurn: 2, amountUsd: 5 }];
    // A tranche already waiting for turn 2 meets new funds that also leave on turn 2.
    const r = launder(scenario, waiting, 1000, mods, new TurnStreams('42', 1));
    expect(r.pipeline).toEqual([{ stage: 0, channel: 'wash', readyTurn: 2, amountUsd: 1005 }]);
  });
});

describe('freezes and haircuts', () => {
  it('effectiveFreeze scales the policy rate by a luck factor in [0.5, 1.5), capped at 0.95', () => {
    expect(effectiveFreeze(0.1, 0)).toBe(0.05);
    expect(effectiveFreeze(0.1, 0.5)).toBe(0.1);
    expect(effectiveFreeze(0.9, 0.99)).toBe(0.95);
    expect(effectiveFreeze(0, 0.7)).toBe(0);
  });

  it('freezes a share of what enters a channel, rounded down', () => {
    const { scenario, mods } = oneChannel({ delayTurns: 0, baseFreeze: 0.2 });
    const streams = new TurnStreams('42', 1);
    const r = launder(scenario, [], 1_000_000, mods, streams);
    const u = new TurnStreams('42', 1).get('freeze').next();
    expect(r.frozenUsd).toBe(Math.floor(1_000_000 * 0.2 * (0.5 + u)));
    expect(r.cashedOutUsd).toBe(1_000_000 - r.frozenUsd);
  });

  it('loses the haircut on what is not frozen', () => {
    const { scenario, mods } = oneChannel({ delayTurns: 0, haircut: 0.1 });
    const r = launder(scenario, [], 1_000_001, mods, new TurnStreams('42', 1));
    expect(r.lostUsd).toBe(100_000);
    expect(r.cashedOutUsd).toBe(900_001);
  });

  it('freezing OTC brokers reduces cash-out with the same luck', () => {
    const run = (levels: Record<string, number>) => {
      const mods = computeModifiers(mini, levels);
      let pipeline: Tranche[] = [];
      let cashed = 0;
      let frozen = 0;
      for (let turn = 1; turn <= 4; turn++) {
        const r = launder(mini, pipeline, turn === 1 ? 100_000_000 : 0, mods, new TurnStreams('7', turn));
        pipeline = r.pipeline;
        cashed += r.cashedOutUsd;
        frozen += r.frozenUsd;
      }
      return { cashed, frozen };
    };
    const open = run({});
    const frozen = run({ otc_designation: 2 });
    expect(frozen.cashed).toBeLessThan(open.cashed);
    expect(frozen.frozen).toBeGreaterThan(open.frozen);
  });

  it('conserves money: new funds + pipeline in = frozen + lost + cashed out + pipeline out (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        legalLevelsArb(mini),
        (fresh, waiting, turn, levels) => {
          const pipeline: Tranche[] = [
            { stage: 0, channel: 'mixers', readyTurn: turn, amountUsd: waiting },
            { stage: 1, channel: 'otc', readyTurn: turn + 1, amountUsd: 7 },
          ];
          const r = launder(mini, pipeline, fresh, computeModifiers(mini, levels), new TurnStreams('p', turn));
          expect(r.frozenUsd + r.lostUsd + r.cashedOutUsd + sum(r.pipeline)).toBe(fresh + waiting + 7);
          for (const t of r.pipeline) expect(t.amountUsd).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('revalue', () => {
  const pipeline: Tranche[] = [
    { stage: 0, channel: 'mixers', readyTurn: 2, amountUsd: 1000 },
    { stage: 1, channel: 'otc', readyTurn: 2, amountUsd: 1 },
  ];

  it('loses value in a crash and drops tranches worth nothing', () => {
    expect(revalue(pipeline, 0.7)).toEqual({
      pipeline: [{ stage: 0, channel: 'mixers', readyTurn: 2, amountUsd: 700 }],
      lostUsd: 301,
    });
  });

  it('never gains value', () => {
    expect(revalue(pipeline, 1.5)).toEqual({ pipeline, lostUsd: 0 });
  });

  it('does not modify the pipeline it is given', () => {
    const copy = structuredClone(pipeline);
    revalue(pipeline, 0.5);
    expect(pipeline).toEqual(copy);
  });

  it('keeps conservation: kept + lost = before (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000_000 }), { maxLength: 6 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (amounts, factor) => {
          const p = amounts.map((amountUsd, i) => ({ stage: 0, channel: 'mixers', readyTurn: i + 2, amountUsd }));
          const r = revalue(p, factor);
          expect(sum(r.pipeline) + r.lostUsd).toBe(sum(p));
          expect(r.lostUsd).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

describe('seize', () => {
  it('takes a fixed amount, never more than the pipeline holds, and keeps conservation (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000_000 }), { maxLength: 6 }),
        fc.integer({ min: 0, max: 20_000_000_000 }),
        (amounts, want) => {
          const p = amounts.map((amountUsd, i) => ({ stage: 0, channel: 'mixers', readyTurn: i + 2, amountUsd }));
          const r = seize(p, want);
          expect(r.seizedUsd).toBe(Math.min(want, sum(p)));
          expect(sum(r.pipeline) + r.seizedUsd).toBe(sum(p));
          for (const t of r.pipeline) expect(t.amountUsd).toBeGreaterThan(0);
        },
      ),
    );
  });
});
