import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE_SCENARIO_YAML } from '../../src/scenario/docs-example.ts';
import { SCENARIO_SCHEMA_ID, scenarioJsonSchema } from '../../src/scenario/json-schema.ts';
import { miniInput } from '../fixtures/mini.ts';
import { DRAFT_07_KEYWORDS, keywordsOf, validate } from './json-schema-lite.ts';

const schema = scenarioJsonSchema();

describe('scenarioJsonSchema', () => {
  it('is plain JSON describing the scenario fields', () => {
    const json = JSON.parse(JSON.stringify(schema));
    expect(json).toEqual(schema);
    expect(json.properties.levers.type).toBe('array');
  });

  it('is a draft-07 schema with an id, a title and a description', () => {
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', $id: SCENARIO_SCHEMA_ID, title: 'Cashout scenario' });
    expect(schema.description).toMatch(/cashout check/);
  });

  it('uses only draft-07 keywords, so editors understand all of it', () => {
    expect([...keywordsOf(schema)].filter((k) => !DRAFT_07_KEYWORDS.has(k))).toEqual([]);
  });

  it('makes defaulted fields optional (input view)', () => {
    expect(schema.required).not.toContain('events');
    expect(schema.properties!.levers!.items).toMatchObject({ properties: { maxLevel: { default: 3 } } });
  });

  it('keeps the bounds of piped numbers (fractions stay 0 to 1)', () => {
    const sector = (schema.properties!.sectors!.items as { properties: Record<string, object> }).properties;
    expect(sector.stablecoinShare).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
  });

  it('accepts the mini scenario and the documented example', () => {
    expect(validate(schema, miniInput)).toEqual([]);
    expect(validate(schema, parse(EXAMPLE_SCENARIO_YAML))).toEqual([]);
  });

  it('rejects unknown fields, wrong types and unknown effect types as an editor would', () => {
    const bad = { ...miniInput, titel: 'x', calendar: { ...miniInput.calendar, turns: 'six' } };
    bad.levers = [{ ...miniInput.levers[0]!, effects: [{ type: 'defence', sector: 'bridges', perLevel: 0.2 } as never] }];
    expect(validate(schema, bad)).toEqual(
      expect.arrayContaining(['$: additionalProperties titel', '$.calendar.turns: type', '$.levers[0].effects[0]: oneOf']),
    );
  });
});
