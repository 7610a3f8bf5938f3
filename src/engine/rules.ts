// Which player and facilitator actions are legal. An illegal action is refused with a
// typed reason and the state unchanged; nothing here throws.
import type { Scenario } from '../scenario/schema.ts';
import { findEvent } from './events.ts';
import type { GameEvent } from './events-types.ts';
import type { GameState, Phase } from './state.ts';

export type RefusalCode =
  | 'wrong-phase'
  | 'wrong-role'
  | 'unknown-role'
  | 'unknown-lever'
  | 'level-out-of-range'
  | 'over-budget'
  | 'paused'
  | 'unknown-event'
  | 'bad-event';

export interface Refusal {
  code: RefusalCode;
  message: string;
  event: string;
}

export const MAX_TOTAL_TURNS = 240;

/** Where each kind of event is accepted. */
export const PHASES_FOR: Record<GameEvent['type'], readonly Phase[]> = {
  BEGIN: ['setup'],
  START: ['briefing'],
  SET_LEVER: ['planning'],
  COMMIT: ['planning'],
  NEXT: ['report'],
  PAUSE: ['planning', 'report'],
  RESUME: ['planning', 'report'],
  INJECT: ['planning', 'report'],
  EXTEND: ['planning', 'report'],
  END_GAME: ['planning', 'report'],
};

/** The role whose turn it is to plan, or null outside planning. */
export function activeRole(scenario: Scenario, state: GameState, phase: Phase): string | null {
  if (phase !== 'planning') return null;
  return scenario.roles[state.committed.length]?.id ?? null;
}

/** Budget points a role spends per turn at these lever levels. */
export function roleSpend(scenario: Scenario, levels: Record<string, number>, role: string): number {
  let spend = 0;
  for (const l of scenario.levers) if (l.role === role) spend += l.costPerLevel * (levels[l.id] ?? 0);
  return spend;
}

const refuse = (code: RefusalCode, event: string, message: string): Refusal => ({ code, event, message });

export function checkEvent(scenario: Scenario, state: GameState, phase: Phase, event: GameEvent): Refusal | null {
  const type = (event as { type?: unknown })?.type;
  if (typeof type !== 'string' || !(type in PHASES_FOR))
    return refuse('bad-event', String(type), `Unknown action ${JSON.stringify(type)}.`);
  const allowed = PHASES_FOR[event.type];
  if (!allowed.includes(phase))
    return refuse('wrong-phase', event.type, `${event.type} is not possible during ${phase}; it is allowed during ${allowed.join(' or ')}.`);
  const facilitator = event.type === 'PAUSE' || event.type === 'RESUME' || event.type === 'END_GAME';
  if (state.paused && !facilitator)
    return refuse('paused', event.type, 'The game is paused by the facilitator; resume it first.');

  switch (event.type) {
    case 'SET_LEVER': {
      const lever = scenario.levers.find((l) => l.id === event.lever);
      if (!scenario.roles.some((r) => r.id === event.role))
        return refuse('unknown-role', event.type, `There is no role "${event.role}" in this scenario.`);
      if (!lever) return refuse('unknown-lever', event.type, `There is no lever "${event.lever}" in this scenario.`);
      const active = activeRole(scenario, state, phase);
      if (event.role !== active)
        return refuse('wrong-role', event.type, `It is ${active ?? 'nobody'}'s turn to plan, not ${event.role}'s.`);
      if (lever.role !== event.role)
        return refuse('wrong-role', event.type, `"${lever.name}" belongs to the ${lever.role} role.`);
      if (!Number.isInteger(event.level) || event.level < 0 || event.level > lever.maxLevel)
        return refuse('level-out-of-range', event.type, `"${lever.name}" takes a level from 0 to ${lever.maxLevel}.`);
      const role = scenario.roles.find((r) => r.id === event.role)!;
      const spend = roleSpend(scenario, { ...state.draft, [lever.id]: event.level }, role.id);
      if (spend > role.budgetPerTurn)
        return refuse(
          'over-budget',
          event.type,
          `That would cost ${spend} points a turn; the ${role.name} has ${role.budgetPerTurn}. Lower another lever first.`,
        );
      return null;
    }
    case 'COMMIT': {
      if (!scenario.roles.some((r) => r.id === event.role))
        return refuse('unknown-role', event.type, `There is no role "${event.role}" in this scenario.`);
      const active = activeRole(scenario, state, phase);
      if (event.role !== active)
        return refuse('wrong-role', event.type, `It is ${active ?? 'nobody'}'s turn to commit, not ${event.role}'s.`);
      return null;
    }
    case 'PAUSE':
      return state.paused ? refuse('paused', event.type, 'The game is already paused.') : null;
    case 'RESUME':
      return state.paused ? null : refuse('wrong-phase', event.type, 'The game is not paused.');
    case 'INJECT':
      return findEvent(scenario, event.event)
        ? null
        : refuse('unknown-event', event.type, `There is no event "${event.event}" in this scenario.`);
    case 'EXTEND':
      if (!Number.isInteger(event.turns) || event.turns < 1 || state.turnsTotal + event.turns > MAX_TOTAL_TURNS)
        return refuse('bad-event', event.type, `Extend by 1 or more whole turns, up to ${MAX_TOTAL_TURNS} turns in all.`);
      return null;
    default:
      return null;
  }
}
