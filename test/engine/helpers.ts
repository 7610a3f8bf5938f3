// Shared helpers for the engine tests: scenario variants, a plain driver that plays lever
// plans through GameSession as a player would, and JSON walkers for invariants.
import fc from 'fast-check';
import { tableSeat } from '../../src/engine/autoplay.ts';
import { type Action, FACILITATOR_SEAT } from '../../src/engine/events-types.ts';
import { type GameDriver, sendProblem } from '../../src/engine/run.ts';
import { GameSession } from '../../src/engine/session.ts';
import { type Scenario, type ScenarioInput, ScenarioSchema } from '../../src/scenario/schema.ts';
import { mini, miniInput } from '../fixtures/mini.ts';

/** The mini scenario with some top-level fields replaced, validated like a real file. */
export function variant(patch: Partial<ScenarioInput>): Scenario {
  return ScenarioSchema.parse({ ...miniInput, ...patch });
}

type Levers = NonNullable<ScenarioInput['levers']>;

/** The mini scenario with extra levers appended. */
export function withLevers(extra: Levers): Scenario {
  return variant({ levers: [...miniInput.levers, ...extra] });
}

/** The mini scenario's table seat (its first role) for begin/start/next, and the facilitator's. */
export const TABLE = tableSeat(mini);
export const FAC = FACILITATOR_SEAT;

/** Sends an action from a seat that must be accepted; a refusal fails the test with its reason. */
export function must(session: GameDriver, seat: string, action: Action): void {
  const r = session.act(seat, action);
  if (!r.ok) throw new Error(`turn ${session.game.turn}: ${action.type} from ${seat} refused: ${r.refusal?.code ?? 'error'} ${sendProblem(r)}`);
}

/** Cost of a role's levers at the given levels. */
export function spend(scenario: Scenario, levels: Record<string, number>, role: string): number {
  return scenario.levers.filter((l) => l.role === role).reduce((a, l) => a + l.costPerLevel * (levels[l.id] ?? 0), 0);
}

/** Keeps the levels within each role's budget by dropping (zeroing) levers, in scenario order, that do not fit. */
export function withinBudget(scenario: Scenario, levels: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  const used: Record<string, number> = {};
  for (const l of scenario.levers) {
    const role = scenario.roles.find((r) => r.id === l.role)!;
    const level = Math.min(Math.max(0, levels[l.id] ?? 0), l.maxLevel);
    const cost = l.costPerLevel * level;
    const fits = (used[role.id] ?? 0) + cost <= role.budgetPerTurn;
    out[l.id] = fits ? level : 0;
    if (fits) used[role.id] = (used[role.id] ?? 0) + cost;
  }
  return out;
}

/** Lever levels for one turn: each lever within its maxLevel, every role within its budget. */
export function legalLevelsArb(scenario: Scenario): fc.Arbitrary<Record<string, number>> {
  const shape: Record<string, fc.Arbitrary<number>> = {};
  for (const l of scenario.levers) shape[l.id] = fc.integer({ min: 0, max: l.maxLevel });
  return fc.record(shape).map((levels) => withinBudget(scenario, levels));
}

/** One legal plan per turn of the scenario. */
export function legalPlanArb(scenario: Scenario): fc.Arbitrary<Record<string, number>[]> {
  const n = scenario.calendar.turns;
  return fc.array(legalLevelsArb(scenario), { minLength: n, maxLength: n });
}

/** Seeds as players type them: arbitrary strings and numbers. */
export const seedArb: fc.Arbitrary<string> = fc.oneof(fc.string({ maxLength: 16 }), fc.integer().map(String));

/** Planning for one turn: every role, in scenario order, lowers then raises its levers and commits. */
export function planTurn(session: GameDriver, wanted: Record<string, number>): void {
  const { scenario } = session;
  for (const role of scenario.roles) {
    const mine = scenario.levers.filter((l) => l.role === role.id);
    const draft = session.game.draft;
    for (const l of mine)
      if ((wanted[l.id] ?? 0) < (draft[l.id] ?? 0))
        must(session, role.id, { type: 'SET_LEVER', lever: l.id, level: wanted[l.id] ?? 0 });
    for (const l of mine)
      if ((wanted[l.id] ?? 0) > (draft[l.id] ?? 0))
        must(session, role.id, { type: 'SET_LEVER', lever: l.id, level: wanted[l.id] ?? 0 });
    must(session, role.id, { type: 'COMMIT' });
  }
}

/**
 * Plays a whole game: BEGIN, START, then for each turn the plan's levels (the last one
 * repeats if the plan is short), calling `afterTurn` in the report phase.
 */
export function playPlan(
  scenario: Scenario,
  seed: string,
  plan: Record<string, number>[],
  afterTurn?: (session: GameSession) => void,
): GameSession {
  const session = new GameSession(scenario, seed);
  const seat = tableSeat(scenario);
  must(session, seat, { type: 'BEGIN' });
  must(session, seat, { type: 'START' });
  while (session.phase === 'planning') {
    planTurn(session, plan[session.game.turn - 1] ?? plan[plan.length - 1] ?? {});
    afterTurn?.(session);
    must(session, seat, { type: 'NEXT' });
  }
  return session;
}

/** A session advanced to the first planning phase. */
export function startedSession(scenario: Scenario = mini, seed = '42'): GameSession {
  const session = new GameSession(scenario, seed);
  must(session, tableSeat(scenario), { type: 'BEGIN' });
  must(session, tableSeat(scenario), { type: 'START' });
  return session;
}

/** JSON paths of every negative number in a value. */
export function negativePaths(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return value < 0 ? [`${path} = ${value}`] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => negativePaths(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => negativePaths(v, `${path}.${k}`));
  return [];
}

/** JSON paths of everything that is not plain JSON data (undefined, functions, class instances, NaN…). */
export function nonJsonPaths(value: unknown, path = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => nonJsonPaths(v, `${path}[${i}]`));
  if (typeof value === 'object') {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return [`${path} is a ${value.constructor?.name ?? 'class'} instance`];
    return Object.entries(value).flatMap(([k, v]) => nonJsonPaths(v, `${path}.${k}`));
  }
  return [`${path} is ${typeof value}`];
}
