// Which player and facilitator actions are legal. An illegal action is refused with a
// typed reason and the state unchanged; nothing here throws.
import { MAX_INJECTS_PER_TURN, MAX_TOTAL_TURNS } from '../scenario/limits.ts';
import { roleSpend } from '../scenario/plans.ts';
import type { Scenario } from '../scenario/schema.ts';
import { findEvent } from './events.ts';
import { FACILITATOR_ACTIONS, FACILITATOR_SEAT, type GameEvent, isGameEventType } from './events-types.ts';
import type { GameState, Phase } from './state.ts';

export type RefusalCode =
  | 'wrong-phase'
  | 'wrong-role'
  | 'wrong-seat'
  | 'stale-turn'
  | 'already-committed'
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

export { MAX_INJECTS_PER_TURN, MAX_TOTAL_TURNS } from '../scenario/limits.ts';

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

/** Roles that have not committed their plan this turn, in scenario order. */
export function uncommittedRoles(scenario: Scenario, state: GameState): string[] {
  if (state.phase !== 'planning') return [];
  return scenario.roles.filter((r) => !state.committed.includes(r.id)).map((r) => r.id);
}

/**
 * The role a shared screen asks to plan next: the first, in scenario order, that has not
 * committed. Roles may plan in any order (a networked table plans in parallel); hot-seat
 * play simply takes them in this order. Null outside planning.
 */
export function activeRole(scenario: Scenario, state: GameState): string | null {
  return uncommittedRoles(scenario, state)[0] ?? null;
}

export { roleSpend } from '../scenario/plans.ts';

const refuse = (code: RefusalCode, event: string, message: string): Refusal => ({ code, event, message });

/** Why an event does not even have the shape of a game event, or null. */
export function malformed(event: unknown): Refusal | null {
  if (typeof event !== 'object' || event === null)
    return refuse('bad-event', String(event), `An action must be an object, not ${JSON.stringify(event) ?? String(event)}.`);
  const e = event as Record<string, unknown>;
  if (!isGameEventType(e.type)) return refuse('bad-event', String(e.type), `Unknown action ${JSON.stringify(e.type)}.`);
  if (!Number.isInteger(e.turn) || (e.turn as number) < 0)
    return refuse('bad-event', e.type, `${e.type} needs the turn it was sent in (a whole number), not ${JSON.stringify(e.turn)}.`);
  if (typeof e.seat !== 'string' || e.seat === '')
    return refuse('bad-event', e.type, `${e.type} needs the seat that sent it (a role id or "${FACILITATOR_SEAT}").`);
  switch (e.type) {
    case 'SET_LEVER':
      if (typeof e.lever !== 'string') return refuse('bad-event', e.type, 'SET_LEVER needs a lever id.');
      if (typeof e.level !== 'number') return refuse('level-out-of-range', e.type, 'SET_LEVER needs a numeric level.');
      return null;
    case 'INJECT':
      return typeof e.event === 'string' ? null : refuse('bad-event', e.type, 'INJECT needs the id of a scenario event.');
    case 'EXTEND':
      return typeof e.turns === 'number' ? null : refuse('bad-event', e.type, 'EXTEND needs a number of turns.');
    default:
      return null;
  }
}

const roleExists = (scenario: Scenario, id: string) => scenario.roles.some((r) => r.id === id);

/** Why `state` refuses `event`, or null if the rules accept it. */
export function checkEvent(scenario: Scenario, state: GameState, event: GameEvent): Refusal | null {
  const bad = malformed(event);
  if (bad) return bad;
  const phase = state.phase;
  const allowed = PHASES_FOR[event.type];
  if (!allowed.includes(phase))
    return refuse('wrong-phase', event.type, `${event.type} is not possible during ${phase}; it is allowed during ${allowed.join(' or ')}.`);
  if (event.turn !== state.turn)
    return refuse(
      'stale-turn',
      event.type,
      `This ${event.type} was sent during turn ${event.turn}, but the game is at turn ${state.turn}: the game moved on.`,
    );
  if (FACILITATOR_ACTIONS.has(event.type)) {
    if (event.seat !== FACILITATOR_SEAT)
      return refuse('wrong-seat', event.type, `Only the facilitator can ${event.type === 'END_GAME' ? 'end the game' : event.type.toLowerCase()}.`);
  } else if (event.seat !== FACILITATOR_SEAT && !roleExists(scenario, event.seat))
    return refuse('unknown-role', event.type, `There is no role "${event.seat}" in this scenario.`);
  const facilitator = event.type === 'PAUSE' || event.type === 'RESUME' || event.type === 'END_GAME';
  if (state.paused && !facilitator) return refuse('paused', event.type, 'The game is paused by the facilitator; resume it first.');

  switch (event.type) {
    case 'SET_LEVER': {
      if (event.seat === FACILITATOR_SEAT)
        return refuse('wrong-seat', event.type, 'Levers are set by the role that owns them, not by the facilitator.');
      const lever = scenario.levers.find((l) => l.id === event.lever);
      if (!lever) return refuse('unknown-lever', event.type, `There is no lever "${event.lever}" in this scenario.`);
      if (lever.role !== event.seat) return refuse('wrong-role', event.type, `"${lever.name}" belongs to the ${lever.role} role.`);
      if (state.committed.includes(event.seat))
        return refuse('already-committed', event.type, `The ${event.seat} role has already committed its plan this turn.`);
      if (!Number.isInteger(event.level) || event.level < 0 || event.level > lever.maxLevel)
        return refuse('level-out-of-range', event.type, `"${lever.name}" takes a level from 0 to ${lever.maxLevel}.`);
      const role = scenario.roles.find((r) => r.id === event.seat)!;
      const spend = roleSpend(scenario, { ...state.draft, [lever.id]: event.level }, role.id);
      if (spend > role.budgetPerTurn)
        return refuse(
          'over-budget',
          event.type,
          `That would cost ${spend} points a turn; the ${role.name} has ${role.budgetPerTurn}. Lower another lever first.`,
        );
      return null;
    }
    case 'COMMIT':
      if (event.seat === FACILITATOR_SEAT)
        return refuse('wrong-seat', event.type, 'Each role commits its own plan; the facilitator cannot commit for it.');
      if (state.committed.includes(event.seat))
        return refuse('already-committed', event.type, `The ${event.seat} role has already committed its plan this turn.`);
      return null;
    case 'PAUSE':
      return state.paused ? refuse('paused', event.type, 'The game is already paused.') : null;
    case 'RESUME':
      return state.paused ? null : refuse('wrong-phase', event.type, 'The game is not paused.');
    case 'INJECT':
      if (!findEvent(scenario, event.event)) return refuse('unknown-event', event.type, `There is no event "${event.event}" in this scenario.`);
      if (state.injects.length >= MAX_INJECTS_PER_TURN)
        return refuse('bad-event', event.type, `At most ${MAX_INJECTS_PER_TURN} events can be queued for one turn; let this turn resolve first.`);
      return null;
    case 'EXTEND':
      if (!Number.isInteger(event.turns) || event.turns < 1 || state.turnsTotal + event.turns > MAX_TOTAL_TURNS)
        return refuse('bad-event', event.type, `Extend by 1 or more whole turns, up to ${MAX_TOTAL_TURNS} turns in all.`);
      return null;
    case 'BEGIN':
    case 'START':
    case 'NEXT':
    case 'END_GAME':
      return null;
    default: {
      const never: never = event;
      return refuse('bad-event', String((never as { type?: unknown }).type), 'Unknown action.');
    }
  }
}
