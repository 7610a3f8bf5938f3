// The exploit finder's optimiser: the cross-entropy method over lever schedules, every
// candidate played on the same seeds (common random numbers), its own randomness drawn
// from a seeded stream so `balance --seed 7` finds the same policies every time. Playing
// the games is injected (worker threads in the CLI, in-process in tests).
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import type { RunOutcome } from '../batch.ts';
import { openStream } from '../rng.ts';
import { type CemState, initialCem, sampleSchedule, updateCem } from './cem.ts';
import { degenerateFlags, type Flag, isBalanced } from './degenerate.ts';
import { turnCount } from './levels.ts';
import { phaseStarts, type Schedule, scheduleKey, scheduleToPolicy } from './schedule.ts';
import { byAllMetThenScore, type Evaluation, evaluateOutcomes } from './score.ts';

export interface SearchOptions {
  generations: number;
  population: number;
  /** Phases the game is cut into; each lever holds one level per phase. */
  phases: number;
  /** Seeds the optimiser's own choices (not the games'). */
  seed: string;
  /** Share of each generation that counts as elite (default 0.2). */
  eliteFraction?: number;
  /** How far each generation moves the distributions towards the elites (default 0.7). */
  rate?: number;
}

/** Plays each policy on the search seeds; returns the runs per policy, in order. */
export type Evaluator = (policies: PolicyDef[]) => Promise<RunOutcome[][]>;

export interface Candidate {
  key: string;
  schedule: Schedule;
  policy: PolicyDef;
  evaluation: Evaluation;
  flags: Flag[];
  /** Generation that first sampled it (1-based). */
  generation: number;
}

export interface GenerationSummary {
  generation: number;
  /** Candidates played this generation (repeats are not played again). */
  played: number;
  bestScore: number;
  bestAllMetRate: number;
  bestBalancedAllMetRate: number | null;
}

export interface SearchResult {
  /** Every distinct candidate played, best first (all objectives met, then score). */
  candidates: Candidate[];
  history: GenerationSummary[];
}

export async function searchSchedules(
  scenario: Scenario,
  evaluate: Evaluator,
  options: SearchOptions,
  onGeneration: (g: GenerationSummary) => void = () => {},
): Promise<SearchResult> {
  const starts = phaseStarts(turnCount(scenario), options.phases);
  const eliteCount = Math.max(2, Math.ceil(options.population * (options.eliteFraction ?? 0.2)));
  const rate = options.rate ?? 0.7;
  const archive = new Map<string, Candidate>();
  const history: GenerationSummary[] = [];
  let cem: CemState = initialCem(scenario, starts);
  let elites: Candidate[] = [];

  for (let generation = 1; generation <= options.generations; generation++) {
    const stream = openStream(`balance:${options.seed}`, generation, 'balance-sample');
    const sampled = Array.from({ length: options.population }, () => sampleSchedule(scenario, cem, stream));
    const fresh = new Map<string, Schedule>();
    for (const s of sampled) {
      const key = scheduleKey(s);
      if (!archive.has(key)) fresh.set(key, s);
    }
    const policies = [...fresh.values()].map((s) =>
      scheduleToPolicy(scenario, s, `Schedule found by cashout balance --seed ${options.seed} (generation ${generation}).`),
    );
    const outcomes = await evaluate(policies);
    [...fresh.entries()].forEach(([key, schedule], i) => {
      archive.set(key, {
        key,
        schedule,
        policy: policies[i]!,
        evaluation: evaluateOutcomes(scenario, outcomes[i]!),
        flags: degenerateFlags(scenario, policies[i]!),
        generation,
      });
    });
    const current = sampled.map((s) => archive.get(scheduleKey(s))!);
    const pool = new Map([...elites, ...current].map((c) => [c.key, c]));
    elites = [...pool.values()].sort((a, b) => b.evaluation.score - a.evaluation.score || a.key.localeCompare(b.key)).slice(0, eliteCount);
    cem = updateCem(
      cem,
      elites.map((c) => c.schedule),
      rate,
    );
    const ranked = [...archive.values()].sort(rank);
    const balanced = ranked.find((c) => isBalanced(c.flags));
    const summary: GenerationSummary = {
      generation,
      played: fresh.size,
      bestScore: ranked.reduce((m, c) => Math.max(m, c.evaluation.score), Number.NEGATIVE_INFINITY),
      bestAllMetRate: ranked[0]?.evaluation.allMetRate ?? 0,
      bestBalancedAllMetRate: balanced ? balanced.evaluation.allMetRate : null,
    };
    history.push(summary);
    onGeneration(summary);
  }
  return { candidates: [...archive.values()].sort(rank), history };
}

/** Best first: all objectives met, then score; the key makes the order total. */
export function rank(a: Candidate, b: Candidate): number {
  return byAllMetThenScore(a.evaluation, b.evaluation) || a.key.localeCompare(b.key);
}
