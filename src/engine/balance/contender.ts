// A policy in the balance report's final round: played on the check seeds (not the ones
// the search tuned on, so a lucky fit does not pass for a good policy), with its flags,
// its objective rates and median outcomes.
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import { BATCH_METRICS, type BatchMetric, type RunOutcome } from '../batch.ts';
import { spread } from '../stats.ts';
import { degenerateFlags, describeFlag, type Flag } from './degenerate.ts';
import { byAllMetThenScore, type Evaluation, evaluateOutcomes, metAll } from './score.ts';
import { SIGNIFICANCE, signTestP } from './sign-test.ts';
import type { StrategyKind } from './strategies.ts';

/** search: found by the search; scenario: one of the scenario's policies; file: a policy file. */
export type ContenderKind = 'search' | 'scenario' | 'file' | StrategyKind;

export interface Contender {
  id: string;
  label: string;
  kind: ContenderKind;
  policy: PolicyDef;
  flags: Flag[];
  /** Plain-words reasons the policy is degenerate (empty when balanced). */
  flagText: string[];
  evaluation: Evaluation;
  /** Median of each outcome over the check seeds. */
  medians: Record<BatchMetric, number>;
  /** For search candidates: the all-objectives rate on the search seeds. */
  searchAllMetRate?: number;
}

export function contender(
  scenario: Scenario,
  base: { id: string; label: string; kind: ContenderKind; policy: PolicyDef; searchAllMetRate?: number },
  outcomes: readonly RunOutcome[],
): Contender & { outcomes: readonly RunOutcome[] } {
  const flags = degenerateFlags(scenario, base.policy);
  const medians = Object.fromEntries(BATCH_METRICS.map((m) => [m, spread(outcomes.map((o) => o.metrics[m])).p50])) as Record<
    BatchMetric,
    number
  >;
  return {
    ...base,
    flags,
    flagText: flags.map((f) => describeFlag(scenario, f)),
    evaluation: evaluateOutcomes(scenario, outcomes),
    medians,
    outcomes,
  };
}

export function byStrength(a: Contender, b: Contender): number {
  return byAllMetThenScore(a.evaluation, b.evaluation) || a.id.localeCompare(b.id);
}

/**
 * beats / loses: meets every objective on more (fewer) seeds than the balanced policy, by
 * more than luck explains (exact sign test, one-sided p < SIGNIFICANCE); ties otherwise.
 */
export type Verdict = 'beats' | 'ties' | 'loses';

export interface Matchup {
  contender: Contender;
  verdict: Verdict;
  /** All-objectives rate minus the balanced policy's (−1..1). */
  difference: number;
  /** Seeds on which this strategy met every objective and the balanced policy did not. */
  seedsWon: number;
  /** Seeds on which the balanced policy met every objective and this strategy did not. */
  seedsLost: number;
  /** One-sided sign-test p-value of the difference (small = not luck). */
  pValue: number;
}

/** A strategy against the balanced policy on the same seeds, by the all-objectives rate. */
export function matchUp(
  balanced: { evaluation: Evaluation; outcomes: readonly RunOutcome[] },
  other: Contender & { outcomes: readonly RunOutcome[] },
): Matchup {
  const difference = other.evaluation.allMetRate - balanced.evaluation.allMetRate;
  let seedsWon = 0;
  let seedsLost = 0;
  other.outcomes.forEach((o, i) => {
    const b = balanced.outcomes[i];
    if (!b) return;
    if (metAll(o) && !metAll(b)) seedsWon++;
    if (!metAll(o) && metAll(b)) seedsLost++;
  });
  const pValue = signTestP(Math.max(seedsWon, seedsLost), Math.min(seedsWon, seedsLost));
  const verdict: Verdict = pValue >= SIGNIFICANCE || seedsWon === seedsLost ? 'ties' : seedsWon > seedsLost ? 'beats' : 'loses';
  const { outcomes: _omit, ...plain } = other;
  return { contender: plain, verdict, difference, seedsWon, seedsLost, pValue };
}
