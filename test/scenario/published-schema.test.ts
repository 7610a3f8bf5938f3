// The JSON Schema editors use (scenarios/scenario.schema.json), checked with a standard
// validator (ajv, draft-07) the way yaml-language-server applies it: complete scenarios and
// partial files that extend a base must both pass; mistakes must not.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EXAMPLE_SCENARIO_YAML } from '../../src/scenario/docs-example.ts';
import { miniInput } from '../fixtures/mini.ts';

const root = join(import.meta.dirname, '..', '..');
const published = JSON.parse(readFileSync(join(root, 'scenarios', 'scenario.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
const validate = ajv.compile(published);
const errors = (data: unknown) => (validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
const yamlOf = (path: string) => parse(readFileSync(path, 'utf8'));
const mistakes = join(root, 'test', 'fixtures', 'mistakes');

describe('the published JSON Schema, with ajv', () => {
  it('compiles in strict mode (only standard draft-07 keywords)', () => {
    expect(typeof validate).toBe('function');
  });

  it.each(readdirSync(join(root, 'scenarios')).filter((f) => f.endsWith('.yaml')))('accepts the shipped scenario %s', (f) => {
    expect(errors(yamlOf(join(root, 'scenarios', f)))).toEqual([]);
  });

  it('accepts the documented example and the test scenario', () => {
    expect(errors(parse(EXAMPLE_SCENARIO_YAML))).toEqual([]);
    expect(errors(miniInput)).toEqual([]);
  });

  it('accepts partial files that extend a base (they were all flagged before)', () => {
    const partial = readdirSync(mistakes).filter((f) => f !== 'course.yaml' && f !== '06-vulnerability-thirty.yaml');
    expect(partial.length).toBeGreaterThan(10);
    for (const f of partial) expect([f, errors(yamlOf(join(mistakes, f)))]).toEqual([f, []]);
  });

  it('still flags what an editor should flag in a partial file', () => {
    expect(errors(yamlOf(join(mistakes, '06-vulnerability-thirty.yaml')))).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\/events\/random\/0\/effects\/0\/add must be <= 5/)]),
    );
    expect(errors({ extends: './base.yaml', titel: 'x' })).toEqual(expect.arrayContaining([' must NOT have additional properties']));
    expect(errors({ extends: './base.yaml', levers: [{ costPerLevel: 1 }] })).toEqual(
      expect.arrayContaining(["/levers/0 must have required property 'id'"]),
    );
    // Lists without ids replace the base's, so their items must be complete.
    expect(errors({ extends: './base.yaml', levers: [{ id: 'x', effects: [{ type: 'defense' }] }] }).length).toBeGreaterThan(0);
    expect(errors({ extends: './base.yaml', levers: [{ id: 'x', remove: false }] }).length).toBeGreaterThan(0);
  });

  it('requires every field of a file that does not extend another', () => {
    const { levers: _, ...withoutLevers } = miniInput;
    expect(errors(withoutLevers)).toEqual(expect.arrayContaining([" must have required property 'levers'"]));
    expect(errors({ ...miniInput, levers: [{ id: 'x', remove: true }] }).length).toBeGreaterThan(0);
  });
});
