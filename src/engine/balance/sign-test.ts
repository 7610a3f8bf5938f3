// Exact sign test for paired runs (McNemar's test on the seeds where two policies differ):
// with common random numbers each seed is a matched pair, and only the seeds on which one
// policy met every objective and the other did not say anything about which is better.
import { detExp, detLn } from '../detmath.ts';

/** Significance level below which a difference counts as real rather than luck. */
export const SIGNIFICANCE = 0.05;

/** P(X ≥ k) for X ~ Binomial(n, 1/2): how often luck alone gives at least k wins of n. */
export function upperTail(k: number, n: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const ln2 = detLn(2);
  let logPmf = -n * ln2; // P(X = 0)
  let tail = 0;
  for (let i = 1; i <= n; i++) {
    logPmf += detLn(n - i + 1) - detLn(i);
    if (i >= k && logPmf > -700) tail += detExp(logPmf); // below e^-700 a term adds nothing
  }
  return Math.min(1, tail);
}

/** One-sided p-value that `wins` of `wins + losses` differing seeds is more than luck. */
export function signTestP(wins: number, losses: number): number {
  return upperTail(wins, wins + losses);
}
