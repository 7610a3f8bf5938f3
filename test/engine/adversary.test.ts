import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocateTeams,
  heistSize,
  learn,
  MAX_SUCCESS,
  type OpsInput,
  runCampaigns,
  runOperations,
  successChance,
  vulnerabilityOf,
} from '../../src/engine/adversary.ts';
import { TurnStreams } from '../../src/engine/rng.ts';
import { type AdversaryState, initialState } from '../../src/engine/state.ts';
import { mini } from '../fixtures/mini.ts';

const fresh = (): AdversaryState => initialState(mini, '42').adversary;
const params = initialState(mini, '42').params;
const open = (block = [0, 0, 0, 0]): OpsInput => ({ capability: 1, block, vulnerabilities: [], params });

describe('allocateTeams', () => {
  it('splits teams by share, in cell order, within one team of the exact quota', () => {
    expect(allocateTeams(4, [0.6, 0.4])).toEqual([2, 2]);
    expect(allocateTeams(5, [0.6, 0.4])).toEqual([3, 2]);
    expect(allocateTeams(10, [0.05, 0.05, 0.9])).toEqual([1, 0, 9]);
  });

  it('always assigns exactly the number of teams, none negative, each within one of its quota (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (teams, shares) => {
          const out = allocateTeams(teams, shares);
          const sum = shares.reduce((a, x) => a + x, 0);
          expect(out.reduce((a, x) => a + x, 0)).toBe(teams);
          out.forEach((n, i) => {
            expect(n).toBeGreaterThanOrEqual(0);
            if (sum > 0) expect(Math.abs(n - (teams * shares[i]!) / sum)).toBeLessThanOrEqual(1 + 1e-9);
          });
        },
      ),
    );
  });

  it('gives every team to the first cell when no share is positive', () => {
    expect(allocateTeams(3, [0, 0])).toEqual([3, 0]);
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
  it('is exposure × capability × (1 + vulnerability) × (1 - blocked share)', () => {
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
  it('sends teams by interest and reports each (sector, method) choice with its odds', () => {
    const out = runOperations(mini, fresh(), open(), new TurnStreams('42', 1));
    expect(out.teams.reduce((a, x) => a + x, 0)).toBe(mini.adversary.teams);
    expect(Object.values(out.ops).reduce((a, o) => a + o.teams, 0)).toBe(mini.adversary.teams);
    for (const t of out.targeting) {
      expect(t.teams).toBeGreaterThan(0);
      expect(t.successChance).toBe(successChance(mini.sectors.find((x) => x.id === t.sector)!.exposure[t.method]!, 1, 0, 0));
      expect(t.blockChance).toBe(0);
    }
  });

  it('takes two draws per team (hit, size) from one stream', () => {
    const streams = new TurnStreams('42', 1);
    runOperations(mini, fresh(), open(), streams);
    expect(streams.get('ops').draws).toBe(2 * mini.adversary.teams);
  });

  it('heist records carry the blocked share, success chance and roll that decided them', () => {
    let seen = 0;
    for (let seed = 0; seed < 40 && seen === 0; seed++) {
      const out = runOperations(mini, fresh(), open([0.5, 0.5, 0.5, 0.5]), new TurnStreams(String(seed), 1));
      for (const h of out.heists) {
        seen += 1;
        expect(h.origin).toBe('operation');
        expect(h.blockChance).toBe(0.5);
        expect(h.roll).toBeLessThan(h.successChance);
        expect(h.amountUsd).toBeGreaterThan(0);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('blocking removes hits but never changes the size of those that get through (coupling)', () => {
    let dropped = 0;
    for (let seed = 0; seed < 30; seed++) {
      const a = runOperations(mini, fresh(), open(), new TurnStreams(String(seed), 1)).heists.map((h) => h.amountUsd);
      const b = runOperations(mini, fresh(), open([0.6, 0.6, 0.6, 0.6]), new TurnStreams(String(seed), 1)).heists.map((h) => h.amountUsd);
      let i = 0;
      for (const x of b) {
        while (i < a.length && a[i] !== x) i++;
        expect(i, `seed ${seed}: ${b} is not a subsequence of ${a}`).toBeLessThan(a.length);
        i++;
      }
      dropped += a.length - b.length;
    }
    expect(dropped).toBeGreaterThan(0);
  });
});

describe('runCampaigns', () => {
  const campaign = { eventId: 'validator-phish', name: 'Validator keys phished', usd: 150_000_000, turnsLeft: 2 };

  it('goes after the cell with the best expected take and reports the attempt', () => {
    const chance = [0.1, 0.3, 0.05, 0.05];
    const out = runCampaigns(mini, [campaign], chance, [0, 0, 0, 0], new TurnStreams('42', 3));
    expect(out.heists).toHaveLength(1);
    const h = out.heists[0]!;
    expect([h.sector, h.method, h.origin, h.eventId]).toEqual(['exchanges', 'keys', 'campaign', 'validator-phish']);
    expect(h.amountUsd).toBe(150_000_000);
    expect(h.blocked).toBe(!(h.roll < 0.3));
    expect(out.campaigns).toEqual(h.blocked ? [{ ...campaign, turnsLeft: 1 }] : []);
  });

  it('gives up when its months run out', () => {
    const last = { ...campaign, turnsLeft: 1 };
    expect(runCampaigns(mini, [last], [0, 0.000001, 0, 0], [0, 0, 0, 0], new TurnStreams('42', 3)).campaigns).toEqual([]);
  });

  it('opens no stream when there is no campaign', () => {
    const streams = new TurnStreams('42', 3);
    expect(runCampaigns(mini, [], [0.1, 0.1, 0.1, 0.1], [0, 0, 0, 0], streams)).toEqual({ heists: [], campaigns: [] });
  });
});

describe('learn', () => {
  it('moves effort away from a pair that got harder, toward those that still pay', () => {
    const a = fresh();
    const before = a.interest[2]! + a.interest[3]!; // bridges
    const after = learn(mini, a, [1, 1, 1, 1], [0, 0, 0, 0], [0.2, 0.2, 0.01, 0.01]);
    expect(after.interest[2]! + after.interest[3]!).toBeLessThan(before);
    expect(after.estimate[2]).toBeLessThan(a.estimate[2]!);
  });

  it('keeps interest a distribution: non-negative and summing to 1 (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.95, noNaN: true }), { minLength: 4, maxLength: 4 }), (chance) => {
        let a = fresh();
        for (let t = 0; t < 5; t++) a = learn(mini, a, [1, 0, 2, 1], [0, 0, 1, 0], chance);
        for (const x of a.interest) expect(x).toBeGreaterThanOrEqual(0);
        expect(a.interest.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 5);
      }),
    );
  });

  it('with learning rate 0 changes nothing', () => {
    const still = { ...mini, adversary: { ...mini.adversary, learningRate: 0 } };
    const a = initialState(still, '1').adversary;
    expect(learn(still, a, [1, 1, 1, 1], [1, 0, 0, 0], [0.9, 0, 0, 0])).toEqual(a);
  });
});
