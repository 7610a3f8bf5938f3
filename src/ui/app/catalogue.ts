// The scenarios shipped with the game, bundled as text at build time and validated with
// the same loader instructors use, so a broken shipped file is reported, not played.

import type { Diagnostic } from '../../scenario/diagnostics.ts';
import { parseScenarioText } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';

export interface CatalogueEntry {
  /** Where it came from: "scenarios/tutorial.yaml" or the name of a file the player loaded. */
  file: string;
  origin: 'shipped' | 'file';
  scenario: Scenario;
}

export interface BrokenEntry {
  file: string;
  errors: Diagnostic[];
}

const texts = import.meta.glob('/scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

function build(): { entries: CatalogueEntry[]; broken: BrokenEntry[] } {
  const entries: CatalogueEntry[] = [];
  const broken: BrokenEntry[] = [];
  for (const [path, text] of Object.entries(texts)) {
    const file = path.replace(/^\//, '');
    const r = parseScenarioText(text, file);
    if (r.ok) entries.push({ file, origin: 'shipped', scenario: r.value });
    else broken.push({ file, errors: r.errors });
  }
  // Shortest first: the tutorial leads, long historical scenarios follow.
  entries.sort((a, b) => a.scenario.calendar.turns - b.scenario.calendar.turns || a.file.localeCompare(b.file));
  return { entries, broken };
}

export const shipped = build();
