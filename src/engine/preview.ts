// What-if runs for the planning screen's live preview and the debrief's fan charts: the
// rest of a game played many times on other seeds under a fixed plan, folded over the
// engine's one `step`. Pure functions of (scenario, state, plan, seeds), so a Web Worker in
// the browser and a test in Node get the same numbers. The UI's worker calls only this file.
import type { Scenario } from '../scenario/schema.ts';
import { tableSeat } from './autoplay.ts';
import { BATCH_METRICS, type BatchMetric } from './batch.ts';
import { type Action, stamp } from './events-types.ts';
import { type GameState, initialState, metricValue, type Totals } from './state.ts';
import { step } from './step.ts';
import { evaluateObjectives } from './summary.ts';

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

/** A metric of a game's totals (some, such as crypto's share of missile money, are derived from them). */
export function totalsMetric(t: Totals, metric: BatchMetric): number {
  return metricValue({ totals: t } as GameState, metric);
}

function metricsOf(t: Totals): Record<BatchMetric, number> {
  const out = {} as Record<BatchMetric, number>;
  for (const m of BATCH_METRICS) out[m] = totalsMetric(t, m);
  return out;
}

/** One event through `step`; a what-if plan is legal by construction, so a refusal is a bug. */
function must(scenario: Scenario, state: GameState, seat: string, action: Action): GameState {
  const r = step(scenario, state, stamp(state.turn, seat, action));
  if (r.ok) return r.state;
  throw new Error(`what-if run, turn ${state.turn}: ${action.type} ${r.refusal ? `refused: ${r.refusal.message}` : `failed: ${r.error.message}`}`);
}

/**
 * Resolve the turn being planned with `levels` in force: the levels are the plan already
 * checked on the planning screen (or a recorded run's), so they go into the draft whole,
 * and every role commits.
 */
function resolveWith(scenario: Scenario, state: GameState, levels: Record<string, number>): GameState {
  let s: GameState = { ...state, draft: { ...levels }, committed: [] };
  for (const role of scenario.roles) s = must(scenario, s, role.id, { type: 'COMMIT' });
  return s;
}

/**
 * Play the turns from the one being planned in `state` to the end, on `seed`, with the
 * lever levels `plan` in force every turn. Facilitator injects still queued are left out
 * (they are the facilitator's surprise, not the players' to preview), and a pause does not
 * hold a what-if.
 */
export function previewRun(scenario: Scenario, state: GameState, plan: Record<string, number>, seed: string): PreviewOutcome {
  let s: GameState = { ...state, seed, injects: [], committed: [], paused: false };
  const seat = tableSeat(scenario);
  while (s.phase === 'planning') {
    s = resolveWith(scenario, s, plan);
    s = must(scenario, s, seat, { type: 'NEXT' });
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
  const seat = tableSeat(scenario);
  let s: GameState = { ...initialState(scenario, seed), turnsTotal: schedule.length };
  s = must(scenario, must(scenario, s, seat, { type: 'BEGIN' }), seat, { type: 'START' });
  const perTurn: Record<BatchMetric, number>[] = [];
  for (const levels of schedule) {
    s = resolveWith(scenario, s, levels);
    perTurn.push(metricsOf(s.totals));
    s = must(scenario, s, seat, { type: 'NEXT' });
  }
  return { seed, perTurn };
}
