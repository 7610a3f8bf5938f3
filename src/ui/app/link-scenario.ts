// Share links name their scenario by id and content hash (and a same-site path for one
// loaded from an address). These find it among the scenarios this page knows, or fetch it
// from this site; a scenario loaded from a file on someone's computer cannot travel in a link.
import { scenarioHash } from '../../engine/replay.ts';
import type { ResolveScenario } from '../../io/share-link.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { CatalogueEntry } from './catalogue.ts';
import { fetchScenario } from './url-scenario.ts';

/** Entries loaded from an address on this site are named by their path ("/courses/week3.yaml"). */
const isSitePath = (e: CatalogueEntry) => e.origin === 'file' && e.file.startsWith('/');

export function shareSourceOf(entries: readonly CatalogueEntry[], s: Scenario): { shipped: boolean; path?: string } {
  const hash = scenarioHash(s);
  const same = entries.filter((e) => e.scenario.id === s.id && scenarioHash(e.scenario) === hash);
  if (same.some((e) => e.origin === 'shipped')) return { shipped: true };
  const site = same.find(isSitePath);
  return site ? { shipped: false, path: site.file } : { shipped: false };
}

export function linkResolver(entries: () => readonly CatalogueEntry[], base: string): ResolveScenario {
  return async (ref) => {
    const known = entries().filter((e) => e.scenario.id === ref.id);
    const exact = known.find((e) => scenarioHash(e.scenario) === ref.hash);
    if (exact) return { ok: true, scenario: exact.scenario };
    if (ref.path) {
      const fetched = await fetchScenario(ref.path, { base });
      if (fetched.ok) return { ok: true, scenario: fetched.scenario };
      return { ok: false, message: `the run's scenario could not be loaded from ${ref.path}: ${fetched.lines.join(' ')}` };
    }
    if (known[0]) return { ok: true, scenario: known[0].scenario }; // the hash check will say it changed
    return {
      ok: false,
      message: `this site has no scenario “${ref.id}” (the link was made on another site, or for a scenario loaded from a file); ask for the replay file instead.`,
    };
  };
}
