// Scenario inheritance: `extends: ./base.yaml` takes everything from the base file and
// overrides parts of it. Objects merge field by field; lists of items with an `id`
// (sectors, levers, events, …) merge item by item, so an override names only what
// changes, `remove: true` drops an item, and new ids are appended; any other value
// replaces the base's. Each problem is reported in the file that wrote the offending
// value. Reading the base is injected, so Node (files) and the browser (same-origin
// URLs) share this code.
import { byPosition, type DataPath, type Diagnostic, formatPath, type LoadResult, type PathSegment } from './diagnostics.ts';
import { scenarioJsonSchema } from './json-schema.ts';
import { validateScenario } from './load.ts';
import { SCENARIO_FORMAT, type Scenario } from './schema.ts';
import { schemaAt } from './schema-walk.ts';
import { type Locate, parseDataText } from './source-text.ts';
import { closest, listOf } from './suggest.ts';

export type ReadBase = (
  ref: string,
  from: string,
) => Promise<{ ok: true; text: string; file: string } | { ok: false; message: string }>;

/** A chain longer than this is a mistake (or a loop through renamed copies). */
export const MAX_EXTENDS_DEPTH = 5;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIdList = (v: unknown): v is Obj[] => Array.isArray(v) && v.every((x) => isObj(x) && typeof x.id === 'string');

/** A problem in how an extending file names the base's items, at a path in that file. */
export interface MergeProblem {
  path: PathSegment[];
  message: string;
}

/** The merged data; problems (unknown ids to remove or override) are collected, not thrown. */
export function mergeScenarioData(base: unknown, child: unknown, problems: MergeProblem[] = [], path: PathSegment[] = []): unknown {
  if (isObj(base) && isObj(child)) {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(child)) out[k] = Object.hasOwn(base, k) ? mergeScenarioData(base[k], v, problems, [...path, k]) : v;
    return out;
  }
  // An explicit empty list replaces the base's: `objectives: []` means "none", not "keep".
  if (Array.isArray(child) && child.length === 0) {
    const min = schemaAt(scenarioJsonSchema(), path, undefined)?.minItems ?? 0;
    if (min > 0 && isIdList(base) && base.length > 0)
      problems.push({
        path,
        message: `\`${String(path.at(-1))}: []\` replaces the base's list with nothing, but a scenario needs at least ${min}; to drop some of the base's, list them as \`- { id: …, remove: true }\` (the base has: ${listOf(base.map((b) => String(b.id)))})`,
      });
    return child;
  }
  if (isIdList(base) && isIdList(child)) return mergeById(base, child, problems, path);
  return child;
}

function mergeById(base: Obj[], child: Obj[], problems: MergeProblem[], path: PathSegment[]): Obj[] {
  const known = base.map((b) => b.id as string);
  const byId = new Map(child.map((c) => [c.id as string, c]));
  const merged: Obj[] = [];
  for (const b of base) {
    const c = byId.get(b.id as string);
    if (!c) merged.push(b);
    else if (c.remove !== true) merged.push(mergeScenarioData(b, c, problems, [...path, child.indexOf(c)]) as Obj);
  }
  const kind = itemKind(path);
  child.forEach((c, i) => {
    const id = c.id as string;
    if (known.includes(id)) return;
    const at = [...path, i, 'id'];
    const hint = closest(id, known);
    const intro = `no ${kind} \`${id}\` in the base${hint ? `: did you mean \`${hint}\`?` : ''}`;
    if (c.remove === true) {
      problems.push({ path: at, message: `${intro} (\`remove: true\` drops an item of the base, so it must name one; the base's ${kind}s: ${listOf(known)})` });
      return;
    }
    const missing = missingRequired(path, c);
    if (missing.length > 0 && (hint || missing.length * 2 >= requiredCount(path))) {
      // Not a new item (it lacks most fields): an override of an id the base does not have.
      problems.push({
        path: at,
        message: `${intro}; to change a ${kind} of the base, use its id (${listOf(known)}); to add a new ${kind}, give every field it needs (missing: ${missing.join(', ')})`,
      });
      return;
    }
    merged.push(c);
  });
  return merged;
}

const KINDS: Record<string, string> = {
  roles: 'role',
  sectors: 'sector',
  stages: 'stage',
  channels: 'channel',
  levers: 'lever',
  missiles: 'missile',
  scripted: 'scripted event',
  random: 'random event',
  conditional: 'conditional event',
  objectives: 'objective',
};

function itemKind(path: PathSegment[]): string {
  const name = [...path].reverse().find((p): p is string => typeof p === 'string');
  return (name && KINDS[name]) ?? 'item';
}

/** Fields the format requires of an item of the list at `path` (ids aside). */
function requiredOf(path: PathSegment[]): string[] {
  const item = schemaAt(scenarioJsonSchema(), [...path, 0], undefined);
  return (item?.required ?? []).filter((k) => k !== 'id');
}
const requiredCount = (path: PathSegment[]) => Math.max(1, requiredOf(path).length);
const missingRequired = (path: PathSegment[], item: Obj) => requiredOf(path).filter((k) => !Object.hasOwn(item, k));

/**
 * The path, in `data` (a file's own values), of what sits at `path` in the merged
 * scenario; null when that file did not write it. Items of id-lists are matched by id,
 * since merging shifts their indices.
 */
export function pathIn(data: unknown, merged: unknown, path: DataPath): PathSegment[] | null {
  const out: PathSegment[] = [];
  let d = data;
  let m = merged;
  for (const seg of path) {
    if (typeof seg === 'number') {
      if (!Array.isArray(d) || !Array.isArray(m)) return null;
      const item: unknown = m[seg];
      const idx = isIdList(d) && isObj(item) ? d.findIndex((x) => x.id === item.id) : seg;
      if (idx < 0 || idx >= d.length) return null;
      out.push(idx);
      d = d[idx];
      m = item;
    } else {
      if (!isObj(d) || !(seg in d)) return null;
      out.push(seg);
      d = d[seg];
      m = isObj(m) ? m[seg] : undefined;
    }
  }
  return out;
}

interface Layer {
  value: unknown;
  locate: Locate;
  warnings: Diagnostic[];
}

async function resolve(
  text: string,
  file: string,
  read: ReadBase | undefined,
  seen: string[],
): Promise<Layer | { errors: Diagnostic[]; warnings: Diagnostic[] }> {
  const parsed = parseDataText(text, file);
  if (!parsed.ok) return parsed;
  const { value, locate, warnings } = parsed;
  if (!isObj(value) || value.extends === undefined) return { value, locate: stamp(locate, file), warnings };
  const at = (message: string): Diagnostic => ({ file, ...locate(['extends']), path: 'extends', message, severity: 'error' });
  const ref = value.extends;
  if (typeof ref !== 'string' || ref === '') return { errors: [at('extends names the base scenario file, e.g. extends: ./base.yaml')], warnings };
  if (!read) return { errors: [at(`"${ref}" cannot be read from here; load this scenario from disk or a URL`)], warnings };
  if (seen.length >= MAX_EXTENDS_DEPTH)
    return { errors: [at(`scenarios extend each other more than ${MAX_EXTENDS_DEPTH} deep; flatten the chain`)], warnings };
  const got = await read(ref, file);
  if (!got.ok) return { errors: [at(`the base scenario "${ref}" cannot be read: ${got.message}`)], warnings };
  if (seen.includes(got.file) || got.file === file)
    return { errors: [at(`"${ref}" extends this file again (a loop: ${[...seen, file, got.file].join(' → ')})`)], warnings };
  // A path can name any readable file; if it is not a scenario, say so without quoting it.
  if (!looksLikeScenario(got.text))
    return {
      errors: [
        at(
          `"${ref}" is not a Cashout scenario (it has neither a \`format: ${SCENARIO_FORMAT}\` nor an \`extends:\` line), so it cannot be a base; nothing of its content is shown`,
        ),
      ],
      warnings,
    };
  const base = await resolve(got.text, got.file, read, [...seen, file]);
  if ('errors' in base) return { errors: base.errors, warnings: [...warnings, ...base.warnings] };
  const { extends: _, ...own } = value;
  const problems: MergeProblem[] = [];
  const merged = mergeScenarioData(base.value, own, problems);
  const mine = stamp(locate, file);
  if (problems.length)
    return {
      errors: problems.map((p) => ({ file, ...mine(p.path), path: formatPath(p.path), message: p.message, severity: 'error' })),
      warnings: [...base.warnings, ...warnings],
    };
  return {
    value: merged,
    locate: (path, part) => {
      const inChild = pathIn(own, merged, path);
      if (inChild) return mine(inChild, part);
      const inBase = pathIn(base.value, merged, path);
      return inBase ? base.locate(inBase, part) : mine(path, part);
    },
    warnings: [...base.warnings, ...warnings],
  };
}

/**
 * A top-level `format: cashout-scenario/N` (any version: an older file is a scenario, and
 * is then told how to update) or `extends:` line (YAML or JSON), before any parsing.
 */
const SCENARIO_MARK = /^[ \t{]*["']?(?:format["']?[ \t]*:[ \t]*["']?cashout-scenario\/\d+\b|extends["']?[ \t]*:)/m;

export function looksLikeScenario(text: string): boolean {
  return SCENARIO_MARK.test(text);
}

const stamp =
  (locate: Locate, file: string): Locate =>
  (path, part) => ({ ...locate(path, part), file: locate(path, part).file ?? file });

/** Load scenario text that may extend a base; the merged scenario is checked as a whole. */
export async function loadScenarioWithBase(text: string, file: string, read?: ReadBase): Promise<LoadResult<Scenario>> {
  const layer = await resolve(text, file, read, []);
  if ('errors' in layer) return { ok: false, errors: layer.errors.sort(byPosition), warnings: layer.warnings };
  return validateScenario(layer.value, layer.locate, file, layer.warnings);
}
