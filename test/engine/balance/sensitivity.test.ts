import { describe, expect, it } from 'vitest';
import { levelsByTurn } from '../../../src/engine/balance/levels.ts';
import { byImportance, objectiveMetrics, sensitivityPlans, sensitivityRow } from '../../../src/engine/balance/sensitivity.ts';
import { mini, outcome, policy } from './fixtures.ts';

describe('one lever at a time', () => {
  it('raises each lever to its maximum on top of the base, all game', () => {
    const plans = sensitivityPlans(mini, policy({}, 'nothing'));
    expect(plans.map((p) => [p.lever, p.level])).toEqual([
      ['mixer_sanctions', 3],
      ['otc_designation', 2],
      ['bridge_validators', 3],
    ]);
    expect(levelsByTurn(mini, plans[0]!.policy).every((t) => t.mixer_sanctions === 3)).toBe(true);
    expect(plans[0]!.policy.description).toMatch(/^nothing Plus "Sanction mixers" at level 3/);
  });

  it("lowers the role's other levers to fit the budget, and says so", () => {
    // sanctions: budget 10; OTC 2×2 = 4 leaves 6, so mixers at 3 (9) forces OTC down to 0.
    const plans = sensitivityPlans(mini, policy({ '1': { otc_designation: 2 } }));
    const mixers = plans.find((p) => p.lever === 'mixer_sanctions')!;
    expect(mixers.lowered).toEqual(['otc_designation']);
    expect(levelsByTurn(mini, mixers.policy)[0]).toEqual({ mixer_sanctions: 3, otc_designation: 0, bridge_validators: 0 });
  });

  it('leaves out a lever the base already holds at its maximum all game', () => {
    const plans = sensitivityPlans(mini, policy({ '1': { bridge_validators: 3 } }));
    expect(plans.map((p) => p.lever)).not.toContain('bridge_validators');
  });

  it('compares medians and counts the seeds that moved each way', () => {
    const base = [10, 20, 30].map((c, i) => outcome([false], { cashedOutUsd: c }, String(i)));
    const raised = [5, 25, 10].map((c, i) => outcome([i !== 1], { cashedOutUsd: c }, String(i)));
    const plan = sensitivityPlans(mini, policy({}))[0]!;
    const row = sensitivityRow(mini, plan, base, raised);
    expect(row.metrics.cashedOutUsd).toMatchObject({ base: 20, value: 10, change: -10, changeShare: -0.5 });
    expect(row.metrics.cashedOutUsd.lower).toBeCloseTo(2 / 3);
    expect(row.metrics.cashedOutUsd.higher).toBeCloseTo(1 / 3);
    expect(row.allMetChange).toBeCloseTo(2 / 3);
    expect(row.metrics.launches.changeShare).toBeNull(); // base median 0
  });

  it('ranks by the all-objectives change, then by the move against the target', () => {
    expect(objectiveMetrics(mini)).toEqual(['cashedOutUsd']);
    const plans = sensitivityPlans(mini, policy({}));
    const base = [outcome([false], { cashedOutUsd: 400e6 })];
    const small = sensitivityRow(mini, plans[0]!, base, [outcome([false], { cashedOutUsd: 390e6 })]);
    const big = sensitivityRow(mini, plans[1]!, base, [outcome([false], { cashedOutUsd: 200e6 })]);
    const winner = sensitivityRow(mini, plans[2]!, base, [outcome([true], { cashedOutUsd: 290e6 })]);
    expect([small, big, winner].sort(byImportance(mini)).map((r) => r.lever)).toEqual([
      'bridge_validators',
      'otc_designation',
      'mixer_sanctions',
    ]);
  });
});
