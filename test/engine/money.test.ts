import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByWeights, toUsd, usdToYen } from '../../src/engine/money.ts';
import { mini } from '../fixtures/mini.ts';

describe('splitByWeights', () => {
  it('splits by the largest remainder, ties to the lower index', () => {
    expect(splitByWeights(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeights(100, [3, 1])).toEqual([75, 25]);
    expect(splitByWeights(7, [0.5, 0.25, 0.25])).toEqual([3, 2, 2]);
  });

  it('gives everything to the first entry when no weight is positive', () => {
    expect(splitByWeights(9, [0, 0])).toEqual([9, 0]);
  });

  it('gives zeros for a zero amount', () => {
    expect(splitByWeights(0, [1, 2])).toEqual([0, 0]);
  });

  const weights = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 100, noNaN: true })), {
    minLength: 1,
    maxLength: 8,
  });
  const amount = fc.integer({ min: 0, max: 10_000_000_000_000 });

  it('preserves the sum exactly and never gives a negative share (property)', () => {
    fc.assert(
      fc.property(amount, weights, (a, w) => {
        const parts = splitByWeights(a, w);
        expect(parts).toHaveLength(w.length);
        expect(parts.reduce((s, x) => s + x, 0)).toBe(a);
        for (const p of parts) {
          expect(Number.isInteger(p)).toBe(true);
          expect(p).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives 0 to zero-weight entries when some weight is positive (property)', () => {
    fc.assert(
      fc.property(amount, weights, (a, w) => {
        fc.pre(w.some((x) => x > 0));
        const parts = splitByWeights(a, w);
        w.forEach((x, i) => {
          if (x === 0) expect(parts[i]).toBe(0);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('stays within one unit of the exact proportional share (property)', () => {
    fc.assert(
      fc.property(amount, weights, (a, w) => {
        const total = w.reduce((s, x) => s + x, 0);
        fc.pre(total > 0);
        splitByWeights(a, w).forEach((p, i) => {
          expect(Math.abs(p - (a * w[i]!) / total)).toBeLessThan(1 + 1e-6);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('currency conversion', () => {
  it('converts yen figures to whole dollars with the scenario rate (130 yen/$)', () => {
    expect(toUsd({ value: 600_000_000, currency: 'JPY', confidence: 'assumption' }, mini)).toBe(4_615_385);
    expect(toUsd({ value: 4_200_000_000, currency: 'JPY', confidence: 'assumption' }, mini)).toBe(32_307_692);
  });

  it('rounds dollar figures to whole dollars', () => {
    expect(toUsd({ value: 12.6, currency: 'USD', confidence: 'assumption' }, mini)).toBe(13);
  });

  it('converts dollars to yen for display', () => {
    expect(usdToYen(1_000, mini)).toBe(130_000);
  });
});
