import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeModifiers } from '../../src/engine/effects.ts';
import { capacities, effectiveFreeze, launder, revalue, seize, successorRamp } from '../../src/engine/laundering.ts';
import { TurnStreams } from '../../src/engine/rng.ts';
import { type ChannelState, initialState, type Tranche } from '../../src/engine/state.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { mini } from '../fixtures/mini.ts';
import { legalLevelsArb, variant } from './helpers.ts';

const sum = (p: readonly Tranche[]) => p.reduce((a, t) => a + t.amountUsd, 0);
const usd = (value: number) => ({ value, currency: 'USD' as const, confidence: 'assumption' as const });
type ChannelInput = NonNullable<ScenarioInput['laundering']>['stages'][number]['channels'][number];
const channel = (id: string, patch: Partial<ChannelInput> = {}): ChannelInput => ({
  id,
  name: id,
  description: 'Test channel.',
  delayTurns: 0,
  haircut: 0,
  baseFreeze: 0,
  ...patch,
});

/** Mini with one laundering stage holding the given channels. */
function oneStage(channels: ChannelInput[], levers: ScenarioInput['levers'] = mini.levers.filter((l) => l.role === 'defence')) {
  const scenario = variant({ laundering: { stages: [{ id: 'wash', name: 'Wash', channels }] }, levers });
  const state = initialState(scenario, 'laundering');
  return { scenario, channels: state.channels, params: state.params };
}

function run(setup: ReturnType<typeof oneStage>, inflow: number, levels: Record<string, number> = {}, channels?: ChannelState) {
  const mods = computeModifiers(setup.scenario, levels);
  return launder(setup.scenario, [], inflow, mods, channels ?? setup.channels, setup.params, new TurnStreams('42', 1));
}

describe('routing by expected loss and capacity', () => {
  it('fills the channel launderers expect to cost least first, up to its capacity, then the next', () => {
    const s = oneStage([channel('dear', { haircut: 0.1 }), channel('cheap', { haircut: 0.02, capacity: usd(30_000_000) })]);
    const out = run(s, 100_000_000);
    expect(out.flows.map((f) => [f.channel, f.inUsd])).toEqual([
      ['dear', 70_000_000],
      ['cheap', 30_000_000],
    ]);
    expect(out.routing.map((r) => [r.channel, r.rank, r.expectedLoss])).toEqual([
      ['dear', 2, 0.1],
      ['cheap', 1, 0.02],
    ]);
  });

  it('counts a month of delay at the scenario’s delay cost when ranking', () => {
    const s = oneStage([channel('slow', { haircut: 0.01, delayTurns: 3 }), channel('fast', { haircut: 0.03 })]);
    expect(run(s, 1_000).routing.map((r) => [r.channel, r.expectedLoss, r.rank])).toEqual([
      ['slow', 0.04, 2],
      ['fast', 0.03, 1],
    ]);
  });

  it('what finds no capacity waits a month in the stage and tries again', () => {
    const s = oneStage([channel('only', { capacity: usd(40_000_000) })]);
    const first = run(s, 100_000_000);
    expect(first.queuedUsd).toBe(60_000_000);
    expect(first.cashedOutUsd).toBe(40_000_000);
    expect(first.pipeline).toEqual([{ stage: 0, channel: '', readyTurn: 2, amountUsd: 60_000_000 }]);
    const second = launder(s.scenario, first.pipeline, 0, computeModifiers(s.scenario, {}), first.channels, s.params, new TurnStreams('42', 2));
    expect(second.cashedOutUsd).toBe(40_000_000);
    expect(second.queuedUsd).toBe(20_000_000);
  });

  it('a capacity cut (deter) shrinks what the channel carries this month', () => {
    const levers = [
      {
        id: 'designate',
        name: 'Designate',
        description: 'Cut.',
        kind: 'sanction' as const,
        role: 'sanctions',
        costPerLevel: 1,
        effects: [{ type: 'deter' as const, channel: 'only', perLevel: 0.25 }],
      },
    ];
    const s = oneStage([channel('only', { capacity: usd(40_000_000) })], levers);
    expect(run(s, 100_000_000, { designate: 2 }).cashedOutUsd).toBe(20_000_000);
  });
});

describe('delays, freezes and fees', () => {
  it('a channel with delay 0 passes funds on in the same month; delay 2 holds them two months', () => {
    expect(run(oneStage([channel('now')]), 1_000).cashedOutUsd).toBe(1_000);
    const slow = oneStage([channel('slow', { delayTurns: 2 })]);
    const out = run(slow, 1_000);
    expect(out.cashedOutUsd).toBe(0);
    expect(out.pipeline).toEqual([{ stage: 0, channel: 'slow', readyTurn: 3, amountUsd: 1_000 }]);
  });

  it('freezes a share of what enters (rounded down), then takes the fee on the rest', () => {
    const s = oneStage([channel('wash', { baseFreeze: 0.1, haircut: 0.05 })]);
    const out = run(s, 1_000_001);
    const rate = out.routing[0]!.freezeActual;
    const frozen = Math.floor(1_000_001 * rate);
    expect(out.frozenUsd).toBe(frozen);
    expect(out.lostUsd).toBe(Math.floor((1_000_001 - frozen) * 0.05));
    expect(out.cashedOutUsd).toBe(1_000_001 - frozen - out.lostUsd);
  });

  it('enforcement luck scales the freeze rate by 0.5 to 1.5 and caps it at 95 %', () => {
    expect(effectiveFreeze(0.1, 0)).toBe(0.05);
    expect(effectiveFreeze(0.1, 0.5)).toBe(0.1);
    expect(effectiveFreeze(0.9, 0.99)).toBe(0.95);
  });

  it('mini: stolen funds need a month in the mixers and a month at the OTC brokers', () => {
    const s = initialState(mini, '42');
    let out = launder(mini, [], 10_000_000, computeModifiers(mini, {}), s.channels, s.params, new TurnStreams('42', 1));
    expect(out.cashedOutUsd).toBe(0);
    out = launder(mini, out.pipeline, 0, computeModifiers(mini, {}), out.channels, s.params, new TurnStreams('42', 2));
    expect(out.cashedOutUsd).toBe(0);
    out = launder(mini, out.pipeline, 0, computeModifiers(mini, {}), out.channels, s.params, new TurnStreams('42', 3));
    expect(out.cashedOutUsd).toBeGreaterThan(8_000_000);
  });

  it('merges tranches that leave the same channel on the same turn', () => {
    const s = oneStage([channel('slow', { delayTurns: 2 })]);
    const pipeline: Tranche[] = [{ stage: 0, channel: 'slow', readyTurn: 3, amountUsd: 500 }];
    const out = launder(s.scenario, pipeline, 1_000, computeModifiers(s.scenario, {}), s.channels, s.params, new TurnStreams('42', 1));
    expect(out.pipeline).toEqual([{ stage: 0, channel: 'slow', readyTurn: 3, amountUsd: 1_500 }]);
  });
});

describe('what launderers and the network learn', () => {
  const levers = [
    {
      id: 'squeeze',
      name: 'Squeeze',
      description: 'Freeze and cut.',
      kind: 'sanction' as const,
      role: 'sanctions',
      costPerLevel: 1,
      effects: [
        { type: 'freeze' as const, channel: 'a', perLevel: 0.2 },
        { type: 'deter' as const, channel: 'a', perLevel: 0.5 },
      ],
    },
  ];
  const s = oneStage([channel('a', { capacity: usd(50_000_000) }), channel('b', { haircut: 0.05 })], levers);

  it('the expected freeze rate moves toward the rate seen this month, at the learning rate', () => {
    const out = run(s, 10_000_000, { squeeze: 1 });
    const seen = out.routing[0]!.freezeActual;
    expect(out.channels.freezeExpected[0]).toBeCloseTo(0.5 * seen, 6);
  });

  it('a held capacity cut is evaded a little more each month, and evasion fades once it is lifted', () => {
    let ch = s.channels;
    for (let t = 0; t < 3; t++) ch = run(s, 0, { squeeze: 1 }, ch).channels;
    expect(ch.evasion[0]).toBeCloseTo(0.5 * (1 - 0.95 ** 3), 6);
    const lifted = run(s, 0, {}, ch).channels;
    expect(lifted.evasion[0]).toBeLessThan(ch.evasion[0]!);
    expect(capacities(s.scenario, computeModifiers(s.scenario, { squeeze: 1 }), ch, s.params).capacity[0]).toBeGreaterThan(25_000_000);
  });
});

describe('successor services', () => {
  const levers = [
    {
      id: 'designate',
      name: 'Designate the mixer',
      description: 'Cut.',
      kind: 'sanction' as const,
      role: 'sanctions',
      costPerLevel: 1,
      effects: [{ type: 'deter' as const, channel: 'mixer', perLevel: 0.5 }],
    },
  ];
  const s = oneStage(
    [
      channel('mixer', { haircut: 0.02, capacity: usd(100_000_000) }),
      channel('successor', { haircut: 0.03, capacity: usd(0), successor: { of: 'mixer', lag: { value: 2, confidence: 'assumption' }, replaces: 0.8 } }),
      channel('slow', { haircut: 0.05 }),
    ],
    levers,
  );

  it('grows after its lag into the capacity its predecessor lost, never beyond it', () => {
    let ch = s.channels;
    const seen: number[] = [];
    for (let t = 1; t <= 7; t++) {
      const out = launder(s.scenario, [], 0, computeModifiers(s.scenario, { designate: 1 }), ch, s.params, new TurnStreams('42', t));
      seen.push(out.routing[1]!.successorUsd);
      ch = out.channels;
    }
    expect(seen[0]).toBe(0);
    expect(seen[1]).toBe(0);
    expect(seen[6]).toBeGreaterThan(0);
    // never more than 80 % of the 50 % cut (less what evasion gives back to the mixer)
    for (const x of seen) expect(x).toBeLessThanOrEqual(40_000_000);
  });

  it('ramps in over three months once the lag has passed', () => {
    expect([2, 3, 4, 5, 6].map((m) => successorRamp(m, 2))).toEqual([0, 0.333333, 0.666667, 1, 1]);
  });
});

describe('a sanction never makes laundering cheaper for the launderers', () => {
  // One stage of random channels, one of them without a capacity limit (so nothing has to
  // wait); launderers know the rates (expected = actual). For any capacity cut or extra
  // freeze on any channel, what the launderers expect to lose — fees, freezes and months
  // of delay at the delay cost — never goes down. (When every channel is full, funds wait
  // a month; launderers do not plan ahead, so a cut on a slow channel can let a few of
  // them reach a faster one later: docs/model.md bounds that end effect.)
  const chan = fc.record({
    haircut: fc.double({ min: 0, max: 0.2, noNaN: true }),
    baseFreeze: fc.double({ min: 0, max: 0.1, noNaN: true }),
    delayTurns: fc.integer({ min: 0, max: 3 }),
    capacity: fc.option(fc.integer({ min: 1_000_000, max: 80_000_000 }), { nil: undefined }),
  });
  it('holds for random channels, cuts and freezes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(chan, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 4 }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: 0.9, noNaN: true }),
        (list, pick, cut, freeze) => {
          const channels = list.map((c, i) =>
            channel(`c${i}`, {
              haircut: c.haircut,
              baseFreeze: c.baseFreeze,
              delayTurns: c.delayTurns,
              ...(c.capacity && i > 0 ? { capacity: usd(c.capacity) } : {}),
            }),
          );
          const target = `c${pick % list.length}`;
          const levers = [
            {
              id: 'sanction',
              name: 'Sanction',
              description: 'Cut and freeze.',
              kind: 'sanction' as const,
              role: 'sanctions',
              costPerLevel: 1,
              maxLevel: 1,
              effects: [
                { type: 'deter' as const, channel: target, perLevel: cut },
                { type: 'freeze' as const, channel: target, perLevel: freeze },
              ],
            },
          ];
          const s = oneStage(channels, levers);
          const inflow = 200_000_000;
          const cost = (levels: Record<string, number>) => {
            const mods = computeModifiers(s.scenario, levels);
            // Launderers expect what they will see: no enforcement luck, expectations = actual rates.
            const ch = { ...s.channels, freezeExpected: [...mods.freezeRate] };
            const out = launder(s.scenario, [], inflow, mods, ch, s.params, { turn: 1, get: () => ({ next: () => 0.5, draws: 0 }) } as never);
            expect(out.queuedUsd).toBe(0);
            let delay = 0;
            for (const f of out.flows) delay += f.inUsd * list[Number(f.channel.slice(1))]!.delayTurns * s.scenario.laundering.delayCost;
            return out.frozenUsd + out.lostUsd + delay;
          };
          expect(cost({ sanction: 1 })).toBeGreaterThanOrEqual(cost({}) - 2 * list.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('seize and revalue', () => {
  const pipeline: Tranche[] = [
    { stage: 0, channel: 'mixers', readyTurn: 2, amountUsd: 600 },
    { stage: 1, channel: 'otc', readyTurn: 2, amountUsd: 400 },
  ];

  it('seizes in proportion to tranche size, never more than the pipeline holds', () => {
    const r = seize(pipeline, 500);
    expect(r.seizedUsd).toBe(500);
    expect(r.pipeline.map((t) => t.amountUsd)).toEqual([300, 200]);
    expect(seize(pipeline, 5_000).seizedUsd).toBe(1_000);
  });

  it('revalues every tranche by a price factor, counting the loss', () => {
    const r = revalue(pipeline, 0.5);
    expect(r.lostUsd).toBe(500);
    expect(sum(r.pipeline)).toBe(500);
    expect(revalue(pipeline, 1)).toEqual({ pipeline, lostUsd: 0 });
  });
});

describe('conservation (property)', () => {
  it('new funds + pipeline in = frozen + lost + cashed out + pipeline out, for any legal levers', () => {
    const s0 = initialState(mini, '7');
    fc.assert(
      fc.property(
        legalLevelsArb(mini),
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.integer({ min: 1, max: 12 }),
        (levels, inflow, turn) => {
          const mods = computeModifiers(mini, levels);
          const first = launder(mini, [], inflow, mods, s0.channels, s0.params, new TurnStreams('7', turn));
          const second = launder(mini, first.pipeline, inflow, mods, first.channels, s0.params, new TurnStreams('7', turn + 1));
          expect(inflow).toBe(first.frozenUsd + first.lostUsd + first.cashedOutUsd + sum(first.pipeline));
          expect(sum(first.pipeline) + inflow).toBe(second.frozenUsd + second.lostUsd + second.cashedOutUsd + sum(second.pipeline));
        },
      ),
      { numRuns: 200 },
    );
  });
});
