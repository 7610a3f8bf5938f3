// What-if runs for the planning screen's live preview and the debrief's fan charts: the
// rest of a game played many times on other seeds under a fixed plan. Pure functions of
// (scenario, state, plan, seeds), so a Web Worker in the browser and a test in Node get
// the same numbers. This file is the one boundary the UI's worker calls: when the engine
// gains its single `step`, only the two loops below change.
import type { Scenario } from '../scenario/schema.ts';
import { BATCH_METRICS, type BatchMetric } from './batch.ts';
import { type GameState, initialState, type Totals } from './state.ts';
import { evaluateObjectives } from './summary.ts';
import { resolveTurn } from './turn.ts';

/** How a what-if run ended: the totals batch statistics use, and each objective met or not. */
export interface PreviewOutcome {
  seed: string;
  metrics: Record<BatchMetric, number>;
  met: boolean[];
}

/**
 * Seeds for what-if runs from a game. Never the game's own seed: a preview on it would
 * reveal the luck of the turn being planned (whether this month's heist will be blocked).
 * The same seeds every turn, so previews in successive turns face the same futures.
 */
export function whatIfSeeds(gameSeed: string, runs: number, purpose: 'preview' | 'fan' = 'preview'): string[] {
  return Array.from({ length: runs }, (_, i) => `${gameSeed}/${purpose}/${i + 1}`);
}

function metricsOf(t: Totals): Record<BatchMetric, number> {
  const out = {} as Record<BatchMetric, number>;
  for (const m of BATCH_METRICS) out[m] = t[m];
  return out;
}

/**
 * Play the turns from the one being planned in `state` to the end, on `seed`, with the
 * lever levels `plan` in force every turn. Facilitator injects still queued are left out:
 * they are the facilitator's surprise, not the players' to preview.
 */
export function previewRun(scenario: Scenario, state: GameState, plan: Record<string, number>, seed: string): PreviewOutcome {
  let s: GameState = { ...state, seed, injects: [], committed: [] };
  for (let turn = Math.max(1, state.turn); turn <= state.turnsTotal; turn++) {
    s = resolveTurn(scenario, { ...s, turn, draft: plan }).state;
  }
  return { seed, metrics: metricsOf(s.totals), met: evaluateObjectives(scenario, s).map((o) => o.met) };
}

/** `previewRun` for each seed, in order. */
export function previewRuns(scenario: Scenario, state: GameState, plan: Record<string, number>, seeds: readonly string[]): PreviewOutcome[] {
  return seeds.map((seed) => previewRun(scenario, state, plan, seed));
}

/** Cumulative totals after each turn of a run that follows a lever schedule. */
export interface ScheduleRun {
  seed: string;
  perTurn: Record<BatchMetric, number>[];
}

/**
 * A whole game on `seed` with the lever levels of `schedule[i]` in force in turn i + 1 (the
 * player's own decisions, or a named policy's). For fan charts: many seeds, one schedule.
 */
export function scheduleRun(scenario: Scenario, schedule: readonly Record<string, number>[], seed: string): ScheduleRun {
  let s: GameState = { ...initialState(scenario, seed), turnsTotal: schedule.length };
  const perTurn: Record<BatchMetric, number>[] = [];
  schedule.forEach((levels, i) => {
    s = resolveTurn(scenario, { ...s, turn: i + 1, draft: levels }).state;
    perTurn.push(metricsOf(s.totals));
  });
  return { seed, perTurn };
}
