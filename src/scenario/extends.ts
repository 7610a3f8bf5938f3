// Scenario inheritance: `extends: ./base.yaml` takes everything from the base file and
// overrides parts of it. Objects merge field by field; lists of items with an `id`
// (sectors, levers, events, …) merge item by item, so an override names only what
// changes, `remove: true` drops an item, and new ids are appended; any other value
// replaces the base's. Each problem is reported in the file that wrote the offending
// value. Reading the base is injected, so Node (files) and the browser (same-origin
// URLs) share this code.
import { byPosition, type DataPath, type Diagnostic, type LoadResult, type PathSegment } from './diagnostics.ts';
import { validateScenario } from './load.ts';
import type { Scenario } from './schema.ts';
import { type Locate, parseDataText } from './source-text.ts';

export type ReadBase = (
  ref: string,
  from: string,
) => Promise<{ ok: true; text: string; file: string } | { ok: false; message: string }>;

/** A chain longer than this is a mistake (or a loop through renamed copies). */
export const MAX_EXTENDS_DEPTH = 5;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIdList = (v: unknown): v is Obj[] => Array.isArray(v) && v.every((x) => isObj(x) && typeof x.id === 'string');

export function mergeScenarioData(base: unknown, child: unknown): unknown {
  if (isObj(base) && isObj(child)) {
    const out: Obj = { ...base };
    for (const [k, v] of Object.entries(child)) out[k] = k in base ? mergeScenarioData(base[k], v) : v;
    return out;
  }
  if (isIdList(base) && isIdList(child)) {
    const byId = new Map(child.map((c) => [c.id as string, c]));
    const merged: unknown[] = [];
    for (const b of base) {
      const c = byId.get(b.id as string);
      if (!c) merged.push(b);
      else if (c.remove !== true) merged.push(mergeScenarioData(b, c));
    }
    const known = new Set(base.map((b) => b.id));
    for (const c of child) if (!known.has(c.id) && c.remove !== true) merged.push(c);
    return merged;
  }
  return child;
}

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
  const base = await resolve(got.text, got.file, read, [...seen, file]);
  if ('errors' in base) return { errors: base.errors, warnings: [...warnings, ...base.warnings] };
  const { extends: _, ...own } = value;
  const merged = mergeScenarioData(base.value, own);
  const mine = stamp(locate, file);
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

const stamp =
  (locate: Locate, file: string): Locate =>
  (path, part) => ({ ...locate(path, part), file: locate(path, part).file ?? file });

/** Load scenario text that may extend a base; the merged scenario is checked as a whole. */
export async function loadScenarioWithBase(text: string, file: string, read?: ReadBase): Promise<LoadResult<Scenario>> {
  const layer = await resolve(text, file, read, []);
  if ('errors' in layer) return { ok: false, errors: layer.errors.sort(byPosition), warnings: layer.warnings };
  return validateScenario(layer.value, layer.locate, file, layer.warnings);
}
