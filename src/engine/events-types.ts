// Events the game accepts from players, facilitators and replays. Plain data: a replay
// file stores them in order. Every event says which turn it was sent in and from which
// seat, so a log is self-describing and a server can check who may send what.

/** The seat of the person running the session; player seats are role ids. */
export const FACILITATOR_SEAT = 'facilitator';

/** What an event asks for, before it is stamped with its turn and seat. */
export type Action =
  | { type: 'BEGIN' }
  | { type: 'START' }
  | { type: 'SET_LEVER'; lever: string; level: number }
  | { type: 'COMMIT' }
  | { type: 'NEXT' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'INJECT'; event: string }
  | { type: 'EXTEND'; turns: number }
  | { type: 'END_GAME' };

export interface Stamp {
  /** The state's turn when the event was sent (0 before the first turn). */
  turn: number;
  /** A role id, or FACILITATOR_SEAT. */
  seat: string;
}

export type GameEvent = Action & Stamp;
export type GameEventType = Action['type'];

export const EVENT_TYPES: readonly GameEventType[] = [
  'BEGIN',
  'START',
  'SET_LEVER',
  'COMMIT',
  'NEXT',
  'PAUSE',
  'RESUME',
  'INJECT',
  'EXTEND',
  'END_GAME',
];

/** Facilitator-only actions: only the facilitator's seat may send them. */
export const FACILITATOR_ACTIONS: ReadonlySet<GameEventType> = new Set(['PAUSE', 'RESUME', 'INJECT', 'EXTEND', 'END_GAME']);

/** An action sent from `seat` during `turn`. */
export function stamp(turn: number, seat: string, action: Action): GameEvent {
  return { ...action, turn, seat };
}

const TYPES: ReadonlySet<string> = new Set(EVENT_TYPES);

export function isGameEventType(t: unknown): t is GameEventType {
  return typeof t === 'string' && TYPES.has(t);
}
