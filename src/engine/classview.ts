// Class view: many students' replays of the same scenario side by side: the spread of
// outcomes and of policy choices (which levers, when). Replays of another scenario or
// engine version, or that do not verify, are refused one by one with the reason.
import type { Scenario } from '../scenario/schema.ts';
import type { ReplayFile } from './replay.ts';
import { metricValue } from './state.ts';
import { type Spread, spread } from './stats.ts';
import { buildTimeline, COMPARED, type ComparedMetric, type Timeline } from './timeline.ts';

export interface ClassRun {
  name: string;
  timeline: Timeline;
  totals: Record<ComparedMetric, number>;
}

export interface ClassView {
  scenarioId: string;
  runs: ClassRun[];
  refused: { name: string; message: string }[];
  outcomes: Record<ComparedMetric, Spread>;
  /** usage[lever][turn-1] = share of runs with the lever above 0 in that turn. */
  usage: Record<string, number[]>;
}

export function classView(files: { name: string; replay: ReplayFile }[], available?: Scenario): ClassView {
  const runs: ClassRun[] = [];
  const refused: { name: string; message: string }[] = [];
  let scenarioId: string | undefined;
  let scenarioHash: string | undefined;
  for (const f of files) {
    if (scenarioId && (f.replay.scenario.id !== scenarioId || f.replay.scenario.hash !== scenarioHash)) {
      refused.push({
        name: f.name,
        message: `is a run of "${f.replay.scenario.id}" (hash ${f.replay.scenario.hash}); the class view compares runs of "${scenarioId}" only.`,
      });
      continue;
    }
    const t = buildTimeline(f.replay, available);
    if (!t.ok) {
      refused.push({ name: f.name, message: t.message });
      continue;
    }
    scenarioId ??= f.replay.scenario.id;
    scenarioHash ??= f.replay.scenario.hash;
    const last = t.timeline.checkpoints.at(-1);
    const totals = {} as Record<ComparedMetric, number>;
    for (const m of COMPARED) totals[m] = last ? metricValue(last.game, m) : 0;
    runs.push({ name: f.name, timeline: t.timeline, totals });
  }
  const outcomes = {} as Record<ComparedMetric, Spread>;
  for (const m of COMPARED) outcomes[m] = spread(runs.map((r) => r.totals[m]));
  const usage: Record<string, number[]> = {};
  const turns = Math.max(0, ...runs.map((r) => r.timeline.levels.length));
  for (const lever of runs[0]?.timeline.scenario.levers ?? []) {
    usage[lever.id] = Array.from({ length: turns }, (_, i) => {
      const using = runs.filter((r) => (r.timeline.levels[i]?.[lever.id] ?? 0) > 0).length;
      return runs.length ? using / runs.length : 0;
    });
  }
  return { scenarioId: scenarioId ?? '', runs, refused, outcomes, usage };
}
