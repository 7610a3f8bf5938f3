// Scenario text → validated Scenario, or every problem found, each at its line and column.
// Three passes, each only when the previous one succeeded (later passes need its output):
// YAML syntax and safety (source-text), the format (zod schema), then cross-references
// and game-design sanity (semantic). Works in Node and in the browser; never throws.
import { byPosition, type Diagnostic, type LoadResult } from './diagnostics.ts';
import { issueDiagnostics, NO_CUSTOM_MESSAGE } from './issues.ts';
import { scenarioJsonSchema } from './json-schema.ts';
import { type Scenario, ScenarioSchema } from './schema.ts';
import { semanticCheck } from './semantic.ts';
import { type Locate, parseDataText } from './source-text.ts';

/** Enough to fix a file in one sitting; thousands of lines of errors help nobody. */
export const MAX_REPORTED_ERRORS = 100;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseScenarioText(text: string, file: string): LoadResult<Scenario> {
  const parsed = parseDataText(text, file);
  if (!parsed.ok) return failed(parsed.errors, parsed.warnings);
  const { value, locate, warnings } = parsed;
  if (isObject(value) && typeof value.extends === 'string')
    return failed(
      [
        {
          file,
          ...locate(['extends'], 'value'),
          path: 'extends',
          message: `this scenario extends "${value.extends}", which can only be read together with it: check it with \`npx cashout check\` on disk, or load it from a URL next to its base`,
          severity: 'error',
        },
      ],
      warnings,
    );
  return validateScenario(value, locate, file, warnings);
}

/** Schema and semantic checks of parsed scenario data; `locate` may point into several files. */
export function validateScenario(value: unknown, locate: Locate, file: string, warnings: Diagnostic[] = []): LoadResult<Scenario> {
  if (!isObject(value)) {
    const what = value === null || value === undefined ? 'is empty' : 'does not start with `name: value` fields';
    return failed(
      [
        {
          file,
          ...locate([]),
          path: '',
          message: `the file ${what}; a scenario is a set of fields starting with \`format: cashout-scenario/2\` (see docs/scenario-format.md)`,
          severity: 'error',
        },
      ],
      warnings,
    );
  }

  const result = ScenarioSchema.safeParse(value, { error: () => NO_CUSTOM_MESSAGE });
  if (!result.success) {
    const ctx = { file, data: value, schema: scenarioJsonSchema(), locate };
    const errors: Diagnostic[] = [];
    let untold = 0; // past the report limit, issues are only counted, not worded
    for (const issue of result.error.issues) {
      if (errors.length <= MAX_REPORTED_ERRORS) errors.push(...issueDiagnostics(issue, ctx));
      else untold += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
    }
    return failed(errors, warnings, untold);
  }

  const found = semanticCheck(result.data, locate, file);
  const errors = found.filter((d) => d.severity === 'error');
  const allWarnings = [...warnings, ...found.filter((d) => d.severity === 'warning')].sort(byPosition);
  if (errors.length > 0) return failed(errors, allWarnings);
  return { ok: true, value: result.data, warnings: allWarnings, locate };
}

function failed(errors: Diagnostic[], warnings: Diagnostic[], untold = 0): LoadResult<Scenario> {
  const unique = dedupe(errors).sort(byPosition);
  const more = unique.length - MAX_REPORTED_ERRORS + untold;
  if (more <= 0) return { ok: false, errors: unique, warnings };
  const shown = unique.slice(0, MAX_REPORTED_ERRORS);
  const last = shown.at(-1)!;
  shown.push({
    ...last,
    path: '',
    message: `… and ${more} more problem${more === 1 ? '' : 's'}; fix the ones above and check again`,
  });
  return { ok: false, errors: shown, warnings };
}

/** One message per spot: zod can report the same problem through two routes. */
function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.line}:${d.column}:${d.path}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
