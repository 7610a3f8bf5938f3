import { describe, expect, it } from 'vitest';
import {
  affordableLevel,
  fitBudgets,
  levelsByTurn,
  policyFromTurns,
  policySegments,
  withinBudgets,
} from '../../../src/engine/balance/levels.ts';
import { mini, policy } from './fixtures.ts';

const lever = (id: string) => mini.levers.find((l) => l.id === id)!;

describe('budget arithmetic', () => {
  it('affordableLevel is the highest level the remaining budget pays for, capped at the lever maximum', () => {
    expect(affordableLevel(lever('mixer_sanctions'), 10)).toBe(3); // 3 points a level, max 3
    expect(affordableLevel(lever('mixer_sanctions'), 8)).toBe(2);
    expect(affordableLevel(lever('mixer_sanctions'), 2)).toBe(0);
    expect(affordableLevel(lever('otc_designation'), 100)).toBe(2); // max 2
  });

  it('fitBudgets lowers the last-listed lever of an over-budget role first, and `keep` last', () => {
    // sanctions budget 10: mixers 3×3 + OTC 2×2 = 13
    const over = { mixer_sanctions: 3, otc_designation: 2, bridge_validators: 3 };
    expect(withinBudgets(mini, over)).toBe(false);
    const a = fitBudgets(mini, over);
    expect(a.levels).toEqual({ mixer_sanctions: 3, otc_designation: 0, bridge_validators: 3 });
    expect(a.lowered).toEqual(['otc_designation']);
    const b = fitBudgets(mini, over, ['otc_designation']);
    expect(b.levels).toEqual({ mixer_sanctions: 2, otc_designation: 2, bridge_validators: 3 });
    expect(withinBudgets(mini, b.levels)).toBe(true);
  });
});

describe('policies from per-turn levels', () => {
  it('round-trips: the policy puts exactly the given levels in force on every turn', () => {
    const perTurn = [1, 2, 3, 4, 5, 6].map((t) => ({
      mixer_sanctions: t % 3,
      otc_designation: t > 3 ? 2 : 0,
      bridge_validators: t === 2 ? 3 : 1,
    }));
    const p = policyFromTurns(mini, perTurn, 'round trip');
    expect(levelsByTurn(mini, p)).toEqual(perTurn);
    expect(p.description).toBe('round trip');
  });

  it('writes only changes', () => {
    const steady = Array.from({ length: 6 }, () => ({ mixer_sanctions: 1, otc_designation: 0, bridge_validators: 0 }));
    expect(policyFromTurns(mini, steady, 'x').turns).toEqual({ '1': { mixer_sanctions: 1 } });
  });

  it('policySegments groups turns with identical levels', () => {
    const p = policy({ '1': { mixer_sanctions: 1 }, '3': { bridge_validators: 2 }, '4': { bridge_validators: 2 } });
    expect(policySegments(mini, p).map((s) => [s.from, s.to])).toEqual([
      [1, 2],
      [3, 6],
    ]);
  });
});
