// The engine events a table room sends on the seats' behalf. This is the one place that
// knows the engine's event shapes; the room only decides *when* (every seated role has
// submitted, or the facilitator forces it), the engine decides everything else.
import { planEvents } from '../engine/autoplay.ts';
import type { GameEvent } from '../engine/events-types.ts';
import type { GameSession } from '../engine/session.ts';
import type { FacilitatorAction } from '../net/protocol.ts';

/** A role's submitted plan as events: lower levers first (so the budget holds), then commit. */
export function planToEvents(session: GameSession, role: string, levers: Record<string, number>): GameEvent[] {
  const wanted = { ...session.game.draft, ...levers };
  return planEvents(session.scenario, role, session.game.draft, wanted);
}

/** A role that did not submit keeps the levers in force: it only commits. */
export function keepLevers(_session: GameSession, role: string): GameEvent[] {
  return [{ type: 'COMMIT', role }];
}

/** The event that moves the table past the briefing or a report. */
export function advanceEvent(session: GameSession): GameEvent | null {
  switch (session.phase) {
    case 'setup':
      return { type: 'BEGIN' };
    case 'briefing':
      return { type: 'START' };
    case 'report':
      return { type: 'NEXT' };
    default:
      return null;
  }
}

/** Facilitator actions that are game events (recorded in the replay). */
export function facilitatorEvent(_session: GameSession, action: FacilitatorAction): GameEvent | null {
  switch (action.action) {
    case 'pause':
      return { type: 'PAUSE' };
    case 'resume':
      return { type: 'RESUME' };
    case 'inject':
      return { type: 'INJECT', event: action.event };
    case 'extend':
      return { type: 'EXTEND', turns: action.turns };
    case 'end':
      return { type: 'END_GAME' };
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

/** Roles that have committed this turn (their plan is in the log already). */
export function committedRoles(session: GameSession): readonly string[] {
  return session.game.committed;
}
