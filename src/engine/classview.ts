// Class view: many students' replays of one scenario side by side: the spread of outcomes
// and of policy choices (which levers, when). Every run is checked against the
// instructor's reference scenario (their own file, or the app's copy of a shipped one),
// never against the copy a student's file carries, so one doctored file cannot set the
// standard for the rest. Runs on a seed other than the class seed are listed apart: they
// met other luck. Files of another scenario or version, or that do not re-run to their
// recorded hashes, are refused one by one with what differs.

import type { Scenario } from '../scenario/schema.ts';
import { againstReference } from './reference.ts';
import { type ReplayFile, scenarioHash } from './replay.ts';
import { metricValue } from './state.ts';
import { type Spread, spread } from './stats.ts';
import { buildTimeline, COMPARED, type ComparedMetric, type Timeline } from './timeline.ts';

export interface ClassRun {
  name: string;
  timeline: Timeline;
  totals: Record<ComparedMetric, number>;
  /** Said about the file while checking it (an edited inline copy, assessment-only changes). */
  notes: string[];
}

export interface ClassReference {
  scenario: Scenario;
  /** How to name it in messages: "your scenario file week3.yaml", "the shipped scenario". */
  name: string;
}

export interface ClassRefusal {
  name: string;
  message: string;
  /** Field-by-field differences from the reference, when the file carries its scenario. */
  differences: string[];
}

/** Files that claim the same scenario version, before any reference is chosen. */
export interface ScenarioGroup {
  id: string;
  hash: string;
  title: string;
  files: number;
}

export interface ClassView {
  scenarioId: string;
  reference: { id: string; hash: string; title: string; name: string } | null;
  classSeed: string | null;
  /** Runs compared with each other: on the class seed (every verified run when none is set). */
  runs: ClassRun[];
  /** Verified runs on another seed than the class seed, listed apart. */
  otherSeed: ClassRun[];
  refused: ClassRefusal[];
  outcomes: Record<ComparedMetric, Spread>;
  /** usage[lever][turn-1] = share of runs with the lever above 0 in that turn. */
  usage: Record<string, number[]>;
  /** The seeds of the verified runs, most used first. */
  seeds: { seed: string; runs: number }[];
  /** What the files say they are runs of (to choose a reference from). */
  groups: ScenarioGroup[];
}

export function scenarioGroups(files: { replay: ReplayFile }[]): ScenarioGroup[] {
  const groups = new Map<string, ScenarioGroup>();
  for (const { replay } of files) {
    const key = `${replay.scenario.id}@${replay.scenario.hash}`;
    const g = groups.get(key) ?? { id: replay.scenario.id, hash: replay.scenario.hash, title: replay.scenario.title ?? replay.scenario.id, files: 0 };
    g.files += 1;
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => b.files - a.files || a.id.localeCompare(b.id));
}

export function classView(
  files: { name: string; replay: ReplayFile }[],
  reference: ClassReference | null = null,
  classSeed: string | null = null,
): ClassView {
  const verified: ClassRun[] = [];
  const refused: ClassRefusal[] = [];
  for (const f of reference ? files : []) {
    const checked = againstReference(f.replay, reference!.scenario, reference!.name);
    if (!checked.ok) {
      refused.push({ name: f.name, message: checked.message, differences: checked.differences });
      continue;
    }
    const t = buildTimeline(checked.replay, reference!.scenario);
    if (!t.ok) {
      refused.push({ name: f.name, message: t.message, differences: [] });
      continue;
    }
    const last = t.timeline.checkpoints.at(-1);
    const totals = {} as Record<ComparedMetric, number>;
    for (const m of COMPARED) totals[m] = last ? metricValue(last.game, m) : 0;
    verified.push({ name: f.name, timeline: t.timeline, totals, notes: checked.notes });
  }
  const onSeed = (r: ClassRun) => classSeed === null || r.timeline.seed === classSeed;
  const runs = verified.filter(onSeed);
  const otherSeed = verified.filter((r) => !onSeed(r));
  const outcomes = {} as Record<ComparedMetric, Spread>;
  for (const m of COMPARED) outcomes[m] = spread(runs.map((r) => r.totals[m]));
  const usage: Record<string, number[]> = {};
  const turns = runs.reduce((n, r) => Math.max(n, r.timeline.levels.length), 0);
  for (const lever of reference?.scenario.levers ?? []) {
    usage[lever.id] = Array.from({ length: turns }, (_, i) => {
      const using = runs.filter((r) => (r.timeline.levels[i]?.[lever.id] ?? 0) > 0).length;
      return runs.length ? using / runs.length : 0;
    });
  }
  const seedCounts = new Map<string, number>();
  for (const r of verified) seedCounts.set(r.timeline.seed, (seedCounts.get(r.timeline.seed) ?? 0) + 1);
  const s = reference?.scenario;
  return {
    scenarioId: s?.id ?? '',
    reference: s ? { id: s.id, hash: scenarioHash(s), title: s.title, name: reference!.name } : null,
    classSeed,
    runs,
    otherSeed,
    refused,
    outcomes,
    usage,
    seeds: [...seedCounts].map(([seed, n]) => ({ seed, runs: n })).sort((a, b) => b.runs - a.runs || a.seed.localeCompare(b.seed)),
    groups: scenarioGroups(files),
  };
}
