// Every shipped scenario loads cleanly and carries what a historical scenario needs.
import { describe, expect, it } from 'vitest';
import { calibrated, scenarioOf, shipped } from './shipped.ts';

const where = (d: { line: number; column: number; message: string }) => `${d.line}:${d.column} ${d.message}`;

describe('shipped scenarios', () => {
  it('include the historical scenarios of the library', () => {
    const ids = shipped.map((s) => s.scenario?.id);
    for (const id of ['2019-2020-exchange-era', '2022-year-of-missiles', '2023-2025-wallets-bridges', 'defence-espionage'])
      expect(ids).toContain(id);
  });

  describe.each(shipped.map((s) => [s.name, s] as const))('%s', (_name, s) => {
    it('loads with no errors and no warnings', () => {
      expect(s.errors.map(where)).toEqual([]);
      expect(s.warnings.map(where)).toEqual([]);
    });

    it('starts with the schema line editors use', () => {
      expect(s.text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scenario.schema.json');
    });

    it('has the policies "none" and "historical", a briefing and objectives', () => {
      const sc = scenarioOf(s);
      expect(Object.keys(sc.policies)).toEqual(expect.arrayContaining(['none', 'historical']));
      expect(sc.briefing.situation.length).toBeGreaterThan(100);
      expect(sc.briefing.objectives).toBeTruthy();
      expect(sc.objectives.length).toBeGreaterThan(0);
    });
  });

  it.each(calibrated.map((s) => [s.name, s] as const))('%s: calibration bands are [low, high] around a positive range', (_n, s) => {
    for (const c of scenarioOf(s).calibration ?? []) {
      expect(c.band[0]).toBeLessThan(c.band[1]);
      expect(c.documented.note, `${c.metric} needs a note saying whose figure and how it was derived`).toBeTruthy();
    }
  });
});
