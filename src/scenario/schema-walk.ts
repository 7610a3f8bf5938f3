// Reading the scenario JSON Schema from code: find the schema of a field by path, and
// say in plain words what a field accepts. Shared by the loader's hints ("add
// `costPerLevel:` with a whole number from 0 to 1000") and the generated format docs.
import { z } from 'zod';
import type { DataPath } from './diagnostics.ts';
import type { JsonSchema } from './json-schema.ts';
import { Id } from './schema.ts';

/** The id pattern as it appears in the JSON Schema, so id fields can be named "an id". */
const ID_PATTERN = (z.toJSONSchema(Id) as JsonSchema).pattern;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path` inside parsed data (own properties only), or undefined. */
export function valueAt(data: unknown, path: DataPath): unknown {
  let v = data;
  for (const seg of path) {
    if (Array.isArray(v) && typeof seg === 'number') v = v[seg];
    else if (isObject(v) && Object.hasOwn(v, seg)) v = v[seg];
    else return undefined;
  }
  return v;
}

/** The variants of a union (oneOf/anyOf), each with its discriminating `type` value. */
export function variants(s: JsonSchema): { tag: string; schema: JsonSchema }[] {
  return (s.oneOf ?? s.anyOf ?? []).map((v) => ({ tag: String(v.properties?.type?.const ?? '?'), schema: v }));
}

/** Picks the union variant that the data's `type` field names; unions stay unresolved otherwise. */
function resolve(s: JsonSchema, data: unknown): JsonSchema {
  const type = isObject(data) ? data.type : undefined;
  return variants(s).find((v) => v.tag === type)?.schema ?? s;
}

function child(s: JsonSchema, seg: string | number): JsonSchema | undefined {
  if (s.properties && Object.hasOwn(s.properties, seg)) return s.properties[seg];
  if (Array.isArray(s.items)) return typeof seg === 'number' ? s.items[seg] : undefined;
  if (s.items) return s.items;
  if (typeof s.additionalProperties === 'object') return s.additionalProperties;
  return undefined;
}

/** The schema describing the value at `path` (data picks union variants on the way). */
export function schemaAt(root: JsonSchema, path: DataPath, data: unknown): JsonSchema | undefined {
  let s: JsonSchema | undefined = root;
  for (let i = 0; i < path.length && s; i++) s = child(resolve(s, valueAt(data, path.slice(0, i))), path[i]!);
  return s && resolve(s, valueAt(data, path));
}

/** 12345678 → "12,345,678": big bounds are easier to read grouped. */
export function formatNumber(n: number): string {
  if (!Number.isInteger(n) || Math.abs(n) < 10_000) return String(n);
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** " from 0 to 1", " of at least 1", "" … */
export function rangeText(s: JsonSchema): string {
  const lo = s.minimum ?? s.exclusiveMinimum;
  const hi = s.maximum ?? s.exclusiveMaximum;
  const loWord = s.exclusiveMinimum !== undefined ? 'above ' : '';
  const hiWord = s.exclusiveMaximum !== undefined ? 'below ' : '';
  if (lo !== undefined && hi !== undefined) return ` from ${loWord}${formatNumber(lo)} to ${hiWord}${formatNumber(hi)}`;
  if (lo !== undefined) return ` of at least ${formatNumber(lo)}`;
  if (hi !== undefined) return ` of at most ${formatNumber(hi)}`;
  return '';
}

/** What a field accepts, in words an instructor reads: "a whole number from 1 to 240". */
export function typeText(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return `one of: ${s.enum.map((v) => String(v)).join(', ')}`;
  if (s.oneOf || s.anyOf) return `one of the types: ${variants(s).map((v) => v.tag).join(', ')}`;
  switch (s.type) {
    case 'integer':
      return `a whole number${rangeText(s)}`;
    case 'number':
      return `a number${rangeText(s)}`;
    case 'boolean':
      return 'true or false';
    case 'string':
      return s.pattern === ID_PATTERN ? 'an id (lower-case letters, digits, - and _)' : 'text';
    case 'array':
      return Array.isArray(s.items) ? `a list of ${s.items.length} items` : 'a list';
    case 'object':
      return s.properties ? 'a group of fields' : 'a group of named entries';
    default:
      return 'a value';
  }
}

/** The field names a block accepts (for "unknown field … did you mean"). */
export function fieldNames(s: JsonSchema | undefined): string[] {
  return Object.keys(s?.properties ?? {});
}
