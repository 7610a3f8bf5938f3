import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateTeams,
  heistSize,
  learn,
  MAX_SUCCESS,
  runOperations,
  successChance,
  vulnerabilityOf,
} from '../../src/engine/adversary.ts';
import { computeModifiers } from '../../src/engine/effects.ts';
import type { SectorOps } from '../../src/engine/report.ts';
import { TurnStreams } from '../../src/engine/rng.ts';
import { type AdversaryState, initialState } from '../../src/engine/state.ts';
import { mini } from '../fixtures/mini.ts';

const fresh = (): AdversaryState => initialState(mini, '42').adversary;

describe('allocateTeams', () => {
  it('splits teams by interest in sector order', () => {
    expect(allocateTeams(4, ['exchanges', 'bridges'], { exchanges: 0.6, bridges: 0.4 })).toEqual([2, 2]);
    expect(allocateTeams(5, ['exchanges', 'bridges'], { exchanges: 0.6, bridges: 0.4 })).toEqual([3, 2]);
  });

  it('always assigns exactly the number of teams (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 12 }),
        (teams, shares) => {
          const ids = shares.map((_, i) => `s${i}`);
          const interest = Object.fromEntries(ids.map((id, i) => [id, shares[i]!]));
          const out = allocateTeams(teams, ids, interest);
          expect(out.reduce((a, x) => a + x, 0)).toBe(teams);
          for (const n of out) expect(n).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });

  it('treats a sector missing from the interest map as zero interest', () => {
    expect(allocateTeams(3, ['a', 'b'], { a: 1 })).toEqual([3, 0]);
  });
});

describe('heistSize', () => {
  const median = 20_000_000;
  const max = 600_000_000;

  it('is the median at u = 0.5', () => {
    expect(heistSize(median, 1.3, max, 0.5)).toBe(median);
    expect(heistSize(50_000_000, 1.2, 900_000_000, 0.5)).toBe(50_000_000);
  });

  it('pins the Pareto quantiles used by mini (bit-identical contract)', () => {
    expect(heistSize(median, 1.3, max, 0)).toBe(11_734_605); // scale xm = median / 2^(1/a)
    expect(heistSize(median, 1.3, max, 0.9)).toBe(68_976_194);
  });

  it('is capped at the sector maximum', () => {
    expect(heistSize(median, 1.3, max, 0.999)).toBe(max);
    expect(heistSize(median, 1.05, max, 1 - 2 ** -53)).toBe(max);
  });

  it('is a whole number, non-decreasing in u (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 1.05, max: 5, noNaN: true }),
        (u1, u2, a) => {
          const [lo, hi] = u1 <= u2 ? [u1, u2] : [u2, u1];
          const small = heistSize(median, a, max, lo);
          const big = heistSize(median, a, max, hi);
          expect(Number.isInteger(small)).toBe(true);
          expect(small).toBeGreaterThan(0);
          expect(small).toBeLessThanOrEqual(big);
          expect(big).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is heavy-tailed: the 99th percentile is far above 10× the median at tail index 1.3', () => {
    expect(heistSize(median, 1.3, 1e12, 0.99)).toBeGreaterThan(10 * median);
  });
});

describe('successChance', () => {
  it('is base × capability × (1 + vulnerability) × (1 - defence)', () => {
    expect(successChance(0.4, 1, 0, 0)).toBe(0.4);
    expect(successChance(0.3, 1, 0, 0.6)).toBe(0.12);
    expect(successChance(0.4, 1.5, 0.5, 0)).toBe(0.9);
  });

  it('is capped at 0.95', () => {
    expect(MAX_SUCCESS).toBe(0.95);
    expect(successChance(0.9, 2, 1, 0)).toBe(0.95);
  });
});

describe('vulnerabilityOf', () => {
  const vulns = [
    { sector: 'bridges', add: 0.5, untilTurn: 3, cause: 'a' },
    { sector: 'bridges', add: 0.25, untilTurn: 5, cause: 'b' },
    { sector: 'exchanges', add: 1, untilTurn: 9, cause: 'c' },
  ];

  it('adds the vulnerabilities of the sector still in force', () => {
    expect(vulnerabilityOf(vulns, 'bridges', 3)).toBe(0.75);
    expect(vulnerabilityOf(vulns, 'bridges', 4)).toBe(0.25);
    expect(vulnerabilityOf(vulns, 'bridges', 6)).toBe(0);
  });
});

describe('runOperations', () => {
  const mods = computeModifiers(mini, {});

  it('sends every team, records successes ≤ teams and one heist per success', () => {
    const { ops, heists } = runOperations(mini, fresh(), [], mods, new TurnStreams('42', 1));
    expect(ops.exchanges!.teams + ops.bridges!.teams).toBe(mini.adversary.teams);
    for (const o of Object.values(ops)) expect(o.successes).toBeLessThanOrEqual(o.teams);
    expect(heists).toHaveLength(ops.exchanges!.successes + ops.bridges!.successes);
    for (const h of heists) {
      expect(h.origin).toBe('operation');
      expect(h.blocked).toBe(false);
    }
  });

  it('takes one attempt draw and one size draw per team, hit or miss (common random numbers)', () => {
    const streams = new TurnStreams('42', 1);
    const { ops } = runOperations(mini, fresh(), [], mods, streams);
    for (const id of ['exchanges', 'bridges']) {
      expect(streams.get(`attempt:${id}`).draws).toBe(ops[id]!.teams);
      expect(streams.get(`size:${id}`).draws).toBe(ops[id]!.teams);
    }
  });

  it('reports the success chance it used, after defence', () => {
    const hard = computeModifiers(mini, { bridge_validators: 3 });
    const { ops } = runOperations(mini, fresh(), [], hard, new TurnStreams('42', 1));
    expect(ops.bridges!.successChance).toBe(0.12); // 0.3 × 1 × (1 - 0.6)
    expect(ops.exchanges!.successChance).toBe(0.4);
  });

  it('succeeds nowhere when the success chance is 0', () => {
    const scenario = { ...mini, sectors: mini.sectors.map((s) => ({ ...s, baseSuccess: 0 })) };
    expect(runOperations(scenario, fresh(), [], mods, new TurnStreams('42', 1)).heists).toEqual([]);
  });
});

describe('learn', () => {
  // Built on a real SectorOps record so the fixture follows the engine's type.
  const template = runOperations(mini, fresh(), [], computeModifiers(mini, {}), new TurnStreams('42', 1)).ops.exchanges!;
  const op = (teams: number, successes: number): SectorOps => ({ ...template, teams, successes });
  const even: Record<string, SectorOps> = {
    exchanges: op(2, 1),
    bridges: op(2, 1),
  };

  it('keeps interest summing to 1', () => {
    const next = learn(mini, fresh(), even, computeModifiers(mini, { bridge_validators: 3 }));
    expect(next.interest.exchanges! + next.interest.bridges!).toBeCloseTo(1, 5);
  });

  it('moves memory towards the observed success rate by the learning rate', () => {
    const next = learn(mini, fresh(), even, computeModifiers(mini, {}));
    expect(next.memory).toEqual({ exchanges: 0.43, bridges: 0.36 }); // 0.7 × base + 0.3 × 0.5
  });

  it('turns away from a hardened sector, turn after turn, at equal observed success', () => {
    const hard = computeModifiers(mini, { bridge_validators: 3 });
    let adv = fresh();
    const seen = [adv.interest.bridges!];
    for (let t = 0; t < 6; t++) {
      adv = learn(mini, adv, even, hard);
      seen.push(adv.interest.bridges!);
    }
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeLessThan(seen[i - 1]!);
    expect(seen[6]!).toBeLessThan(0.25);
  });

  it('turns away from a hardened sector when operations are really run (seed "42", 8 turns)', () => {
    const run = (levels: Record<string, number>) => {
      const mods = computeModifiers(mini, levels);
      let adv = fresh();
      for (let turn = 1; turn <= 8; turn++) {
        const { ops } = runOperations(mini, adv, [], mods, new TurnStreams('42', turn));
        adv = learn(mini, adv, ops, mods);
      }
      return adv.interest.bridges!;
    };
    const open = run({});
    const hardened = run({ bridge_validators: 3 });
    expect(hardened).toBeLessThan(fresh().interest.bridges!);
    expect(hardened).toBeLessThan(open);
  });

  it('moves towards a sector that pays off', () => {
    const paying: Record<string, SectorOps> = {
      exchanges: op(2, 0),
      bridges: op(2, 2),
    };
    const next = learn(mini, fresh(), paying, computeModifiers(mini, {}));
    expect(next.interest.bridges!).toBeGreaterThan(fresh().interest.bridges!);
  });

  it('remembers the old rate for a sector it sent no team to', () => {
    const idle: Record<string, SectorOps> = {
      exchanges: op(4, 2),
      bridges: op(0, 0),
    };
    expect(learn(mini, fresh(), idle, computeModifiers(mini, {})).memory.bridges).toBe(0.3);
  });

  it('leaves capability alone', () => {
    const adv = { ...fresh(), capability: 1.7 };
    expect(learn(mini, adv, even, computeModifiers(mini, {})).capability).toBe(1.7);
  });
});
