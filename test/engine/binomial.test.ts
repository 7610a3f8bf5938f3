import { describe, expect, it } from 'vitest';
import { binomialCount, normalQuantile } from '../../src/engine/binomial.ts';

/** Exact binomial probabilities, for comparison. */
function pmf(n: number, p: number): number[] {
  const out: number[] = [];
  let c = 1;
  for (let k = 0; k <= n; k++) {
    out.push(c * p ** k * (1 - p) ** (n - k));
    c = (c * (n - k)) / (k + 1);
  }
  return out;
}

describe('binomialCount', () => {
  it('inverts the exact CDF: over an even grid of uniforms each count appears with its probability', () => {
    const n = 12;
    const p = 0.3;
    const steps = 100_000;
    const seen = new Array<number>(n + 1).fill(0);
    for (let i = 0; i < steps; i++) seen[binomialCount(n, p, (i + 0.5) / steps)]! += 1;
    pmf(n, p).forEach((q, k) => {
      expect(seen[k]! / steps).toBeCloseTo(q, 4);
    });
  });

  it('handles the edges: no trials, no chance, certainty, and u just below 1', () => {
    expect(binomialCount(0, 0.5, 0.9)).toBe(0);
    expect(binomialCount(10, 0, 0.9)).toBe(0);
    expect(binomialCount(10, 1, 0.1)).toBe(10);
    expect(binomialCount(10, 0.5, 0.999999999999)).toBe(10);
    expect(binomialCount(10, 0.5, 0)).toBe(0);
  });

  it('grows with u (one draw decides the count monotonically, which keeps common random numbers fair)', () => {
    let last = -1;
    for (let i = 0; i < 1000; i++) {
      const k = binomialCount(500, 0.07, i / 1000);
      expect(k).toBeGreaterThanOrEqual(last);
      last = k;
    }
  });

  it('uses the normal approximation for huge stocks: right mean and spread, never outside [0, n]', () => {
    const n = 5_000_000;
    const p = 0.02;
    const mean = n * p;
    const sd = Math.sqrt(n * p * (1 - p));
    expect(binomialCount(n, p, 0.5)).toBe(Math.round(mean));
    expect(binomialCount(n, p, 0.8413447460685429)).toBeCloseTo(mean + sd, -1);
    expect(binomialCount(n, p, 1e-300)).toBeGreaterThanOrEqual(0);
    expect(binomialCount(n, 0.999999, 0.999999)).toBeLessThanOrEqual(n);
  });

  it('pins exact outputs so Node and browsers can be compared', () => {
    expect([0.1, 0.5, 0.9].map((u) => binomialCount(40, 0.25, u))).toEqual([7, 10, 14]);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.326348, 6);
  });
});
