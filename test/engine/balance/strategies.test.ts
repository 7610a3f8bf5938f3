import { describe, expect, it } from 'vitest';
import { degenerateFlags } from '../../../src/engine/balance/degenerate.ts';
import { levelsByTurn, withinBudgets } from '../../../src/engine/balance/levels.ts';
import {
  classicStrategies,
  eventStrategies,
  leverAlone,
  roleIdle,
  sectorAlone,
  sectorDefenceLevels,
} from '../../../src/engine/balance/strategies.ts';
import { mini, policy, twoSectors } from './fixtures.ts';

describe('classic degenerate strategies', () => {
  it('a lever alone at the highest level its budget allows, all game', () => {
    const s = leverAlone(mini, 'mixer_sanctions')!;
    expect(s.kind).toBe('lever-alone');
    expect(levelsByTurn(mini, s.policy).every((t) => t.mixer_sanctions === 3 && t.otc_designation === 0 && t.bridge_validators === 0)).toBe(true);
  });

  it("a sector's defence alone spends the defence budget on that sector", () => {
    expect(sectorDefenceLevels(twoSectors, ['exchanges'])).toEqual({ mixer_sanctions: 0, otc_designation: 0, bridge_validators: 0, exchange_keys: 3 });
    const s = sectorAlone(twoSectors, 'bridges')!;
    expect(levelsByTurn(twoSectors, s.policy)[0]).toEqual({ mixer_sanctions: 0, otc_designation: 0, bridge_validators: 3, exchange_keys: 0 });
  });

  it('the event-timed policy raises defence only on the event turn and the turn before; its twin holds it', () => {
    const [timed, held] = eventStrategies(mini);
    expect(timed!.kind).toBe('event-timed');
    expect(levelsByTurn(mini, timed!.policy).map((t) => t.bridge_validators)).toEqual([3, 3, 0, 0, 0, 0]);
    expect(levelsByTurn(mini, held!.policy).map((t) => t.bridge_validators)).toEqual([3, 3, 3, 3, 3, 3]);
    expect(degenerateFlags(mini, timed!.policy).map((f) => f.kind)).toContain('event-timed');
  });

  it('role idle zeroes one role of the base and keeps the rest', () => {
    const base = policy({ '1': { mixer_sanctions: 2, bridge_validators: 1 }, '4': { otc_designation: 2 } });
    const s = roleIdle(mini, base, 'sanctions')!;
    expect(levelsByTurn(mini, s.policy).map((t) => [t.mixer_sanctions, t.otc_designation, t.bridge_validators])).toEqual(
      Array.from({ length: 6 }, () => [0, 0, 1]),
    );
  });

  it('every classic strategy is legal on every turn and has a unique id', () => {
    for (const sc of [mini, twoSectors]) {
      const all = classicStrategies(sc);
      expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
      expect(all.filter((s) => s.kind === 'lever-alone').length).toBe(sc.levers.length);
      for (const s of all) for (const levels of levelsByTurn(sc, s.policy)) expect(withinBudgets(sc, levels)).toBe(true);
    }
  });
});
