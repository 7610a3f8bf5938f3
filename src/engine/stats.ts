// Statistics over many seeded runs (balance analysis, calibration). Deterministic:
// nearest-rank percentiles over sorted values, no floating accumulation order issues.

export interface Spread {
  p5: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  mean: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function spread(values: number[]): Spread {
  const s = [...values].sort((a, b) => a - b);
  const sum = s.reduce((a, b) => a + b, 0);
  return {
    p5: percentile(s, 5),
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    min: s[0] ?? 0,
    max: s[s.length - 1] ?? 0,
    mean: s.length ? sum / s.length : 0,
  };
}

/** Histogram with `bins` equal-width bins over [lo, hi] (default: the values' own range). */
export function histogram(
  values: number[],
  bins = 20,
  range?: { lo: number; hi: number },
): { lo: number; hi: number; counts: number[] } {
  if (values.length === 0 && !range) return { lo: 0, hi: 0, counts: new Array(bins).fill(0) };
  let lo = range?.lo ?? values[0]!;
  let hi = range?.hi ?? values[0]!;
  if (!range)
    for (const v of values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  const counts = new Array<number>(bins).fill(0);
  const width = hi > lo ? (hi - lo) / bins : 1;
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]! += 1;
  return { lo, hi, counts };
}
