// The scenario format as JSON Schema (draft-07, the dialect editors support best), made
// from the zod schema so the two can never disagree. yaml-language-server uses it for
// completion and red squiggles; docs.ts and the loader's hints read it too.
import { z } from 'zod';
import { ScenarioSchema } from './schema.ts';

/** The subset of JSON Schema that zod emits for the scenario format. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  items?: JsonSchema | JsonSchema[];
  additionalItems?: boolean | JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  definitions?: Record<string, JsonSchema>;
  $ref?: string;
  if?: JsonSchema;
  then?: JsonSchema;
  else?: JsonSchema;
}

export const SCENARIO_SCHEMA_ID = 'urn:cashout:scenario-format:1';

const BOUNDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;

/**
 * schema.ts writes bounded numbers as `z.number().refine(…).pipe(z.number().min().max())`.
 * With io: 'input' zod describes only the input side of a pipe and drops the bounds, so
 * copy them back from the output side: editors and docs should show "0 to 1".
 */
function keepPipeBounds(ctx: { zodSchema: unknown; jsonSchema: Record<string, unknown> }): void {
  const s = ctx.zodSchema;
  if (!(s instanceof z.ZodPipe) || !(s.out instanceof z.ZodNumber)) return;
  const out = z.toJSONSchema(s.out, { target: 'draft-7' }) as Record<string, unknown>;
  for (const k of BOUNDS) if (typeof out[k] === 'number') ctx.jsonSchema[k] = out[k];
}

let cached: JsonSchema | undefined;

/** The JSON Schema of a scenario file as an author writes it (defaulted fields optional). */
export function scenarioJsonSchema(): JsonSchema {
  cached ??= build();
  // A fresh copy each time: callers may annotate or serialise it without sharing state.
  return structuredClone(cached);
}

function build(): JsonSchema {
  const generated = z.toJSONSchema(ScenarioSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    override: keepPipeBounds,
  }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'Cashout scenario',
    description:
      'A scenario for Cashout, the cyber-sanctions tabletop simulation. See docs/scenario-format.md; check a file with `npx cashout check FILE`.',
    ...rest,
  };
}
