// Property tests over random seeds and random legal plans: the contracts of DESIGN.md
// (conservation, no negative quantities, determinism, plain-JSON state) hold every turn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GameSession } from '../../src/engine/session.ts';
import { conservationError } from '../../src/engine/turn.ts';
import { mini } from '../fixtures/mini.ts';
import { legalPlanArb, negativePaths, nonJsonPaths, playPlan, seedArb, spend } from './helpers.ts';

// FC_RUNS=2000 npx vitest run test/engine/invariants.test.ts for a deeper search.
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 50) };
const plan = legalPlanArb(mini);

describe('legal plan generator', () => {
  it('stays within every lever’s maxLevel and every role’s budget', () => {
    fc.assert(
      fc.property(plan, (p) => {
        for (const levels of p) {
          for (const l of mini.levers) expect(levels[l.id]).toBeLessThanOrEqual(l.maxLevel);
          for (const r of mini.roles) expect(spend(mini, levels, r.id)).toBeLessThanOrEqual(r.budgetPerTurn);
        }
      }),
    );
  });
});

describe('invariants after every turn (property)', () => {
  it('money is conserved: conservationError(state) === null', () => {
    fc.assert(
      fc.property(seedArb, plan, (seed, p) => {
        playPlan(mini, seed, p, (s) => {
          expect(conservationError(s.game), `turn ${s.game.turn}`).toBeNull();
        });
      }),
      RUNS,
    );
  });

  it('no number anywhere in the state or the reports is negative', () => {
    fc.assert(
      fc.property(seedArb, plan, (seed, p) => {
        playPlan(mini, seed, p, (s) => {
          expect(negativePaths(s.game, 'game')).toEqual([]);
          expect(negativePaths(s.reports.at(-1), 'report')).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  it('state and reports are plain JSON: no undefined, functions, class instances or NaN; they round-trip', () => {
    fc.assert(
      fc.property(seedArb, plan, (seed, p) => {
        playPlan(mini, seed, p, (s) => {
          expect(nonJsonPaths(s.game, 'game')).toEqual([]);
          expect(nonJsonPaths(s.reports, 'reports')).toEqual([]);
          expect(JSON.parse(JSON.stringify(s.game))).toStrictEqual(s.game);
          expect(JSON.parse(JSON.stringify(s.reports))).toStrictEqual(s.reports);
        });
      }),
      RUNS,
    );
  });

  it('money stays in whole dollars', () => {
    fc.assert(
      fc.property(seedArb, plan, (seed, p) => {
        playPlan(mini, seed, p, (s) => {
          const t = s.game.totals;
          const money = [t.stolenUsd, t.frozenUsd, t.lostUsd, t.cashedOutUsd, t.inPipelineUsd, t.missileFundUsd];
          for (const x of [...money, ...s.game.pipeline.map((x) => x.amountUsd)]) expect(Number.isInteger(x)).toBe(true);
        });
      }),
      RUNS,
    );
  });

  it('the stock never goes negative and launches add up', () => {
    fc.assert(
      fc.property(seedArb, plan, (seed, p) => {
        const s = playPlan(mini, seed, p);
        const launched = Object.values(s.game.launched).reduce((a, x) => a + x, 0);
        expect(launched).toBe(s.game.totals.launches);
        for (const m of mini.missiles)
          expect(s.game.stock[m.id]).toBe(m.initialStock + s.game.bought[m.id]! - s.game.launched[m.id]!);
      }),
      RUNS,
    );
  });
});

describe('determinism (property)', () => {
  const snapshot = (s: GameSession) => ({
    hashes: [...s.turnHashes],
    game: JSON.stringify(s.game),
    reports: JSON.stringify(s.reports),
    log: JSON.stringify(s.log),
  });

  it('the same seed and plan give identical hashes, state and reports', () => {
    fc.assert(
      fc.property(seedArb, plan, (seed, p) => {
        const a = snapshot(playPlan(mini, seed, p));
        const b = snapshot(playPlan(mini, seed, p));
        expect(a.hashes).toHaveLength(mini.calendar.turns);
        expect(b).toEqual(a);
      }),
      RUNS,
    );
  });

  it('a different seed gives a different run', () => {
    const p = [{}];
    expect(playPlan(mini, 'a', p).turnHashes).not.toEqual(playPlan(mini, 'b', p).turnHashes);
  });
});
