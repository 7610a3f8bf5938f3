// Measurement helpers: wall-clock timing lives here, never in src/engine.
import { performance } from 'node:perf_hooks';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** Milliseconds per call of fn, one sample per batch of `n` calls. */
export function sample(fn: (i: number) => void, n: number, samples: number, warmup = n): number[] {
  for (let i = 0; i < warmup; i++) fn(i);
  const out: number[] = [];
  for (let k = 0; k < samples; k++) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn(k * n + i);
    out.push((performance.now() - t0) / n);
  }
  return out;
}

export const fmt = (x: number, digits = 2) => x.toFixed(digits);
