/**
 * Version of the game rules. Bump it whenever a change alters any outcome for the same
 * scenario, seed and decisions: replays record it and are refused by another version.
 */
export const ENGINE_VERSION = '3.0.0';
export const REPLAY_FORMAT = 'cashout-replay';
/** 2: every event carries its turn and seat (engine 2.0.0 on). 1: engine 1.x. */
export const REPLAY_FORMAT_VERSION = 2;
