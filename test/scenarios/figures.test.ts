// No real-world number in a shipped scenario lacks a source. The parsed data is walked
// generically, so a field added to the format later is covered without changing this test.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { type Found, walk } from './figure-walk.ts';
import { scenarioOf, shipped } from './shipped.ts';

/**
 * Money, recognised without a list of fields: any amount of 10,000 or more (no count,
 * share or exchange rate in a scenario comes near it) and every documented figure for a
 * *Usd calibration metric.
 */
function isMoney(s: Scenario, f: Found): boolean {
  if (Math.abs(f.value.value as number) >= 10_000) return true;
  const m = /^calibration\[(\d+)\]\.documented$/.exec(f.path);
  return m !== null && (s.calibration?.[Number(m[1])]?.metric.endsWith('Usd') ?? false);
}

describe.each(shipped.map((s) => [s.name, s] as const))('%s', (_name, s) => {
  const sc = scenarioOf(s);
  const { figures, sourceRefs } = walk(sc);

  it('has Figures to check (the walk finds them)', () => {
    expect(figures.length).toBeGreaterThan(5);
  });

  it('gives every real-world Figure a source listed under `sources`', () => {
    const bad = figures
      .filter((f) => f.value.confidence !== 'assumption')
      .filter((f) => typeof f.value.source !== 'string' || !Object.hasOwn(sc.sources, f.value.source))
      .map((f) => `${f.path} (${String(f.value.source)})`);
    expect(bad).toEqual([]);
  });

  it('explains every game-design Figure in a note', () => {
    const bare = figures.filter((f) => f.value.confidence === 'assumption' && !f.value.note).map((f) => f.path);
    expect(bare).toEqual([]);
  });

  it('gives every money Figure a currency', () => {
    const bad = figures.filter((f) => isMoney(sc, f) && f.value.currency === undefined).map((f) => f.path);
    expect(bad).toEqual([]);
  });

  it('resolves every `source` reference (levers, events, channels, objectives …)', () => {
    const bad = sourceRefs.filter((r) => !Object.hasOwn(sc.sources, r.key)).map((r) => `${r.path} → ${r.key}`);
    expect(bad).toEqual([]);
  });

  it('lists each source with publisher, title and a date', () => {
    for (const [key, src] of Object.entries(sc.sources)) {
      expect(src.publisher, key).toBeTruthy();
      expect(src.title, key).toBeTruthy();
      expect(src.date, key).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
  });
});

describe('the Figure walk', () => {
  it('finds Figures in fields it was not told about', () => {
    const sc = structuredClone(scenarioOf(shipped[0]!)) as Scenario & { extra?: unknown };
    sc.extra = { deep: [{ amount: { value: 5e6, confidence: 'documented' } }] };
    const { figures } = walk(sc);
    expect(figures.map((f) => f.path)).toContain('extra.deep[0].amount');
  });
});
