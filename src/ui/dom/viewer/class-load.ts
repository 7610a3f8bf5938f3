// Opening a class's replay files: each is parsed, then checked against the instructor's
// reference scenario and re-run by the engine (classview.ts). The reference is the app's
// own copy of the scenario (shipped, or loaded by the instructor on the start screen) or a
// scenario file the instructor picks in the class view, never a student's inline copy.
import { type ClassReference, type ClassView, classView } from '../../../engine/classview.ts';
import type { ReplayFile } from '../../../engine/replay.ts';
import { type FileText, type FindScenario, parseReplay, type Refusal } from './load.ts';

export interface ParsedClass {
  files: { name: string; replay: ReplayFile }[];
  refused: Refusal[];
}

export interface LoadedClass {
  view: ClassView;
  /** The replays of the verified runs (both seed lists), by file name (to open or branch one). */
  replays: Map<string, ReplayFile>;
  refused: Refusal[];
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

export function parseClass(texts: FileText[]): ParsedClass {
  const refused: Refusal[] = [];
  const files: { name: string; replay: ReplayFile }[] = [];
  const names = new Set<string>();
  for (const f of texts) {
    if (names.has(f.name)) {
      refused.push({ name: f.name, lines: [`${f.name}: a file of this name is already in the class view.`] });
      continue;
    }
    const p = parseReplay(f);
    if (!p.ok) refused.push(p.refusal);
    else {
      names.add(f.name);
      files.push({ name: f.name, replay: p.replay });
    }
  }
  return { files, refused };
}

/** The app's own copy of the scenario most files are runs of, if the app has it. */
export function defaultReference(parsed: ParsedClass, find: FindScenario): ClassReference | null {
  const counts = new Map<string, number>();
  for (const f of parsed.files) counts.set(f.replay.scenario.id, (counts.get(f.replay.scenario.id) ?? 0) + 1);
  const id = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const scenario = id === undefined ? undefined : find(id);
  return scenario ? { scenario, name: `the scenario “${scenario.title}” loaded in this app` } : null;
}

/** Check every parsed file against the reference; refused files are listed with what differs. */
export function loadClass(parsed: ParsedClass, reference: ClassReference | null, classSeed: string | null): LoadedClass {
  const refused = [...parsed.refused];
  let view: ClassView;
  try {
    view = classView(parsed.files, reference, classSeed);
  } catch (err) {
    return { view: classView([]), replays: new Map(), refused: [...refused, { name: 'class view', lines: [`The runs could not be compared: ${message(err)}`] }] };
  }
  for (const r of view.refused) refused.push({ name: r.name, lines: [`${r.name}: ${r.message}`, ...r.differences.map((d) => `  ${d}`)] });
  const accepted = new Set([...view.runs, ...view.otherSeed].map((r) => r.name));
  const replays = new Map(parsed.files.filter((p) => accepted.has(p.name)).map((p) => [p.name, p.replay]));
  return { view, replays, refused };
}
