// What a recorded run is compared with: the same scenario and seed under a named policy of
// the scenario or under another replay's decisions. Only the engine computes the other run.
import { PolicyError } from '../../../engine/autoplay.ts';
import { counterfactual, policyOf, type Timeline } from '../../../engine/timeline.ts';
import type { PolicyDef, Scenario } from '../../../scenario/schema.ts';
import { type FindScenario, type LoadedRun, loadRun, readFiles } from './load.ts';

export interface Counterfactual {
  /** Which choice produced it: "policy:none", "replay:<file>", "original". */
  key: string;
  label: string;
  timeline: Timeline;
}

export interface PolicyChoice {
  key: string;
  label: string;
  description: string;
}

/** "No new measures" first, then the historical policy, then the scenario's other policies. */
export function policyChoices(s: Scenario): PolicyChoice[] {
  const ids = Object.keys(s.policies);
  const order = (id: string) => (id === 'none' ? 0 : id === 'historical' ? 1 : 2);
  return ids
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((id) => ({ key: `policy:${id}`, label: policyLabel(id), description: s.policies[id]!.description }));
}

export function policyLabel(id: string): string {
  if (id === 'none') return 'No new measures';
  if (id === 'historical') return 'Historical policy';
  return `Policy “${id}”`;
}

type Result = { ok: true; cf: Counterfactual } | { ok: false; message: string };

function run(run: LoadedRun, key: string, label: string, policy: PolicyDef): Result {
  const t = run.timeline;
  try {
    // As many turns as the recorded run, so the two compare like with like.
    return { ok: true, cf: { key, label, timeline: counterfactual(t.scenario, t.seed, policy, t.checkpoints.length) } };
  } catch (err) {
    const why = err instanceof PolicyError ? err.message : `the engine could not play it (${err instanceof Error ? err.message : String(err)})`;
    return { ok: false, message: `“${label}” cannot be played on this scenario: ${why.replace(/\.$/, '')}.` };
  }
}

export function policyCounterfactual(r: LoadedRun, policyId: string): Result {
  const policy = r.timeline.scenario.policies[policyId];
  if (!policy) return { ok: false, message: `The scenario has no policy “${policyId}”.` };
  return run(r, `policy:${policyId}`, policyLabel(policyId), policy);
}

/** The recorded seed under the lever levels another run had in force each turn. */
export function replayCounterfactual(r: LoadedRun, other: LoadedRun): Result {
  const mine = r.replay.scenario;
  const theirs = other.replay.scenario;
  if (theirs.id !== mine.id || theirs.hash !== mine.hash)
    return {
      ok: false,
      message: `${other.name} is a run of “${theirs.id}” (hash ${theirs.hash}); its decisions can only be compared with runs of the same scenario “${mine.id}” (hash ${mine.hash}).`,
    };
  return run(r, `replay:${other.name}`, `Decisions of ${other.name}`, policyOf(other.timeline, `Decisions of ${other.name}`));
}

/** True when the recorded run had facilitator injections, which a policy does not replay. */
export function hasInjections(t: Timeline): boolean {
  return t.checkpoints.some((c) => c.decisions.some((e) => e.type === 'INJECT'));
}

/** What the compare panel shows: the select's value, the run compared with, a problem. */
export interface CompareState {
  run: LoadedRun;
  choice: string;
  cf: Counterfactual | null;
  preset: Counterfactual | null;
  problem: string | null;
}

/** Computes (once each) the counterfactuals the instructor picks, into the panel's state. */
export class Comparisons {
  private readonly cache = new Map<string, Counterfactual>();

  choose(m: CompareState, choice: string): void {
    m.choice = choice;
    m.problem = null;
    if (choice === '') m.cf = null;
    else if (choice === 'original') m.cf = m.preset;
    else if (choice === 'replay') m.cf = m.cf?.key.startsWith('replay:') ? m.cf : null;
    else if (choice.startsWith('policy:')) {
      const cached = this.cache.get(choice);
      const r = cached ? { ok: true as const, cf: cached } : policyCounterfactual(m.run, choice.slice('policy:'.length));
      m.cf = r.ok ? r.cf : null;
      m.problem = r.ok ? null : r.message;
      if (r.ok) this.cache.set(choice, r.cf);
    }
  }

  /** Another replay's decisions on this run's seed; a refused file leaves the comparison as it was. */
  async withFile(m: CompareState, file: File, find: FindScenario): Promise<void> {
    const { texts, refused } = await readFiles([file]);
    const loaded = texts[0] ? loadRun(texts[0], find) : null;
    if (loaded?.ok) {
      const r = replayCounterfactual(m.run, loaded.run);
      if (r.ok) m.cf = r.cf;
      m.problem = r.ok ? null : r.message;
    } else {
      const r = loaded ? loaded.refusal : refused[0];
      m.problem = r ? `${r.name} could not be used: ${r.lines.join(' ')}` : `${file.name} could not be read.`;
    }
  }
}
