// Authors' working notes (`authorNote` on sources and figures): never shown to students,
// listed for authors and reviewers by `cashout check --notes`.
import type { Scenario } from './schema.ts';

export interface AuthorNote {
  /** Where the note sits, as a path through the scenario (e.g. "sources.s66-yen-history"). */
  path: string;
  text: string;
}

export function authorNotes(scenario: Scenario): AuthorNote[] {
  const out: AuthorNote[] = [];
  const walk = (v: unknown, path: string) => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
    } else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'authorNote' && typeof x === 'string') out.push({ path: path || '(top level)', text: x });
        else walk(x, path ? `${path}.${k}` : k);
      }
  };
  walk(scenario, '');
  return out;
}
