// Debrief logic without a DOM: walking a recorded run turn by turn, replaying it under
// another policy (counterfactual), branching from a turn with other decisions, and
// comparing runs. Every view is a snapshot the engine itself produced, so stepping back
// and forth can never drift from the original run.
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { playPolicy } from './autoplay.ts';
import { BATCH_METRICS, type BatchMetric } from './batch.ts';
import { FACILITATOR_SEAT, type GameEvent } from './events-types.ts';
import { type ReplayFile, type ReplayResult, replayVersionProblem, runReplay, scenarioForReplay } from './replay.ts';
import type { TurnReport } from './report.ts';
import { type Recorder, Run, sendProblem } from './run.ts';
import { GameSession } from './session.ts';
import { type GameState, metricValue } from './state.ts';

/** The state after one completed turn, as the engine recorded it. */
export interface Checkpoint {
  turn: number;
  game: GameState;
  report: TurnReport;
  hash: string;
  /** The decisions accepted during this turn's planning (and facilitator actions). */
  decisions: GameEvent[];
}

export interface Timeline {
  scenario: Scenario;
  seed: string;
  checkpoints: Checkpoint[];
  /** Lever levels in force in each turn (index 0 = turn 1). */
  levels: Record<string, number>[];
}

/** Re-run a replay once, keeping a checkpoint per turn; refuses a replay that does not verify. */
export function buildTimeline(
  replay: ReplayFile,
  available?: Scenario,
): { ok: true; timeline: Timeline } | Extract<ReplayResult, { ok: false }> {
  const r = runReplay(replay, available);
  if (!r.ok) return r;
  return { ok: true, timeline: timelineOf(r.run) };
}

/** Checkpoints of a game that has been played (used for live games and counterfactuals). */
export function timelineOf(session: Recorder): Timeline {
  const { reports } = session;
  const hashes = session.turnHashes;
  const states = session.turnStates;
  const perTurn = decisionsByTurn(session.log);
  return {
    scenario: session.scenario,
    seed: session.seed,
    checkpoints: reports.map((report, i) => ({
      turn: i + 1,
      game: states[i]!,
      report,
      hash: hashes[i]!,
      decisions: perTurn[i] ?? [],
    })),
    levels: reports.map((r) => ({ ...r.levers })),
  };
}

/** Group a log's decisions by the turn they were sent in (every event carries it; flow events dropped). */
export function decisionsByTurn(log: readonly GameEvent[]): GameEvent[][] {
  const out: GameEvent[][] = [];
  for (const e of log) {
    if (e.turn < 1 || e.type === 'BEGIN' || e.type === 'START' || e.type === 'NEXT') continue;
    const list = out[e.turn - 1] ?? [];
    list.push(e);
    out[e.turn - 1] = list;
  }
  return out;
}

/** A policy that sets, each turn, the lever levels that were in force in a timeline. */
export function policyOf(timeline: Timeline, description = 'Decisions of a recorded run'): PolicyDef {
  const turns: Record<string, Record<string, number>> = {};
  let previous: Record<string, number> = {};
  timeline.levels.forEach((levels, i) => {
    const changed: Record<string, number> = {};
    for (const [id, level] of Object.entries(levels)) if ((previous[id] ?? 0) !== level) changed[id] = level;
    if (Object.keys(changed).length) turns[String(i + 1)] = changed;
    previous = levels;
  });
  return { description, turns };
}

/** The same scenario and seed under another policy: the luck is shared, so the difference is the policy's. */
export function counterfactual(scenario: Scenario, seed: string, policy: PolicyDef, turns?: number): Timeline {
  const s = new Run(scenario, seed);
  // With `turns`, stop where the recorded run stopped, to compare like with like.
  if (turns !== undefined && turns > s.game.turnsTotal) s.act(FACILITATOR_SEAT, { type: 'EXTEND', turns: turns - s.game.turnsTotal });
  playPolicy(s, policy, turns);
  return timelineOf(s);
}

/**
 * A session positioned at the start of `turn`'s planning with everything before it
 * replayed exactly; the caller then sends different decisions ("branch here").
 */
export function branchAt(
  replay: ReplayFile,
  turn: number,
  available?: Scenario,
): { ok: true; session: GameSession; turns: number } | Extract<ReplayResult, { ok: false }> {
  const found = scenarioForReplay(replay, available);
  if (!found.ok) return found;
  const version = replayVersionProblem(replay);
  if (version) return { ok: false, problem: 'engine-version', message: version };
  const s = new Run(found.scenario, replay.seed);
  for (const e of replay.events) {
    if (s.phase === 'planning' && s.game.turn === turn) break;
    const sent = s.send(e);
    if (!sent.ok) return { ok: false, problem: sent.error ? 'engine-error' : 'refused', message: sendProblem(sent), turn: s.game.turn };
  }
  if (s.phase !== 'planning' || s.game.turn !== turn)
    return { ok: false, problem: 'missing-turns', turn, message: `The recorded run never reached the planning of turn ${turn}.` };
  const recorded = replay.turnHashes.slice(0, turn - 1);
  if (s.turnHashes.join() !== recorded.join())
    return { ok: false, problem: 'turn-differs', turn, message: 'The recorded run does not re-run to its own hashes.' };
  // Planning decisions already sent in that turn are dropped: the branch plans it afresh.
  const snap = s.snapshot();
  return { ok: true, session: GameSession.resume(found.scenario, replay.seed, snap), turns: turn - 1 };
}

/** The outcomes compared between runs: the same ones batch statistics report. */
export const COMPARED = BATCH_METRICS;
export type ComparedMetric = BatchMetric;

export interface Difference {
  metric: ComparedMetric;
  actual: number;
  other: number;
  /** other - actual */
  delta: number;
}

/** Totals of two runs side by side, at the last turn both reached. */
export function compareTimelines(actual: Timeline, other: Timeline): Difference[] {
  const n = Math.min(actual.checkpoints.length, other.checkpoints.length);
  if (n === 0) return [];
  const a = actual.checkpoints[n - 1]!.game;
  const b = other.checkpoints[n - 1]!.game;
  return COMPARED.map((metric) => {
    const [x, y] = [metricValue(a, metric), metricValue(b, metric)];
    return { metric, actual: x, other: y, delta: y - x };
  });
}

/** Per-turn series of a metric (cumulative totals), for paired chart lines. */
export function series(t: Timeline, metric: ComparedMetric): number[] {
  return t.checkpoints.map((c) => metricValue(c.game, metric));
}
