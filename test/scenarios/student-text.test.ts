// What students read about sources carries the citation and what the source says, never
// the authors' working notes (checks to do, calibration.md keys, doubts about quality):
// those live in `authorNote`, which only `cashout check --notes` lists.
import { describe, expect, it } from 'vitest';
import { authorNotes } from '../../src/scenario/author-notes.ts';
import { cli } from '../cli/harness.ts';
import { shipped } from './shipped.ts';

const WORKING_NOTE = /calibration\.md|\bverify\b|low[- ]quality|as listed in|\bS\d{1,2}\b|\bassumed\b/i;

describe('students’ text about sources', () => {
  for (const { name, scenario } of shipped) {
    it(`${name}: citations, notes and the exchange rate read as finished text`, () => {
      if (!scenario) throw new Error(`${name} does not load`);
      const shown: [string, string][] = [];
      for (const [key, src] of Object.entries(scenario.sources))
        for (const part of [src.publisher, src.title, src.note]) if (part) shown.push([`sources.${key}`, part]);
      if (scenario.currency.usdJpy.note) shown.push(['currency.usdJpy', scenario.currency.usdJpy.note]);
      expect(shown.filter(([, t]) => WORKING_NOTE.test(t))).toEqual([]);
    });
  }

  for (const { name, scenario } of shipped) {
    it(`${name}: nothing else students read mentions the authors' working files`, () => {
      if (!scenario) throw new Error(`${name} does not load`);
      // Everything shown in the game: all text but authors' notes and the calibration
      // entries (which feed docs/calibration.md, an authors' document).
      const found: string[] = [];
      const walk = (v: unknown, path: string): void => {
        if (Array.isArray(v)) {
          for (const [i, x] of v.entries()) walk(x, `${path}[${i}]`);
        } else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) if (k !== 'authorNote' && k !== 'calibration') walk(x, path ? `${path}.${k}` : k);
        } else if (typeof v === 'string' && /calibration\.md|low[- ]quality|as listed in/i.test(v)) found.push(`${path}: ${v}`);
      };
      walk(scenario, '');
      expect(found).toEqual([]);
    });
  }

  it('keeps the working notes for authors, and `check --notes` lists them', async () => {
    const { path: file, scenario } = shipped.find((s) => s.scenario?.id === 'tutorial')!;
    const notes = authorNotes(scenario!);
    expect(notes.some((n) => n.path === 'currency.usdJpy' && /verify/.test(n.text))).toBe(true);
    const plain = await cli('check', file);
    expect(plain.out).not.toContain('note for authors');
    const listed = await cli('check', '--notes', file);
    expect(listed.code).toBe(0);
    expect(listed.out).toContain(`note for authors at currency.usdJpy: ${notes.find((n) => n.path === 'currency.usdJpy')!.text}`);
  });
});
