import { describe, expect, it } from 'vitest';
import { computeModifiers } from '../../src/engine/effects.ts';
import { applyEvents, findEvent, selectEvents } from '../../src/engine/events.ts';
import { TurnStreams } from '../../src/engine/rng.ts';
import { type GameState, initialState } from '../../src/engine/state.ts';
import { mini, miniInput } from '../fixtures/mini.ts';
import { variant } from './helpers.ts';

const assume = (value: number) => ({ value, currency: 'USD' as const, confidence: 'assumption' as const });

const scenario = variant({
  events: {
    scripted: [
      ...(miniInput.events?.scripted ?? []),
      {
        id: 'zero-day',
        turn: 1,
        title: 'Zero-day',
        text: 'A wallet bug.',
        effects: [
          { type: 'vulnerability', sector: 'exchanges', add: 0.5, turns: 2 },
          { type: 'capability', add: 0.1 },
          { type: 'launch', missile: 'srbm', count: 2 },
          { type: 'escalation', add: 3 },
        ],
      },
    ],
    random: [
      { id: 'crash', title: 'Crash', text: 'Prices fall.', probability: 1, effects: [{ type: 'priceShock', factor: 0.7 }] },
      { id: 'winter', title: 'Winter', text: 'More falls.', probability: 1, once: false, effects: [{ type: 'priceShock', factor: 0.5 }] },
      { id: 'late', title: 'Late', text: 'Only turns 3-4.', probability: 1, fromTurn: 3, toTurn: 4, effects: [] },
      { id: 'never', title: 'Never', text: 'p = 0.', probability: 0, effects: [] },
    ],
  },
});

const at = (turn: number, patch: Partial<GameState> = {}) => ({ ...initialState(scenario, '42'), turn, ...patch });
const selected = (turn: number, patch: Partial<GameState> = {}) =>
  selectEvents(scenario, at(turn, patch), new TurnStreams('42', turn)).map((e) => `${e.kind}:${e.event.id}`);

describe('selectEvents', () => {
  it('fires scripted events on their turn only', () => {
    expect(selected(2)).toContain('scripted:validator-phish');
    expect(selected(3)).not.toContain('scripted:validator-phish');
  });

  it('fires a random event when its draw is below its probability', () => {
    expect(selected(1)).toContain('random:crash');
    expect(selected(1)).not.toContain('random:never');
  });

  it('fires a once-only event at most once', () => {
    expect(selected(1, { firedEvents: ['crash'] })).not.toContain('random:crash');
    expect(selected(1, { firedEvents: ['winter'] })).toContain('random:winter');
  });

  it('respects the fromTurn/toTurn window', () => {
    expect([2, 3, 4, 5].map((t) => selected(t).includes('random:late'))).toEqual([false, true, true, false]);
  });

  it('takes one draw per random event every turn, fired or not (common random numbers)', () => {
    const streams = new TurnStreams('42', 1);
    selectEvents(scenario, at(1, { firedEvents: ['crash'] }), streams);
    // One shared stream, one draw per random event in scenario order.
    expect(streams.get('random-events').draws).toBe(4);
  });

  it('adds injected events after scripted and random ones, and ignores unknown ids', () => {
    const out = selected(5, { injects: ['validator-phish', 'nope'] });
    expect(out[out.length - 1]).toBe('injected:validator-phish');
    expect(out.filter((e) => e.startsWith('injected:'))).toHaveLength(1);
  });

  it('uses the scenario random events of mini as drawn from the stream', () => {
    const u = new TurnStreams('42', 1).get('random-events').next();
    const fired = selectEvents(mini, { ...initialState(mini, '42'), turn: 1 }, new TurnStreams('42', 1)).length > 0;
    expect(fired).toBe(u < 0.2);
  });
});

describe('findEvent', () => {
  it('finds scripted and random events by id', () => {
    expect(findEvent(mini, 'validator-phish')?.title).toBe('Validator keys phished');
    expect(findEvent(mini, 'crash')?.title).toBe('Market crash');
    expect(findEvent(mini, 'nope')).toBeUndefined();
  });
});

describe('applyEvents', () => {
  const none = computeModifiers(scenario, {});

  it('collects the effects of the turn’s events', () => {
    const out = applyEvents(scenario, at(1), none, new TurnStreams('42', 1));
    expect(out.fired).toEqual(['zero-day', 'crash', 'winter']);
    expect(out.priceFactor).toBeCloseTo(0.35, 12);
    expect(out.capabilityAdd).toBe(0.1);
    expect(out.escalationAdd).toBe(3);
    expect(out.launches).toEqual({ srbm: 2 });
    expect(out.vulnerabilities).toEqual([{ sector: 'exchanges', add: 0.5, untilTurn: 2, cause: 'zero-day' }]);
  });

  it('records each event for the report with its kind', () => {
    const out = applyEvents(scenario, at(2), none, new TurnStreams('42', 2));
    expect(out.events.map((e) => [e.id, e.kind])).toEqual([
      ['validator-phish', 'scripted'],
      ['crash', 'random'],
      ['winter', 'random'],
    ]);
  });

  it('turns a scripted heist into a heist record in dollars, with the odds that decided it', () => {
    const out = applyEvents(scenario, at(2), none, new TurnStreams('42', 2));
    const u = new TurnStreams('42', 2).get('event-heist:validator-phish:0').next();
    expect(out.heists).toEqual([
      {
        sector: 'bridges',
        method: 'phishing',
        amountUsd: 300_000_000,
        origin: 'event',
        eventId: 'validator-phish',
        name: 'Validator keys phished',
        blocked: false,
        blockChance: 0,
        successChance: 1,
        roll: Math.round(u * 1e6) / 1e6,
        stablecoinShare: 0,
        frozenAtTheftUsd: 0,
      },
    ]);
  });

  it('blocks a scripted heist with the chance the stock in place when it was prepared gives', () => {
    // bridges×phishing is cell 2; a stock of 9 blocks 9/10 = 90 % (the cap). The heist is
    // prepared a month ahead (the default), so last month's stock counts, not this month's.
    const built = at(2, { defenceHistory: [[0, 0, 9, 0]] });
    const h = applyEvents(scenario, built, none, new TurnStreams('42', 2)).heists[0]!;
    expect(h.blockChance).toBe(0.9);
    expect(h.blocked).toBe(h.roll < 0.9);
    const lateOnly = at(2, { defence: { pending: [0, 0, 9, 0], stock: [0, 0, 9, 0] } });
    expect(applyEvents(scenario, lateOnly, none, new TurnStreams('42', 2)).heists[0]!.blockChance).toBe(0);
  });

  it('ignores this month’s levers: a posture set in the heist month does not block it', () => {
    const walled = computeModifiers(scenario, { bridge_validators: 3 });
    const h = applyEvents(scenario, at(2), walled, new TurnStreams('42', 2)).heists[0]!;
    expect(h.blockChance).toBe(0);
    expect(h.blocked).toBe(false);
  });

  it('prices heists given in yen at the scenario rate', () => {
    const yen = variant({
      events: {
        scripted: [
          {
            id: 'yen',
            turn: 1,
            title: 'Yen heist',
            text: '.',
            effects: [{ type: 'heist', sector: 'exchanges', method: 'keys', amount: { ...assume(1_300_000), currency: 'JPY' } }],
          },
        ],
      },
    });
    const out = applyEvents(yen, { ...initialState(yen, '1'), turn: 1 }, computeModifiers(yen, {}), new TurnStreams('1', 1));
    expect(out.heists[0]!.amountUsd).toBe(10_000);
  });
});

describe('conditional events', () => {
  const withTest = variant({
    events: {
      ...miniInput.events,
      conditional: [
        {
          id: 'nuclear-test',
          title: 'Nuclear test',
          text: 'Flush with cash, the regime tests a device.',
          when: { metric: 'cashedOutUsd', op: '>=', value: 100_000_000, fromTurn: 2, toTurn: 4 },
          effects: [{ type: 'escalation', add: 30 }],
        },
      ],
    },
  });
  const at = (turn: number, cashedOutUsd: number, fired: string[] = []): GameState => {
    const s = initialState(withTest, '42');
    return { ...s, turn, firedEvents: fired, totals: { ...s.totals, cashedOutUsd } };
  };
  const fires = (s: GameState) =>
    selectEvents(withTest, s, new TurnStreams(s.seed, s.turn)).some((e) => e.event.id === 'nuclear-test');

  it('fires when the total crosses the threshold inside its window', () => {
    expect(fires(at(3, 150_000_000))).toBe(true);
    expect(selectEvents(withTest, at(3, 150_000_000), new TurnStreams('42', 3)).at(-1)!.kind).toBe('conditional');
  });

  it('does not fire below the threshold, before fromTurn or after toTurn', () => {
    expect(fires(at(3, 99_999_999))).toBe(false);
    expect(fires(at(1, 150_000_000))).toBe(false);
    expect(fires(at(5, 150_000_000))).toBe(false);
  });

  it('fires at most once by default', () => {
    expect(fires(at(4, 150_000_000, ['nuclear-test']))).toBe(false);
  });

  it('applies its effects like any event', () => {
    const s = at(3, 150_000_000);
    const out = applyEvents(withTest, s, computeModifiers(withTest, s.levers), new TurnStreams(s.seed, s.turn));
    expect(out.escalationAdd).toBe(30);
    expect(out.fired).toContain('nuclear-test');
  });
});
