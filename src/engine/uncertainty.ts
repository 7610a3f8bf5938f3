// Luck and parameter uncertainty, measured apart. A run's outcome depends on its luck (the
// seeded draws of every turn) and on its parameters (the figures drawn once from their
// documented ranges). Three spreads separate them:
//   all         seeds 1..N, parameters drawn from the same seed: what a batch shows;
//   luck        the same seeds with every figure at its point value: luck alone;
//   parameters  K parameter draws, each played over the same L luck seeds: the spread of
//               the K medians is what not knowing the figures does to the expected outcome.
import type { MetricName, PolicyDef, Scenario } from '../scenario/schema.ts';
import { type PlayedRun, playPolicy } from './autoplay.ts';
import { measure } from './measure.ts';
import { Run } from './run.ts';
import { initialState } from './state.ts';
import { type Spread, spread } from './stats.ts';

/** A policy played on the bare step, luck from `seed`, parameters from `paramSeed`. */
export function playRun(scenario: Scenario, policy: PolicyDef, seed: string, paramSeed: string = seed): PlayedRun {
  const start = { state: initialState(scenario, seed, paramSeed), log: [], reports: [], turnStates: [], hashes: [] };
  const run = playPolicy(new Run(scenario, seed, start), policy);
  return { state: run.game, reports: run.reports };
}

/** The scenario with every ranged figure at its point value. */
export function pointValues(scenario: Scenario): Scenario {
  return scenario.uncertainty.parameters === 'point' ? scenario : { ...scenario, uncertainty: { parameters: 'point' } };
}

export interface Measure {
  metric: MetricName;
  year?: number;
}

export interface SplitSpread {
  all: Spread;
  luck: Spread;
  /** Spread over parameter draws of the median over luck seeds. */
  parameters: Spread;
}

export interface SplitOptions {
  runs: number;
  paramDraws: number;
  luckSeeds: number;
}

export const DEFAULT_SPLIT: SplitOptions = { runs: 200, paramDraws: 40, luckSeeds: 20 };

/** Spreads of several measures over seeds 1..runs (luck and parameters together). */
export function spreads(scenario: Scenario, policy: PolicyDef, measures: readonly Measure[], runs: number): Spread[] {
  const played = Array.from({ length: runs }, (_, i) => playRun(scenario, policy, String(i + 1)));
  return measures.map((m) => spread(played.map((r) => measure(r.state, r.reports, m.metric, m.year))));
}

/** Spreads of several measures of one policy, with luck and parameter uncertainty apart. */
export function splitSpreads(
  scenario: Scenario,
  policy: PolicyDef,
  measures: readonly Measure[],
  opts: SplitOptions = DEFAULT_SPLIT,
): SplitSpread[] {
  const values = (runs: PlayedRun[], i: number) => runs.map((r) => measure(r.state, r.reports, measures[i]!.metric, measures[i]!.year));
  const seeds = Array.from({ length: opts.runs }, (_, i) => String(i + 1));
  const all = seeds.map((s) => playRun(scenario, policy, s));
  const point = pointValues(scenario);
  const luck = seeds.map((s) => playRun(point, policy, s));
  const luckSeeds = Array.from({ length: opts.luckSeeds }, (_, i) => String(i + 1));
  const medians: number[][] = measures.map(() => []);
  for (let k = 0; k < opts.paramDraws; k++) {
    const paramSeed = `parameters-${k + 1}`;
    const runs = luckSeeds.map((s) => playRun(scenario, policy, s, paramSeed));
    measures.forEach((_, i) => {
      medians[i]!.push(spread(values(runs, i)).p50);
    });
  }
  return measures.map((_, i) => ({ all: spread(values(all, i)), luck: spread(values(luck, i)), parameters: spread(medians[i]!) }));
}
