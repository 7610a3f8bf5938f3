// Many seeded runs of a policy, reduced to the numbers balance analysis needs. Runs are
// keyed by seed index, so results do not depend on how many workers computed them.
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { simulatePolicy } from './autoplay.ts';
import { metricValue } from './state.ts';
import { type Spread, spread } from './stats.ts';
import { evaluateObjectives } from './summary.ts';

export const BATCH_METRICS = [
  'stolenUsd',
  'frozenUsd',
  'cashedOutUsd',
  'missileSpendUsd',
  'launches',
  'collateral',
  'escalation',
  'cryptoShare',
  'heists',
] as const;
export type BatchMetric = (typeof BATCH_METRICS)[number];

export interface RunOutcome {
  seed: string;
  metrics: Record<BatchMetric, number>;
  /** Whether each scenario objective was met, in scenario order. */
  met: boolean[];
  /** The value each objective was judged on, in scenario order. */
  values: number[];
}

export interface PolicyStats {
  policy: string;
  description: string;
  runs: number;
  /** Share of runs meeting every objective at once. */
  allMetRate: number;
  metrics: Record<BatchMetric, Spread>;
  objectives: { id: string; text: string; metRate: number }[];
}

/** Seeds for a batch: "base", "base+1", … as decimal strings. */
export function batchSeeds(runs: number, base = 1): string[] {
  return Array.from({ length: runs }, (_, i) => String(base + i));
}

export function runOutcome(scenario: Scenario, policy: PolicyDef, seed: string): RunOutcome {
  const { state } = simulatePolicy(scenario, seed, policy);
  const metrics = {} as Record<BatchMetric, number>;
  for (const m of BATCH_METRICS) metrics[m] = metricValue(state, m);
  const objectives = evaluateObjectives(scenario, state);
  return {
    seed,
    metrics,
    met: objectives.map((o) => o.met),
    values: objectives.map((o) => o.value),
  };
}

export function aggregate(scenario: Scenario, policy: string, outcomes: RunOutcome[], description = ''): PolicyStats {
  const metrics = {} as Record<BatchMetric, Spread>;
  for (const m of BATCH_METRICS) metrics[m] = spread(outcomes.map((o) => o.metrics[m]));
  return {
    policy,
    description,
    runs: outcomes.length,
    allMetRate: outcomes.length ? outcomes.filter((o) => o.met.every(Boolean)).length / outcomes.length : 0,
    metrics,
    objectives: scenario.objectives.map((o, i) => ({
      id: o.id,
      text: o.text,
      metRate: outcomes.length ? outcomes.filter((x) => x.met[i]).length / outcomes.length : 0,
    })),
  };
}
