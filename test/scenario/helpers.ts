// Small helpers for scenario-loading tests: build a YAML file from the mini fixture with
// one change, and find where a piece of text sits in it (1-based, like diagnostics).
import { stringify } from 'yaml';
import type { Diagnostic } from '../../src/scenario/diagnostics.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { miniInput } from '../fixtures/mini.ts';

/** The mini scenario as YAML, after `change` edits a deep copy of it. */
export function miniYaml(change: (s: ScenarioInput) => void = () => {}): string {
  const s = structuredClone(miniInput);
  change(s);
  return stringify(s);
}

/** line:column of the first occurrence of `needle` (offset into it by `skip` characters). */
export function positionOf(text: string, needle: string, skip = 0): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, at + skip).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Errors (or an empty list) from loading the mini scenario with one change. */
export function errorsOf(change: (s: ScenarioInput) => void): { text: string; errors: Diagnostic[]; warnings: Diagnostic[] } {
  const text = miniYaml(change);
  const r = parseScenarioText(text, 'mini.yaml');
  return { text, errors: r.ok ? [] : r.errors, warnings: r.warnings };
}

/** The single error at `path`, failing loudly when there is none. */
export function errorAt(errors: Diagnostic[], path: string): Diagnostic {
  const hit = errors.find((e) => e.path === path);
  if (!hit) throw new Error(`no error at ${path}; got:\n${errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`);
  return hit;
}

/** Stands in for a value of the wrong type, so tests can put bad data in a typed fixture. */
export const wrong = <T>(v: unknown): T => v as T;
