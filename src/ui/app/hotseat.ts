// Hot-seat: several players share one screen. Roles are dealt to players in scenario
// order in contiguous blocks (3 roles, 2 players → player 1: roles 1–2, player 2: role 3),
// so a player who holds two roles plans them back to back without a hand-over.

/** Which player (0-based) holds the role at roleIndex. */
export function playerOfRole(roleIndex: number, roleCount: number, players: number): number {
  const p = clampPlayers(players, roleCount);
  return Math.min(p - 1, Math.floor((roleIndex * p) / roleCount));
}

export function clampPlayers(players: number, roleCount: number): number {
  if (!Number.isFinite(players)) return 1;
  return Math.max(1, Math.min(roleCount, Math.round(players)));
}

/**
 * Whether the screen must be handed over before the role at roleIndex plans. With one
 * player never; otherwise whenever the previous holder of the screen was someone else
 * (the previous role, or — at the start of a turn — the last role of the turn before,
 * since everyone watched the report on the last player's screen).
 */
export function needsHandover(roleIndex: number, roleCount: number, players: number): boolean {
  const p = clampPlayers(players, roleCount);
  if (p <= 1) return false;
  const prev = roleIndex === 0 ? roleCount - 1 : roleIndex - 1;
  return playerOfRole(prev, roleCount, p) !== playerOfRole(roleIndex, roleCount, p) || roleIndex === 0;
}

/** Roles held by each player, for the start screen ("Player 1: Sanctions authority"). */
export function rolesByPlayer<R>(roles: readonly R[], players: number): R[][] {
  const p = clampPlayers(players, roles.length);
  const out: R[][] = Array.from({ length: p }, () => []);
  roles.forEach((r, i) => {
    out[playerOfRole(i, roles.length, p)]!.push(r);
  });
  return out;
}
