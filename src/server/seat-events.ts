// The engine events a table room sends on the seats' behalf: actions stamped with the
// table's turn and the seat they come from. This is the one place that knows the engine's
// event shapes; the room only decides *when* (every seated role has submitted, or the
// facilitator forces it), and the engine's `step` decides everything else.
import { type Action, FACILITATOR_SEAT, type GameEvent, stamp } from '../engine/events-types.ts';
import type { Recorder } from '../engine/run.ts';
import type { FacilitatorAction } from '../net/protocol.ts';

/**
 * A seat's submitted levers as SET_LEVER events (lowered levers first, so the budget holds
 * between two events), then its COMMIT. Every submitted lever becomes an event, so a
 * lever of another role is refused by the rules, not silently dropped.
 */
export function planToEvents(record: Recorder, role: string, levers: Record<string, number>, commit = true): GameEvent[] {
  const draft = record.game.draft;
  const down: Action[] = [];
  const up: Action[] = [];
  for (const [lever, level] of Object.entries(levers)) {
    const from = draft[lever];
    if (from === level) continue;
    (from !== undefined && level < from ? down : up).push({ type: 'SET_LEVER', lever, level });
  }
  const actions: Action[] = [...down, ...up, ...(commit ? [{ type: 'COMMIT' } as const] : [])];
  return actions.map((a) => stamp(record.game.turn, role, a));
}

/** A role that did not submit keeps the levers in force: it only commits. */
export function keepLevers(record: Recorder, role: string): GameEvent[] {
  return [stamp(record.game.turn, role, { type: 'COMMIT' })];
}

/** The event that moves the table past the briefing or a report, from `seat` (the last to be ready, or the facilitator). */
export function advanceEvent(record: Recorder, seat: string): GameEvent | null {
  const turn = record.game.turn;
  switch (record.phase) {
    case 'setup':
      return stamp(turn, seat, { type: 'BEGIN' });
    case 'briefing':
      return stamp(turn, seat, { type: 'START' });
    case 'report':
      return stamp(turn, seat, { type: 'NEXT' });
    default:
      return null;
  }
}

/** Facilitator actions that are game events (recorded in the replay, from the facilitator's seat). */
export function facilitatorEvent(record: Recorder, action: FacilitatorAction): GameEvent | null {
  const at = (a: Action) => stamp(record.game.turn, FACILITATOR_SEAT, a);
  switch (action.action) {
    case 'pause':
      return at({ type: 'PAUSE' });
    case 'resume':
      return at({ type: 'RESUME' });
    case 'inject':
      return at({ type: 'INJECT', event: action.event });
    case 'extend':
      return at({ type: 'EXTEND', turns: action.turns });
    case 'end':
      return at({ type: 'END_GAME' });
    case 'force':
    case 'reveal-seed':
    case 'free-seat':
      return null;
    default: {
      const never: never = action;
      return never;
    }
  }
}

export function beginEvent(): GameEvent {
  return stamp(0, FACILITATOR_SEAT, { type: 'BEGIN' });
}

/** Roles that have committed this turn (their plan is in the log already). */
export function committedRoles(record: Recorder): readonly string[] {
  return record.game.committed;
}
