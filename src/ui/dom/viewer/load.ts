// Opening replay files for the debrief: every file is parsed with the replay loader and
// re-run by the engine (buildTimeline verifies every turn's hash) before anything is shown,
// so a tampered, truncated or mismatched file is refused whole, never half-loaded.
import type { ReplayFile } from '../../../engine/replay.ts';
import { buildTimeline, type Timeline } from '../../../engine/timeline.ts';
import { MAX_REPLAY_BYTES, parseReplayText } from '../../../io/replay-load.ts';
import { formatDiagnostic } from '../../../scenario/diagnostics.ts';
import type { Scenario } from '../../../scenario/schema.ts';

/** A verified run: the file, the replay it holds and the engine's checkpoint per turn. */
export interface LoadedRun {
  name: string;
  replay: ReplayFile;
  timeline: Timeline;
}

/** Why a file was refused, one line per problem (file:line:column when the loader knows it). */
export interface Refusal {
  name: string;
  lines: string[];
}

export interface FileText {
  name: string;
  text: string;
}

/** Scenarios the app knows by id (shipped or loaded), for replays that do not carry theirs inline. */
export type FindScenario = (id: string) => Scenario | undefined;

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export async function readFiles(files: File[]): Promise<{ texts: FileText[]; refused: Refusal[] }> {
  const texts: FileText[] = [];
  const refused: Refusal[] = [];
  for (const f of files) {
    if (f.size > MAX_REPLAY_BYTES) {
      refused.push({ name: f.name, lines: [`${f.name}: the file is ${Math.round(f.size / 1024)} kB; a replay is at most ${MAX_REPLAY_BYTES / 1024 / 1024} MB.`] });
      continue;
    }
    try {
      texts.push({ name: f.name, text: await f.text() });
    } catch (err) {
      refused.push({ name: f.name, lines: [`${f.name}: the file could not be read (${message(err)}).`] });
    }
  }
  return { texts, refused };
}

export function parseReplay(file: FileText): { ok: true; replay: ReplayFile } | { ok: false; refusal: Refusal } {
  const r = parseReplayText(file.text, file.name);
  if (!r.ok) return { ok: false, refusal: { name: file.name, lines: r.errors.map(formatDiagnostic) } };
  return { ok: true, replay: r.value };
}

/** The scenario to check a replay against when it is not inline (the engine checks the hash). */
function available(replay: ReplayFile, find: FindScenario): Scenario | undefined {
  return replay.scenario.inline ? undefined : find(replay.scenario.id);
}

export function loadRun(file: FileText, find: FindScenario): { ok: true; run: LoadedRun } | { ok: false; refusal: Refusal } {
  const parsed = parseReplay(file);
  if (!parsed.ok) return parsed;
  const refuse = (line: string) => ({ ok: false as const, refusal: { name: file.name, lines: [`${file.name}: ${line}`] } });
  try {
    const built = buildTimeline(parsed.replay, available(parsed.replay, find));
    if (!built.ok) return refuse(built.message);
    if (built.timeline.checkpoints.length === 0) return refuse('the run has no completed turn yet, so there is nothing to step through.');
    return { ok: true, run: { name: file.name, replay: parsed.replay, timeline: built.timeline } };
  } catch (err) {
    return refuse(`the engine could not re-run it (${message(err)}).`);
  }
}
