// The generated files must match their generators. If this fails after changing
// schema.ts or src/scenario/docs*.ts, regenerate them:
//   npx tsx src/scenario/write-generated.ts
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_SCENARIO_YAML } from '../../src/scenario/docs-example.ts';
import { generatedFiles, REGENERATE_COMMAND } from '../../src/scenario/generated.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';

const root = join(import.meta.dirname, '..', '..');

describe('generated files', () => {
  it.each(generatedFiles().map((f) => [f.path, f.content]))('%s is up to date', async (path, content) => {
    const onDisk = await readFile(join(root, path), 'utf8').catch(() => '(missing)');
    expect(onDisk === content, `${path} is stale: run \`${REGENERATE_COMMAND}\``).toBe(true);
  });

  it('documents every top-level field of the schema', () => {
    const docs = generatedFiles().find((f) => f.path.endsWith('.md'))!.content;
    for (const field of ['format', 'levers', 'policies', 'calibration']) expect(docs).toContain(`| \`${field}\` |`);
    expect(docs).toContain('# yaml-language-server: $schema=./scenario.schema.json');
  });

  it('shows an example that loads without errors or warnings', () => {
    const r = parseScenarioText(EXAMPLE_SCENARIO_YAML, 'example.yaml');
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });
});
