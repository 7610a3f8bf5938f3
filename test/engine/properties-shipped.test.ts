// Property tests on every shipped scenario: random sequences of legal and illegal events
// from every seat (players and facilitator), folded over the one step. Whatever is sent,
// money is conserved to the dollar, nothing goes negative, the missile stock adds up
// (scripted launches included), refused events change nothing, and the same inputs give
// the same hashes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Action, FACILITATOR_SEAT, type GameEvent } from '../../src/engine/events-types.ts';
import { Run } from '../../src/engine/run.ts';
import type { GameState } from '../../src/engine/state.ts';
import { conservationError } from '../../src/engine/turn.ts';
import { type Scenario, type ScenarioInput, ScenarioSchema } from '../../src/scenario/schema.ts';
import { scenarioOf, shipped } from '../scenarios/shipped.ts';
import { negativePaths } from './helpers.ts';

// FC_RUNS=200 npx vitest run test/engine/properties-shipped.test.ts for a deeper search.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 12) };

/**
 * One move: an action, who sends it, and whether it is stamped with a stale turn; or a
 * whole turn played out (every role commits, then next), so games get far enough to matter.
 */
type Move = { seat: string; action: Action; staleBy: number } | { finishTurn: true };

function moveArb(s: Scenario): fc.Arbitrary<Move> {
  const roles = s.roles.map((r) => r.id);
  const seat = fc.constantFrom(...roles, FACILITATOR_SEAT, 'stranger');
  const eventIds = [...s.events.scripted, ...s.events.random, ...s.events.conditional].map((e) => e.id);
  const lever = fc.record({
    type: fc.constant('SET_LEVER' as const),
    lever: fc.constantFrom(...s.levers.map((l) => l.id), 'no-such-lever'),
    level: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom(-1, 1.5, 99)),
  });
  const action: fc.Arbitrary<Action> = fc.oneof(
    { weight: 200, arbitrary: lever },
    { weight: 125, arbitrary: fc.constant({ type: 'COMMIT' as const }) },
    { weight: 75, arbitrary: fc.constant({ type: 'NEXT' as const }) },
    { weight: 15, arbitrary: fc.constantFrom({ type: 'PAUSE' as const }, { type: 'RESUME' as const }) },
    {
      weight: 15,
      arbitrary: fc.record({ type: fc.constant('INJECT' as const), event: fc.constantFrom(...eventIds, 'no-such-event') }),
    },
    { weight: 10, arbitrary: fc.record({ type: fc.constant('EXTEND' as const), turns: fc.integer({ min: -1, max: 3 }) }) },
    { weight: 1, arbitrary: fc.constant({ type: 'END_GAME' as const }) },
    { weight: 10, arbitrary: fc.constantFrom({ type: 'BEGIN' as const }, { type: 'START' as const }) },
  );
  const single = fc.record({ seat, action, staleBy: fc.oneof({ weight: 19, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.constant(1) }) });
  return fc.oneof({ weight: 6, arbitrary: single }, { weight: 1, arbitrary: fc.constant({ finishTurn: true as const }) });
}

/** Events that finish the current turn: resume if paused, every uncommitted role commits, then next. */
function finishingEvents(s: Scenario, g: GameState): GameEvent[] {
  const out: GameEvent[] = [];
  if (g.paused) out.push({ type: 'RESUME', turn: g.turn, seat: FACILITATOR_SEAT });
  if (g.phase === 'planning')
    for (const r of s.roles) if (!g.committed.includes(r.id)) out.push({ type: 'COMMIT', turn: g.turn, seat: r.id });
  out.push({ type: 'NEXT', turn: g.turn, seat: s.roles[0]!.id });
  return out;
}

/** A run that starts the game, then plays the moves (each seat COMMITs only after planning). */
function play(s: Scenario, seed: string, moves: Move[], check: (run: Run, accepted: boolean, before: GameState) => void): Run {
  const run = new Run(s, seed);
  run.act(s.roles[0]!.id, { type: 'BEGIN' });
  run.act(s.roles[0]!.id, { type: 'START' });
  for (const m of moves) {
    if ('finishTurn' in m) {
      for (const e of finishingEvents(s, run.game)) {
        const before = run.game;
        const r = run.send(e);
        if (!r.ok) expect(r.error, `an engine error on ${JSON.stringify(e)}`).toBeUndefined();
        check(run, r.ok, before);
      }
      continue;
    }
    const seat = m.action.type === 'SET_LEVER' && m.seat !== 'stranger' ? (s.levers.find((l) => l.id === (m.action as { lever: string }).lever)?.role ?? m.seat) : m.seat;
    const before = run.game;
    const logged = run.log.length;
    const event = { ...m.action, turn: run.game.turn - m.staleBy, seat } as GameEvent;
    const r = run.send(event);
    if (!r.ok) {
      expect(r.error, `an engine error on ${JSON.stringify(event)}`).toBeUndefined();
      expect(run.game).toBe(before);
      expect(run.log).toHaveLength(logged);
    }
    check(run, r.ok, before);
  }
  return run;
}

function checkBooks(s: Scenario, g: GameState): void {
  expect(conservationError(g), `turn ${g.turn}`).toBeNull();
  expect(negativePaths(g, 'game')).toEqual([]);
  const t = g.totals;
  for (const x of [t.stolenUsd, t.frozenUsd, t.lostUsd, t.cashedOutUsd, t.inPipelineUsd, t.missileFundUsd, ...g.pipeline.map((p) => p.amountUsd)]) {
    expect(Number.isSafeInteger(x)).toBe(true);
  }
  let launched = 0;
  for (const m of s.missiles) {
    launched += g.launched[m.id]!;
    expect(g.stock[m.id], `stock of ${m.id}`).toBe(m.initialStock + g.bought[m.id]! - (g.launched[m.id]! - g.launchedByEvents[m.id]!));
  }
  expect(launched).toBe(t.launches);
}

/**
 * No shipped scenario scripts a launch or has a conditional event today, so one more case
 * adds both to the 2022 scenario: the stock identity must hold with scripted launches too.
 */
function withScriptedLaunches(base: Scenario): Scenario {
  const missile = base.missiles[0]!.id;
  const input = structuredClone(base) as ScenarioInput;
  const events = input.events!;
  events.scripted = [
    ...(events.scripted ?? []),
    { id: 'test-salvo', turn: 2, title: 'Salvo', text: 'A scripted salvo.', effects: [{ type: 'launch', missile, count: 3 }] },
  ];
  events.conditional = [
    ...(events.conditional ?? []),
    {
      id: 'test-answer',
      title: 'Answer',
      text: 'Cash arrives; a launch answers it.',
      when: { metric: 'cashedOutUsd', op: '>=', value: 1 },
      once: false,
      effects: [
        { type: 'launch', missile, count: 1 },
        { type: 'escalation', add: 2 },
      ],
    },
  ];
  return ScenarioSchema.parse(input);
}

const cases = [
  ...shipped.map((x) => [x.name, scenarioOf(x)] as const),
  ['2022 with scripted and conditional launches', withScriptedLaunches(scenarioOf(shipped.find((x) => x.name.startsWith('2022'))!))] as const,
];

describe.each(cases)('%s: random legal and illegal events', (_name, s) => {
  const moves = fc.array(moveArb(s), { minLength: 20, maxLength: 160 });
  const seed = fc.oneof(fc.string({ maxLength: 8 }), fc.integer().map(String));

  it('the generator plays real games: sampled sequences resolve several turns and get refusals', () => {
    let turns = 0;
    let refused = 0;
    for (const ms of fc.sample(moves, { seed: 1, numRuns: 10 }))
      play(s, '1', ms, (run, accepted) => {
        turns = Math.max(turns, run.reports.length);
        if (!accepted) refused += 1;
      });
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(refused).toBeGreaterThan(10);
  });

  it('keep the books: conservation, no negatives, whole safe-integer dollars, stock identity with scripted launches', () => {
    fc.assert(
      fc.property(seed, moves, (sd, ms) => {
        play(s, sd, ms, (run, accepted) => {
          if (accepted) checkBooks(s, run.game);
        });
      }),
      RUNS,
    );
  });

  it('refused events change nothing, and the same inputs give the same hashes, state and log', () => {
    fc.assert(
      fc.property(seed, moves, (sd, ms) => {
        const a = play(s, sd, ms, () => {});
        const b = play(s, sd, ms, () => {});
        expect(b.turnHashes).toEqual(a.turnHashes);
        expect(b.log).toEqual(a.log);
        expect(JSON.stringify(b.game)).toBe(JSON.stringify(a.game));
      }),
      { numRuns: Math.max(3, Math.floor(RUNS.numRuns / 3)) },
    );
  });
});
