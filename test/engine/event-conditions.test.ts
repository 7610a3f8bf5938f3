// Events that follow other events (a freeze that needs the heist to have succeeded), that
// depend on a lever's level, and scripted events written by calendar month.
import { describe, expect, it } from 'vitest';
import { simulatePolicy } from '../../src/engine/autoplay.ts';
import { conditionHolds, selectEvents } from '../../src/engine/events.ts';
import { TurnStreams } from '../../src/engine/rng.ts';
import { type GameState, initialState } from '../../src/engine/state.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import { miniInput } from '../fixtures/mini.ts';
import { variant } from './helpers.ts';

const usd = (value: number) => ({ value, currency: 'USD' as const, confidence: 'assumption' as const });

// Fast-building defences, so that validators raised in turn 1 can block the April heist.
const scenario = variant({
  dynamics: { build: 0.9, decay: 0.15 },
  events: {
    scripted: [
      {
        id: 'dmm-heist',
        month: '2022-04',
        title: 'DMM Bitcoin',
        text: 'A supplier employee takes a fake recruiter test.',
        effects: [{ type: 'heist', sector: 'bridges', method: 'phishing', amount: usd(305_000_000), name: 'DMM Bitcoin' }],
      },
    ],
    random: [],
    conditional: [
      {
        id: 'tether-freeze',
        title: 'Tether freezes the DMM loot',
        text: 'Part of the stolen funds is frozen on its way through stablecoins.',
        when: { event: 'dmm-heist', outcome: 'succeeded' },
        effects: [{ type: 'seizure', amount: usd(29_600_000) }],
      },
      {
        id: 'dmm-foiled',
        title: 'The DMM attempt is foiled',
        text: 'Hardened signing keys stop the theft.',
        when: { event: 'dmm-heist', outcome: 'blocked' },
        effects: [],
      },
      {
        id: 'validators-praised',
        title: 'Bridge operators praise the validator rules',
        text: 'With validators decentralised, operators report fewer phishing attempts.',
        when: { lever: 'bridge_validators', op: '>=', level: 2 },
        effects: [{ type: 'escalation', add: 1 }],
      },
    ],
  },
});

const state = (patch: Partial<GameState>): GameState => ({ ...initialState(scenario, '42'), ...patch });
const ids = (s: GameState) => selectEvents(scenario, s, new TurnStreams('42', s.turn)).map((e) => e.event.id);

describe('scripted events by month', () => {
  it('resolve to the turn of that month (2022-04 is turn 4 of a game from 2022-01)', () => {
    expect(scenario.events.scripted[0]!.turn).toBe(4);
    expect(scenario.events.scripted[0]!.month).toBe('2022-04');
  });

  it('a month outside the game is an error at that month, with the game’s range', () => {
    const r = ScenarioSchema.safeParse({
      ...miniInput,
      events: { scripted: [{ id: 'late', month: '2022-09', title: 'Late', text: 'Too late.' }] },
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({
      path: ['events', 'scripted', 0, 'month'],
      message: expect.stringContaining('2022-09 is outside the game, which runs from 2022-01 to 2022-06 (turns 1–6)'),
    });
  });

  it('a month and a turn that disagree are refused; an event with neither is refused', () => {
    const both = ScenarioSchema.safeParse({
      ...miniInput,
      events: { scripted: [{ id: 'x', turn: 3, month: '2022-02', title: 'X', text: 'X.' }] },
    });
    expect(both.error?.issues[0]?.message).toMatch(/turn 3 is 2022-03, not 2022-02/);
    const neither = ScenarioSchema.safeParse({ ...miniInput, events: { scripted: [{ id: 'x', title: 'X', text: 'X.' }] } });
    expect(neither.error?.issues[0]?.message).toMatch(/`turn: 3` or `month: 2024-05`/);
  });

  it('the parsed scenario parses again to the same (it is stored inline in replays)', () => {
    expect(ScenarioSchema.parse(JSON.parse(JSON.stringify(scenario)))).toEqual(scenario);
  });
});

describe('conditions on an event’s outcome', () => {
  it('a follow-up waits for its event, then needs the outcome it names', () => {
    expect(ids(state({ turn: 5 }))).not.toContain('tether-freeze');
    expect(ids(state({ turn: 5, firedEvents: ['dmm-heist'], eventOutcomes: { 'dmm-heist': 'succeeded' } }))).toEqual(['tether-freeze']);
    expect(ids(state({ turn: 5, firedEvents: ['dmm-heist'], eventOutcomes: { 'dmm-heist': 'blocked' } }))).toEqual(['dmm-foiled']);
  });

  it('"happened" holds for either outcome', () => {
    const happened = { event: 'dmm-heist', outcome: 'happened' as const };
    expect(conditionHolds(happened, state({ eventOutcomes: { 'dmm-heist': 'blocked' } }))).toBe(true);
    expect(conditionHolds(happened, state({ eventOutcomes: {} }))).toBe(false);
  });

  it('in play, "Tether freezes the DMM loot" happens exactly when the DMM heist succeeded', () => {
    let succeeded = 0;
    let blocked = 0;
    for (const [policy, seeds] of [
      [{ description: 'none', turns: {} }, ['1', '2', '3']],
      [{ description: 'hard', turns: { '1': { bridge_validators: 3 } } }, ['1', '2', '3', '4', '5', '6', '7', '8']],
    ] as const) {
      for (const seed of seeds) {
        const run = simulatePolicy(scenario, seed, policy);
        const outcome = run.state.eventOutcomes['dmm-heist'];
        const dmm = run.reports[3]!.heists.find((h) => h.eventId === 'dmm-heist')!;
        expect(outcome).toBe(dmm.blocked ? 'blocked' : 'succeeded');
        const later = run.reports.slice(4).flatMap((r) => r.events.map((e) => e.id));
        expect(later.includes('tether-freeze')).toBe(outcome === 'succeeded');
        expect(later.includes('dmm-foiled')).toBe(outcome === 'blocked');
        // Never in the turn of the heist itself: its outcome is known only after that turn.
        expect(run.reports[3]!.events.map((e) => e.id)).not.toContain('tether-freeze');
        if (outcome === 'succeeded') succeeded++;
        else blocked++;
      }
    }
    expect(succeeded).toBeGreaterThan(0);
    expect(blocked).toBeGreaterThan(0);
  });
});

describe('conditions on a lever', () => {
  it('test the level in force this turn', () => {
    expect(ids(state({ turn: 1, levers: { ...initialState(scenario, '42').levers, bridge_validators: 2 } }))).toContain('validators-praised');
    expect(ids(state({ turn: 1, levers: { ...initialState(scenario, '42').levers, bridge_validators: 1 } }))).not.toContain('validators-praised');
  });
});

describe('conditions are written one way at a time', () => {
  it('mixing a total and an event, or forgetting op, is refused at the field', () => {
    const bad = (when: Record<string, unknown>) =>
      ScenarioSchema.safeParse({
        ...miniInput,
        events: { conditional: [{ id: 'c', title: 'C', text: 'C.', when }] },
      }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(bad({ metric: 'stolenUsd', op: '>=', value: 1, event: 'x' })).toEqual([
      expect.stringMatching(/^events\.conditional\.0\.when\.event: a condition tests one thing, but this one names both `metric` and `event`/),
    ]);
    expect(bad({ lever: 'bridge_validators', level: 2 })).toEqual([
      expect.stringMatching(/when\.op: a condition on `lever` needs `op` too/),
    ]);
    expect(bad({ event: 'validator-phish', level: 2 })).toEqual([expect.stringMatching(/when\.level: `level` does not go with a condition on `event`/)]);
  });
});

describe('a parsed scenario is a fixed point of parsing, to the byte', () => {
  it('every shipped scenario, months resolved, parses again to the same JSON text (servers and replays compare files)', async () => {
    const { shipped } = await import('../scenarios/shipped.ts');
    for (const sh of shipped) {
      const once = JSON.stringify(sh.scenario);
      expect(JSON.stringify(ScenarioSchema.parse(JSON.parse(once))), sh.name).toBe(once);
    }
    const byMonth = JSON.stringify(scenario);
    expect(JSON.stringify(ScenarioSchema.parse(JSON.parse(byMonth)))).toBe(byMonth);
  });
});
