// Any structured file (scenario, replay, policy): text → syntax and safety checks →
// schema check, every problem a Diagnostic at its line and column. Never throws.
import { type ZodType, z } from 'zod';
import type { Diagnostic } from './diagnostics.ts';
import { issueDiagnostics, NO_CUSTOM_MESSAGE } from './issues.ts';
import type { JsonSchema } from './json-schema.ts';
import { type Locate, type ParseOptions, parseDataText } from './source-text.ts';

export type Structured<T> =
  | { ok: true; value: T; locate: Locate; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

const jsonSchemas = new WeakMap<ZodType, JsonSchema>();

/** JSON Schema of a zod schema (for wording messages), computed once per schema. */
export function jsonSchemaOf(schema: ZodType): JsonSchema {
  let js = jsonSchemas.get(schema);
  if (!js) {
    js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    jsonSchemas.set(schema, js);
  }
  return js;
}

export function parseStructured<T>(
  text: string,
  file: string,
  schema: ZodType<T>,
  opts: ParseOptions & { what: string; jsonSchema?: JsonSchema },
): Structured<T> {
  const parsed = parseDataText(text, file, opts);
  if (!parsed.ok) return parsed;
  const { value, locate, warnings } = parsed;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const p = locate([]);
    return {
      ok: false,
      errors: [{ file, ...p, path: '', message: `this is not ${opts.what}: it should be a set of named fields`, severity: 'error' }],
      warnings,
    };
  }
  const result = schema.safeParse(value, { error: () => NO_CUSTOM_MESSAGE });
  if (!result.success) {
    const ctx = { file, data: value, schema: opts.jsonSchema ?? jsonSchemaOf(schema), locate };
    return { ok: false, errors: result.error.issues.flatMap((i) => issueDiagnostics(i, ctx)), warnings };
  }
  return { ok: true, value: result.data, locate, warnings };
}
