// The scenarios shipped in scenarios/, loaded once for the tests in this folder.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/scenario/diagnostics.ts';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

export const SCENARIO_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

export interface Shipped {
  name: string;
  path: string;
  text: string;
  scenario: Scenario | null;
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

export const shippedNames = readdirSync(SCENARIO_DIR)
  .filter((n) => /\.ya?ml$/i.test(n))
  .sort();

export const shipped: Shipped[] = await Promise.all(
  shippedNames.map(async (name) => {
    const path = join(SCENARIO_DIR, name);
    const r = await loadScenarioFile(path);
    return {
      name,
      path,
      text: readFileSync(path, 'utf8'),
      scenario: r.ok ? r.value : null,
      errors: r.ok ? [] : r.errors,
      warnings: r.warnings,
    };
  }),
);

/** The loaded scenario, failing the calling test loudly when it did not load. */
export function scenarioOf(s: Shipped): Scenario {
  if (!s.scenario) throw new Error(`${s.name} did not load:\n${s.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join('\n')}`);
  return s.scenario;
}

export const calibrated = shipped.filter((s) => (s.scenario?.calibration?.length ?? 0) > 0);
