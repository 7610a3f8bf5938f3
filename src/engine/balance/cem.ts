// The cross-entropy method over lever schedules. For every (phase, lever) the search keeps
// a categorical distribution over the lever's levels; each generation samples candidates
// from it and moves it towards the best ones (the elites). Sampling respects budgets by
// construction: levers are drawn in a random order, each only among the levels its role
// can still afford, so every candidate is a legal policy.
import type { Scenario } from '../../scenario/schema.ts';
import type { Stream } from '../rng.ts';
import { affordableLevel, budgetOf } from './levels.ts';
import type { Schedule } from './schedule.ts';

export interface CemState {
  starts: number[];
  /** probs[phase][lever][level] */
  probs: number[][][];
}

/** Probability kept on every level so the search never rules an option out for good. */
export const PROBABILITY_FLOOR = 0.02;

export function initialCem(scenario: Scenario, starts: number[]): CemState {
  return {
    starts: [...starts],
    probs: starts.map(() => scenario.levers.map((l) => new Array<number>(l.maxLevel + 1).fill(1 / (l.maxLevel + 1)))),
  };
}

function pick(weights: number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return 0;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function shuffled(n: number, stream: Stream): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(stream.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

export function sampleSchedule(scenario: Scenario, cem: CemState, stream: Stream): Schedule {
  const levels = cem.probs.map((phase) => {
    const row = new Array<number>(scenario.levers.length).fill(0);
    const remaining = new Map(scenario.roles.map((r) => [r.id, budgetOf(scenario, r.id)]));
    for (const i of shuffled(scenario.levers.length, stream)) {
      const lever = scenario.levers[i]!;
      const left = remaining.get(lever.role) ?? 0;
      const top = affordableLevel(lever, left);
      const level = pick(phase[i]!.slice(0, top + 1), stream.next());
      row[i] = level;
      remaining.set(lever.role, left - level * lever.costPerLevel);
    }
    return row;
  });
  return { starts: [...cem.starts], levels };
}

/**
 * Moves the distributions towards the elites' level frequencies: new = (1 − rate) × old +
 * rate × frequency, then every level gets at least PROBABILITY_FLOOR (renormalised).
 */
export function updateCem(cem: CemState, elites: Schedule[], rate: number): CemState {
  if (elites.length === 0) return cem;
  const probs = cem.probs.map((phase, p) =>
    phase.map((old, i) => {
      const freq = new Array<number>(old.length).fill(0);
      for (const e of elites) freq[Math.min(old.length - 1, e.levels[p]![i]!)]! += 1 / elites.length;
      const mixed = old.map((o, k) => Math.max(PROBABILITY_FLOOR, (1 - rate) * o + rate * freq[k]!));
      const sum = mixed.reduce((a, b) => a + b, 0);
      return mixed.map((m) => m / sum);
    }),
  );
  return { starts: cem.starts, probs };
}
