// The one place the balance search and the batch report play a policy. Today it folds the
// bare model (runOutcome → simulatePolicy); when the engine becomes one pure step(), only
// this function changes.
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import { type RunOutcome, runOutcome } from '../batch.ts';

/** Plays `policy` once per seed (the same seeds for every policy: common random numbers). */
export function evaluatePolicy(scenario: Scenario, policy: PolicyDef, seeds: readonly string[]): RunOutcome[] {
  return seeds.map((seed) => runOutcome(scenario, policy, seed));
}
