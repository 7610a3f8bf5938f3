// A minimal JSON Schema (draft-07) validator for the keywords zod emits, so tests can
// check that the exported schema accepts valid scenarios and rejects invalid ones the
// way an editor would, without adding a dependency.
import type { JsonSchema } from '../../src/scenario/json-schema.ts';

export const DRAFT_07_KEYWORDS = new Set(
  (
    '$schema $id $ref $comment title description default readOnly writeOnly examples multipleOf maximum exclusiveMaximum ' +
    'minimum exclusiveMinimum maxLength minLength pattern additionalItems items maxItems minItems uniqueItems contains ' +
    'maxProperties minProperties required additionalProperties definitions properties patternProperties dependencies ' +
    'propertyNames const enum type format contentMediaType contentEncoding if then else allOf anyOf oneOf not'
  ).split(' '),
);

/** Every keyword used anywhere in the schema (field names under `properties` excluded). */
export function keywordsOf(s: JsonSchema, out = new Set<string>()): Set<string> {
  for (const [k, v] of Object.entries(s)) {
    out.add(k);
    if (k === 'properties' || k === 'definitions') for (const sub of Object.values(v as Record<string, JsonSchema>)) keywordsOf(sub, out);
    else if (['items', 'allOf', 'anyOf', 'oneOf'].includes(k) && Array.isArray(v)) for (const sub of v as JsonSchema[]) keywordsOf(sub, out);
    else if (['items', 'additionalProperties', 'additionalItems', 'propertyNames', 'not'].includes(k) && typeof v === 'object')
      keywordsOf(v as JsonSchema, out);
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOk(type: string, v: unknown): boolean {
  if (type === 'integer') return Number.isInteger(v);
  if (type === 'number') return typeof v === 'number';
  if (type === 'object') return isObject(v);
  if (type === 'array') return Array.isArray(v);
  if (type === 'null') return v === null;
  return typeof v === type;
}

/** Problems found, as "path: keyword" strings; empty when the value is valid. */
export function validate(s: JsonSchema, v: unknown, path = '$'): string[] {
  const out: string[] = [];
  const fail = (k: string) => out.push(`${path}: ${k}`);
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (types.length > 0 && !types.some((t) => typeOk(t, v))) return [`${path}: type`];
  if (s.const !== undefined && v !== s.const) fail('const');
  if (s.enum && !s.enum.includes(v)) fail('enum');
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) fail('minimum');
    if (s.maximum !== undefined && v > s.maximum) fail('maximum');
    if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) fail('exclusiveMinimum');
    if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) fail('exclusiveMaximum');
  }
  if (typeof v === 'string') {
    const length = [...v].length;
    if (s.minLength !== undefined && length < s.minLength) fail('minLength');
    if (s.maxLength !== undefined && length > s.maxLength) fail('maxLength');
    if (s.pattern !== undefined && !new RegExp(s.pattern).test(v)) fail('pattern');
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) fail('minItems');
    if (s.maxItems !== undefined && v.length > s.maxItems) fail('maxItems');
    v.forEach((item, i) => {
      const sub = Array.isArray(s.items) ? s.items[i] : s.items;
      if (sub) out.push(...validate(sub, item, `${path}[${i}]`));
      else if (Array.isArray(s.items) && s.additionalItems === false) fail('additionalItems');
    });
  }
  if (isObject(v)) {
    for (const r of s.required ?? []) if (!Object.hasOwn(v, r)) fail(`required ${r}`);
    for (const [k, item] of Object.entries(v)) {
      if (s.propertyNames) out.push(...validate(s.propertyNames, k, `${path}.${k} (name)`));
      const sub = s.properties && Object.hasOwn(s.properties, k) ? s.properties[k] : undefined;
      if (sub) out.push(...validate(sub, item, `${path}.${k}`));
      else if (s.additionalProperties === false) fail(`additionalProperties ${k}`);
      else if (typeof s.additionalProperties === 'object') out.push(...validate(s.additionalProperties, item, `${path}.${k}`));
    }
  }
  if (s.oneOf && s.oneOf.filter((o) => validate(o, v, path).length === 0).length !== 1) fail('oneOf');
  if (s.anyOf && !s.anyOf.some((o) => validate(o, v, path).length === 0)) fail('anyOf');
  for (const sub of s.allOf ?? []) out.push(...validate(sub, v, path));
  return out;
}
