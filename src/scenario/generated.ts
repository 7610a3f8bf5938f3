// The files generated from the scenario schema, as (path, content) pairs. Pure: no file
// system, so the up-to-date test and write-generated.ts share exactly one definition.
import { scenarioFormatMarkdown } from './docs.ts';
import { publishedScenarioSchema } from './json-schema-published.ts';

export const REGENERATE_COMMAND = 'npx tsx src/scenario/write-generated.ts';

export interface GeneratedFile {
  /** Relative to the repository root. */
  path: string;
  content: string;
}

export function generatedFiles(): GeneratedFile[] {
  return [
    { path: 'scenarios/scenario.schema.json', content: `${JSON.stringify(publishedScenarioSchema(), null, 2)}\n` },
    { path: 'docs/scenario-format.md', content: scenarioFormatMarkdown() },
  ];
}
