/**
 * Version of the game rules. Bump it whenever a change alters any outcome for the same
 * scenario, seed and decisions: replays record it and are refused by another version.
 */
export const ENGINE_VERSION = '2.0.0';
export const REPLAY_FORMAT = 'cashout-replay';
export const REPLAY_FORMAT_VERSION = 1;
