// Scenarios for the balance tests: the mini scenario, and a variant with a second defence
// lever on another sector (so "one sector" means something).
import type { RunOutcome } from '../../../src/engine/batch.ts';
import type { PolicyDef, Scenario } from '../../../src/scenario/schema.ts';
import { mini } from '../../fixtures/mini.ts';
import { withLevers } from '../helpers.ts';

export { mini };

export const twoSectors: Scenario = withLevers([
  {
    id: 'exchange_keys',
    name: 'Exchange key security',
    description: 'Hardware keys.',
    kind: 'posture',
    role: 'defence',
    maxLevel: 3,
    costPerLevel: 2,
    effects: [{ type: 'defense', sector: 'exchanges', perLevel: 0.5 }],
  },
]);

export const policy = (turns: PolicyDef['turns'], description = 'test'): PolicyDef => ({ description, turns });

/** A run outcome with the given objective results (metrics all zero unless given). */
export function outcome(met: boolean[], metrics: Partial<RunOutcome['metrics']> = {}, seed = '1'): RunOutcome {
  return {
    seed,
    met,
    values: met.map(() => 0),
    metrics: { stolenUsd: 0, frozenUsd: 0, cashedOutUsd: 0, missileSpendUsd: 0, launches: 0, collateral: 0, escalation: 0, cryptoShare: 0, heists: 0, ...metrics },
  };
}
