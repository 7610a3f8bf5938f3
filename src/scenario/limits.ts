// Limits that the rules enforce and the loader's worst-case checks rely on, in one place
// (the engine imports them; the scenario layer imports nothing from the engine).

/** Longest game, extensions included. */
export const MAX_TOTAL_TURNS = 240;
/** Events a facilitator may queue for one resolution. */
export const MAX_INJECTS_PER_TURN = 10;
