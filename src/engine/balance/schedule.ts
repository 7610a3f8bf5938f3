// A candidate of the balance search: a lever schedule. The game is cut into phases of
// (nearly) equal length; within a phase every lever holds one level. With as many phases
// as turns this is a per-turn schedule.
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import { type Levels, policyFromTurns, turnCount } from './levels.ts';

export interface Schedule {
  /** First turn of each phase, ascending, starting with 1. */
  starts: number[];
  /** levels[phase][i] is the level of scenario.levers[i] during that phase. */
  levels: number[][];
}

/** First turns of `phases` near-equal phases of a `turns`-turn game (fewer if turns < phases). */
export function phaseStarts(turns: number, phases: number): number[] {
  const n = Math.max(1, Math.min(turns, Math.floor(phases)));
  const starts: number[] = [];
  for (let p = 0; p < n; p++) starts.push(1 + Math.floor((p * turns) / n));
  return starts;
}

/** Turns covered by phase `p`, as [first, last]. */
export function phaseSpan(starts: number[], p: number, turns: number): [number, number] {
  return [starts[p]!, (starts[p + 1] ?? turns + 1) - 1];
}

export function scheduleLevels(scenario: Scenario, schedule: Schedule, phase: number): Levels {
  const row = schedule.levels[phase] ?? [];
  return Object.fromEntries(scenario.levers.map((l, i) => [l.id, row[i] ?? 0]));
}

export function scheduleToPolicy(scenario: Scenario, schedule: Schedule, description: string): PolicyDef {
  const turns = turnCount(scenario);
  const perTurn: Levels[] = [];
  for (let p = 0; p < schedule.starts.length; p++) {
    const [from, to] = phaseSpan(schedule.starts, p, turns);
    const levels = scheduleLevels(scenario, schedule, p);
    for (let t = from; t <= to; t++) perTurn.push(levels);
  }
  return policyFromTurns(scenario, perTurn, description);
}

/** Identity of a schedule, for caching evaluations (the same schedule scores the same). */
export function scheduleKey(schedule: Schedule): string {
  return `${schedule.starts.join(',')}|${schedule.levels.map((r) => r.join('')).join('/')}`;
}
