// Events the game accepts from players, facilitators and replays. Plain data: a replay
// file stores them in order.
export type GameEvent =
  | { type: 'BEGIN' }
  | { type: 'START' }
  | { type: 'SET_LEVER'; role: string; lever: string; level: number }
  | { type: 'COMMIT'; role: string }
  | { type: 'NEXT' }
  | { type: 'PAUSE' }
  | { type: 'RESUME' }
  | { type: 'INJECT'; event: string }
  | { type: 'EXTEND'; turns: number }
  | { type: 'END_GAME' };

export type GameEventType = GameEvent['type'];

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
