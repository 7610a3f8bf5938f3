// Playing a named policy: the lever levels it asks for each turn, sent as the same events
// a player would send, through any driver (the bare fold for batch runs, the actor for a
// live game). Used by `cashout sim`, batch runs, calibration, bots, tests and counterfactuals.
import { policyLevels } from '../scenario/plans.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { type Action, FACILITATOR_SEAT } from './events-types.ts';
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

function must(driver: GameDriver, seat: string, action: Action): void {
  const r: SendResult = driver.act(seat, action);
  if (!r.ok) throw new PolicyError(driver.game.turn, r.refusal ?? null, sendProblem(r));
}

/** Plays one turn's planning under a policy (all roles), leaving the game in report. */
export function playPolicyTurn(driver: GameDriver, policy: PolicyDef): void {
  const { scenario } = driver;
  const wanted = policyLevels(scenario, policy, driver.game.turn);
  for (const role of scenario.roles) for (const a of planActions(scenario, role.id, driver.game.draft, wanted)) must(driver, role.id, a);
}

/** Plays a game under a policy to the debrief (or ends it after `maxTurns` turns). */
export function playPolicy<D extends GameDriver>(driver: D, policy: PolicyDef, maxTurns?: number): D {
  const seat = tableSeat(driver.scenario);
  if (driver.phase === 'setup') must(driver, seat, { type: 'BEGIN' });
  if (driver.phase === 'briefing') must(driver, seat, { type: 'START' });
  while (driver.phase !== 'debrief') {
    if (maxTurns !== undefined && driver.reports.length >= maxTurns && driver.phase === 'report') {
      must(driver, FACILITATOR_SEAT, { type: 'END_GAME' });
      break;
    }
    if (driver.phase === 'planning') playPolicyTurn(driver, policy);
    else if (driver.phase === 'report') must(driver, seat, { type: 'NEXT' });
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
