// Playing a named policy: the lever levels it asks for each turn, sent as the same
// events a player would send. Used by `cashout sim`, batch runs, tests and counterfactuals.
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events-types.ts';
import type { Refusal } from './rules.ts';
import type { GameSession } from './session.ts';

/** Lever levels a policy wants in force during `turn` (levels persist until changed). */
export function policyLevels(scenario: Scenario, policy: PolicyDef, turn: number): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const l of scenario.levers) levels[l.id] = 0;
  const turns = Object.keys(policy.turns)
    .map(Number)
    .filter((t) => t <= turn)
    .sort((a, b) => a - b);
  for (const t of turns) Object.assign(levels, policy.turns[String(t)]);
  return levels;
}

/**
 * The events one role sends to move its levers from `current` to `wanted`: lowering first
 * so that raising never trips the budget in between, then COMMIT.
 */
export function planEvents(
  scenario: Scenario,
  role: string,
  current: Record<string, number>,
  wanted: Record<string, number>,
): GameEvent[] {
  const mine = scenario.levers.filter((l) => l.role === role);
  const down: GameEvent[] = [];
  const up: GameEvent[] = [];
  for (const l of mine) {
    const from = current[l.id] ?? 0;
    const to = wanted[l.id] ?? 0;
    if (to < from) down.push({ type: 'SET_LEVER', role, lever: l.id, level: to });
    if (to > from) up.push({ type: 'SET_LEVER', role, lever: l.id, level: to });
  }
  return [...down, ...up, { type: 'COMMIT', role }];
}

export class PolicyError extends Error {
  constructor(
    readonly turn: number,
    readonly refusal: Refusal,
  ) {
    super(`turn ${turn}: the policy asks for something the rules refuse: ${refusal.message}`);
  }
}

function must(session: GameSession, event: GameEvent): void {
  const r = session.send(event);
  if (!r.ok) throw new PolicyError(session.game.turn, r.refusal);
}

/** Plays one turn's planning under a policy (all roles), leaving the session in report. */
export function playPolicyTurn(session: GameSession, policy: PolicyDef): void {
  const { scenario } = session;
  const wanted = policyLevels(scenario, policy, session.game.turn);
  for (const role of scenario.roles) {
    for (const e of planEvents(scenario, role.id, session.game.draft, wanted)) must(session, e);
  }
}

/** Plays a game under a policy to the debrief (or ends it after `maxTurns` turns). */
export function playPolicy(session: GameSession, policy: PolicyDef, maxTurns?: number): GameSession {
  if (session.phase === 'setup') must(session, { type: 'BEGIN' });
  if (session.phase === 'briefing') must(session, { type: 'START' });
  while (session.phase !== 'debrief') {
    if (maxTurns !== undefined && session.reports.length >= maxTurns && session.phase === 'report') {
      must(session, { type: 'END_GAME' });
      break;
    }
    if (session.phase === 'planning') playPolicyTurn(session, policy);
    else if (session.phase === 'report') must(session, { type: 'NEXT' });
    else throw new Error(`unexpected phase ${session.phase}`);
  }
  return session;
}
