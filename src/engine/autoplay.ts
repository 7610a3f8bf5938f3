// Playing a named policy: the lever levels it asks for each turn, sent as the same events
// a player would send, through any driver (the bare fold for batch runs, the actor for a
// live game). Used by `cashout sim`, batch runs, calibration, bots, tests and counterfactuals.
import { policyLevels } from '../scenario/plans.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { type Action, FACILITATOR_SEAT, type GameEvent } from './events-types.ts';
import type { TurnReport } from './report.ts';
import type { Refusal } from './rules.ts';
import { type GameDriver, Run, type SendResult, sendProblem } from './run.ts';
import type { GameState } from './state.ts';

export { policyLevels } from '../scenario/plans.ts';

/**
 * The actions one role sends to move its levers from `current` to `wanted`: lowering
 * first so that raising never trips the budget in between, then COMMIT.
 */
export function planActions(
  scenario: Scenario,
  role: string,
  current: Record<string, number>,
  wanted: Record<string, number>,
): Action[] {
  const down: Action[] = [];
  const up: Action[] = [];
  for (const l of scenario.levers) {
    if (l.role !== role) continue;
    const from = current[l.id] ?? 0;
    const to = wanted[l.id] ?? 0;
    if (to < from) down.push({ type: 'SET_LEVER', lever: l.id, level: to });
    if (to > from) up.push({ type: 'SET_LEVER', lever: l.id, level: to });
  }
  return [...down, ...up, { type: 'COMMIT' }];
}

/** The seat a table's own flow events (begin, start, next turn) come from when played by a policy. */
export function tableSeat(scenario: Scenario): string {
  return scenario.roles[0]!.id;
}

export class PolicyError extends Error {
  constructor(
    readonly turn: number,
    readonly refusal: Refusal | null,
    detail: string,
  ) {
    super(`turn ${turn}: the policy asks for something the rules refuse: ${detail}`);
  }
}

function must(driver: GameDriver, event: GameEvent): void {
  const r: SendResult = driver.send(event);
  if (!r.ok) throw new PolicyError(driver.game.turn, r.refusal ?? null, sendProblem(r));
}

/**
 * A policy's levels for every turn it changes them, computed once per (scenario, policy):
 * batch runs play the same policy thousands of times. A memo of a pure function.
 */
const schedules = new WeakMap<PolicyDef, { scenario: Scenario; byTurn: Map<number, Record<string, number>> }>();

function levelsAt(scenario: Scenario, policy: PolicyDef, turn: number): Record<string, number> {
  let memo = schedules.get(policy);
  if (!memo || memo.scenario !== scenario) {
    memo = { scenario, byTurn: new Map() };
    schedules.set(policy, memo);
  }
  let levels = memo.byTurn.get(turn);
  if (!levels) {
    levels = policyLevels(scenario, policy, turn);
    if (memo.byTurn.size < 1000) memo.byTurn.set(turn, levels);
  }
  return levels;
}

/**
 * Plays one turn's planning under a policy (all roles), leaving the game in report. The
 * events are built stamped (turn and seat), exactly as planActions and act() would.
 */
export function playPolicyTurn(driver: GameDriver, policy: PolicyDef): void {
  const { scenario } = driver;
  const turn = driver.game.turn;
  const wanted = levelsAt(scenario, policy, turn);
  for (const role of scenario.roles) {
    const seat = role.id;
    const draft = driver.game.draft;
    // Lower first so that raising never trips the budget in between.
    for (const l of scenario.levers)
      if (l.role === seat && (wanted[l.id] ?? 0) < (draft[l.id] ?? 0)) must(driver, { type: 'SET_LEVER', turn, seat, lever: l.id, level: wanted[l.id] ?? 0 });
    for (const l of scenario.levers)
      if (l.role === seat && (wanted[l.id] ?? 0) > (draft[l.id] ?? 0)) must(driver, { type: 'SET_LEVER', turn, seat, lever: l.id, level: wanted[l.id] ?? 0 });
    must(driver, { type: 'COMMIT', turn, seat });
  }
}

/** Plays a game under a policy to the debrief (or ends it after `maxTurns` turns). */
export function playPolicy<D extends GameDriver>(driver: D, policy: PolicyDef, maxTurns?: number): D {
  const seat = tableSeat(driver.scenario);
  if (driver.phase === 'setup') must(driver, { type: 'BEGIN', turn: driver.game.turn, seat });
  if (driver.phase === 'briefing') must(driver, { type: 'START', turn: driver.game.turn, seat });
  while (driver.phase !== 'debrief') {
    if (maxTurns !== undefined && driver.reports.length >= maxTurns && driver.phase === 'report') {
      must(driver, { type: 'END_GAME', turn: driver.game.turn, seat: FACILITATOR_SEAT });
      break;
    }
    if (driver.phase === 'planning') playPolicyTurn(driver, policy);
    else if (driver.phase === 'report') must(driver, { type: 'NEXT', turn: driver.game.turn, seat });
    else throw new Error(`unexpected phase ${driver.phase}`);
  }
  return driver;
}

export interface PlayedRun {
  state: GameState;
  reports: readonly TurnReport[];
}

/** A whole game under a policy on the bare step: the path batch runs and calibration take. */
export function simulatePolicy(scenario: Scenario, seed: string, policy: PolicyDef): PlayedRun {
  const run = playPolicy(new Run(scenario, seed), policy);
  return { state: run.game, reports: run.reports };
}
