// Zod's validation issues in words an instructor understands, each at the position of the
// node it concerns. Messages say what is wrong and what to write instead; schema.ts's own
// messages (regex hints, "needs a source") are kept, with the offending value appended.
import type { z } from 'zod';
import type { DataPath, Diagnostic, PathSegment } from './diagnostics.ts';
import { formatPath } from './diagnostics.ts';
import type { JsonSchema } from './json-schema.ts';
import { fieldNames, formatNumber, schemaAt, typeText, valueAt, variants } from './schema-walk.ts';
import type { Locate } from './source-text.ts';
import { didYouMean, listOf } from './suggest.ts';

type Issue = z.core.$ZodIssue;

/**
 * Passed to safeParse as the per-parse error map. Zod lets schema-level messages win over
 * it, so an issue still carrying this marker has no hand-written message in schema.ts.
 */
export const NO_CUSTOM_MESSAGE = '\u0000cashout:no-custom-message';

export interface IssueContext {
  file: string;
  data: unknown;
  schema: JsonSchema;
  locate: Locate;
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'text',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'a group of fields (indented `name: value` lines)',
  record: 'a group of fields (indented `name: value` lines)',
};

/** The value as an author would recognise it in their file. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'an empty value';
  if (typeof v === 'string') return v === '' ? 'empty text' : `text (${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)})`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  return 'a group of fields';
}

/** Strings quoted as written ("defence"), everything else described. */
const shown = (v: unknown) => (typeof v === 'string' && v !== '' ? JSON.stringify(v) : describeValue(v));
const isScalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const plural = (n: number, word: string) => `${formatNumber(n)} ${word}${n === 1 ? '' : 's'}`;

export function issueDiagnostics(issue: Issue, ctx: IssueContext): Diagnostic[] {
  const path = issue.path.filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
  const at = (where: DataPath, message: string, shownPath: DataPath = where, part?: 'key'): Diagnostic => {
    const p = ctx.locate(where, part);
    return { file: p.file ?? ctx.file, line: p.line, column: p.column, path: formatPath(shownPath), message, severity: 'error' };
  };

  if (issue.code === 'unrecognized_keys') {
    const here = schemaAt(ctx.schema, path, ctx.data);
    const present = Object.keys((valueAt(ctx.data, path) as object | undefined) ?? {});
    const known = fieldNames(here);
    const unused = known.filter((k) => !present.includes(k));
    return issue.keys.map((key) => {
      const hint = didYouMean(key, unused) || didYouMean(key, known);
      const fix = hint ? `${hint}` : `; the fields allowed here are: ${listOf(known, 20)}`;
      return at([...path, key], `unknown field "${key}"${fix}`, [...path, key], 'key');
    });
  }

  const value = valueAt(ctx.data, path);
  if (issue.code === 'invalid_key') {
    const inner = issue.issues.find((i) => i.message !== NO_CUSTOM_MESSAGE)?.message ?? 'it has the wrong format';
    return [at(path, `the name "${String(path.at(-1))}" cannot be used here: ${inner}`, path, 'key')];
  }
  if (issue.code === 'custom') return [at(path, withValue(issue.message, value))];

  let field = schemaAt(ctx.schema, path, ctx.data);
  if (issue.code === 'invalid_union') field = { enum: unionTags(path, ctx) };
  if (value === undefined && path.length > 0) return [missingField(path, field, at)];
  if (issue.message !== NO_CUSTOM_MESSAGE) return [at(path, withValue(issue.message, value))];
  return [at(path, translate(issue, value, field, path, ctx))];
}

/** The `type` values a union accepts; `path` is the union's discriminator field. */
function unionTags(path: DataPath, ctx: IssueContext): string[] {
  return variants(schemaAt(ctx.schema, path.slice(0, -1), ctx.data) ?? {}).map((v) => v.tag);
}

function withValue(message: string, value: unknown): string {
  return isScalar(value) ? `${message} (got ${shown(value)})` : message;
}

function missingField(
  path: DataPath,
  field: JsonSchema | undefined,
  at: (where: DataPath, message: string, shown?: DataPath) => Diagnostic,
): Diagnostic {
  const name = String(path.at(-1));
  const what = field ? typeText(field) : 'a value';
  const why = field?.description ? ` (${field.description.replace(/\.$/, '')})` : '';
  return at(path.slice(0, -1), `missing field "${name}": add \`${name}:\` with ${what}${why}`, path);
}

function translate(issue: Issue, value: unknown, field: JsonSchema | undefined, path: DataPath, ctx: IssueContext): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = field && field.type !== undefined ? typeText(field) : (EXPECTED[issue.expected] ?? issue.expected);
      return `expected ${expected}, got ${describeValue(value)}`;
    }
    case 'too_small':
      return tooSmall(issue, value);
    case 'too_big':
      return tooBig(issue, value);
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      if (allowed.length === 1) return `must be ${JSON.stringify(issue.values[0])}, got ${describeValue(value)}`;
      const hint = typeof value === 'string' ? didYouMean(value, allowed) : '';
      return `${shown(value)} is not allowed here${hint}; use one of: ${allowed.join(', ')}`;
    }
    case 'invalid_union': {
      // Discriminated unions (lever and event effects) report the bad `type` value.
      const tags = unionTags(path, ctx);
      if (issue.discriminator && tags.length > 0) {
        const hint = typeof value === 'string' ? didYouMean(value, tags) : '';
        return `unknown ${issue.discriminator} ${shown(value)}${hint}; use one of: ${tags.join(', ')}`;
      }
      return `${describeValue(value)} does not match any of the allowed forms`;
    }
    case 'invalid_format':
      return `${describeValue(value)} has the wrong format${issue.pattern ? ` (it must match ${issue.pattern})` : ''}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}, got ${describeValue(value)}`;
    default:
      return `${describeValue(value)} is not valid here`;
  }
}

function tooSmall(issue: z.core.$ZodIssueTooSmall, value: unknown): string {
  const min = Number(issue.minimum);
  if (issue.origin === 'string') return min <= 1 ? 'must not be empty' : `must be at least ${plural(min, 'character')} long`;
  if (issue.origin === 'array' || issue.origin === 'set') {
    const n = Array.isArray(value) ? value.length : 0;
    return `needs at least ${plural(min, 'item')} (it has ${n})`;
  }
  return `must be ${issue.inclusive === false ? 'more than' : 'at least'} ${formatNumber(min)}, got ${describeValue(value)}`;
}

function tooBig(issue: z.core.$ZodIssueTooBig, value: unknown): string {
  const max = Number(issue.maximum);
  if (issue.origin === 'string') {
    const n = typeof value === 'string' ? value.length : 0;
    return `is too long: at most ${plural(max, 'character')} (it has ${formatNumber(n)})`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    const n = Array.isArray(value) ? value.length : 0;
    return `has too many items: at most ${formatNumber(max)} (it has ${formatNumber(n)})`;
  }
  return `must be ${issue.inclusive === false ? 'less than' : 'at most'} ${formatNumber(max)}, got ${describeValue(value)}`;
}
