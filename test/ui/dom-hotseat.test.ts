import { describe, expect, it } from 'vitest';
import { clampPlayers, needsHandover, playerOfRole, rolesByPlayer } from '../../src/ui/app/hotseat.ts';

describe('hot-seat seating', () => {
  it('deals roles to players in contiguous blocks', () => {
    expect([0, 1, 2].map((i) => playerOfRole(i, 3, 2))).toEqual([0, 0, 1]);
    expect([0, 1, 2].map((i) => playerOfRole(i, 3, 3))).toEqual([0, 1, 2]);
    expect([0, 1, 2].map((i) => playerOfRole(i, 3, 1))).toEqual([0, 0, 0]);
    expect(rolesByPlayer(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
  });

  it('hands over only between different players, and at the start of each turn', () => {
    expect([0, 1, 2].map((i) => needsHandover(i, 3, 1))).toEqual([false, false, false]);
    expect([0, 1, 2].map((i) => needsHandover(i, 3, 2))).toEqual([true, false, true]);
    expect([0, 1].map((i) => needsHandover(i, 2, 2))).toEqual([true, true]);
  });

  it('keeps the player count between 1 and the number of roles', () => {
    expect(clampPlayers(0, 3)).toBe(1);
    expect(clampPlayers(5, 3)).toBe(3);
    expect(clampPlayers(Number.NaN, 3)).toBe(1);
  });
});
