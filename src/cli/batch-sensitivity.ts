// The batch report's one-lever-at-a-time table: every lever at its maximum on top of the
// base policy, on the first seeds of the batch, against the base on the same seeds.
import { byImportance, type SensitivityRow, sensitivityPlans, sensitivityRow } from '../engine/balance/sensitivity.ts';
import type { RunOutcome } from '../engine/batch.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import type { WorkerPool } from './pool.ts';

export interface SensitivityReport {
  base: string;
  baseDescription: string;
  runs: number;
  seeds: { from: string; to: string };
  /** Base policy's all-objectives rate on these seeds. */
  baseAllMetRate: number;
  /** Most important lever first. */
  rows: SensitivityRow[];
}

/** Games a sensitivity run will play (for the progress bar). */
export function sensitivityGames(scenario: Scenario, base: PolicyDef, runs: number, baseIsPlayed: boolean): number {
  return (sensitivityPlans(scenario, base).length + (baseIsPlayed ? 0 : 1)) * runs;
}

export async function runSensitivity(
  scenario: Scenario,
  pool: WorkerPool,
  base: { name: string; policy: PolicyDef; outcomes?: readonly RunOutcome[] },
  seeds: readonly string[],
  onRuns: (n: number) => void,
): Promise<SensitivityReport> {
  const plans = sensitivityPlans(scenario, base.policy);
  const toPlay = [...(base.outcomes ? [] : [base.policy]), ...plans.map((p) => p.policy)];
  // Few policies on few seeds: small chunks keep every worker busy.
  const chunk = Math.max(10, Math.ceil(seeds.length / Math.max(1, pool.size)));
  const played = await pool.run(toPlay, seeds, onRuns, chunk);
  const baseRuns = base.outcomes ? base.outcomes.slice(0, seeds.length) : played.shift()!;
  const rows = plans.map((plan, i) => sensitivityRow(scenario, plan, baseRuns, played[i]!)).sort(byImportance(scenario));
  return {
    base: base.name,
    baseDescription: base.policy.description,
    runs: seeds.length,
    seeds: { from: seeds[0] ?? '', to: seeds[seeds.length - 1] ?? '' },
    baseAllMetRate: baseRuns.length ? baseRuns.filter((o) => o.met.every(Boolean)).length / baseRuns.length : 0,
    rows,
  };
}
