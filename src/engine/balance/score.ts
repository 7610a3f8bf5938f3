// How good a policy is over a set of runs, as the balance search ranks it. The headline is
// the rate of runs that meet *every* objective; the share of objectives met and how far
// each run is from its targets break ties and give the search a gradient to climb while
// no candidate meets everything yet.
import type { Scenario } from '../../scenario/schema.ts';
import type { RunOutcome } from '../batch.ts';

export interface Evaluation {
  runs: number;
  /** Share of runs meeting every objective. */
  allMetRate: number;
  /** Share of runs meeting each objective, in scenario order. */
  metRates: number[];
  /** Mean over runs and objectives of the normalised distance to the target (−1..1, positive = met with room). */
  margin: number;
  /** What the search maximises: allMetRate first, then metRates, then margin. */
  score: number;
}

/**
 * Weights of the tie-breakers in the search's score. The all-objectives rate dominates;
 * final rankings (best policy, best balanced policy) compare allMetRate first anyway.
 */
const EACH_WEIGHT = 0.3;
const MARGIN_WEIGHT = 0.05;

export function metAll(o: RunOutcome): boolean {
  return o.met.every(Boolean);
}

export function allMetRate(outcomes: readonly RunOutcome[]): number {
  return outcomes.length ? outcomes.filter(metAll).length / outcomes.length : 0;
}

export function evaluateOutcomes(scenario: Scenario, outcomes: readonly RunOutcome[]): Evaluation {
  const n = outcomes.length;
  const objectives = scenario.objectives;
  const metRates = objectives.map((_, i) => (n ? outcomes.filter((o) => o.met[i]).length / n : 0));
  let marginSum = 0;
  for (const o of outcomes)
    objectives.forEach((obj, i) => {
      const value = o.values[i] ?? 0;
      const slack = obj.op === '<=' ? obj.target - value : value - obj.target;
      marginSum += Math.max(-1, Math.min(1, slack / Math.max(Math.abs(obj.target), 1)));
    });
  const margin = n && objectives.length ? marginSum / (n * objectives.length) : 0;
  const all = allMetRate(outcomes);
  const each = metRates.length ? metRates.reduce((a, b) => a + b, 0) / metRates.length : 0;
  return { runs: n, allMetRate: all, metRates, margin, score: all + EACH_WEIGHT * each + MARGIN_WEIGHT * margin };
}

/** Best first: more runs meeting every objective, then the higher score. */
export function byAllMetThenScore(a: Evaluation, b: Evaluation): number {
  return b.allMetRate - a.allMetRate || b.score - a.score;
}
