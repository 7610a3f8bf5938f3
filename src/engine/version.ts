/**
 * Version of the game rules. Bump it whenever a change alters any outcome for the same
 * scenario, seed and decisions: replays record it and are refused by another version.
 */
/**
 * 3.x: the model of issue 11 (defence stocks, methods, income streams, production and
 * doctrine, cost-aware launderers, parameters drawn from their ranges). 3.1.0: the state
 * also records each event's outcome (conditional events can follow it).
 */
export const ENGINE_VERSION = '3.1.0';
export const REPLAY_FORMAT = 'cashout-replay';
/** 2: every event carries its turn and seat (engine 2.0.0 on). 1: engine 1.x. */
export const REPLAY_FORMAT_VERSION = 2;
