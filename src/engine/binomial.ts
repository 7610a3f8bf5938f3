// Counts of successes without one random draw per trial: a binomial count from a single
// uniform draw (inverse CDF). A turn's work then depends on the scenario's size, not on
// how many missiles sit in a stockpile, and each count uses exactly one draw whatever
// the stock (common random numbers). Built from + − × ÷, detLn/detExp and Math.sqrt
// (correctly rounded by IEEE 754), so Node and browsers agree bit for bit.
import { detExp, detLn } from './detmath.ts';

/** Largest trial count inverted exactly; above it the normal approximation is within rounding. */
const EXACT_MAX = 2000;

/** Successes in n trials of chance p, from u uniform in [0, 1). */
export function binomialCount(n: number, p: number, u: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const q = 1 - p;
  const logP0 = n * detLn(q);
  if (n <= EXACT_MAX && logP0 > -700) {
    // Walk the CDF from k = 0: about np + a few standard deviations steps, at most n.
    let pmf = detExp(logP0);
    let cdf = pmf;
    let k = 0;
    const ratio = p / q;
    while (u >= cdf && k < n) {
      pmf *= ((n - k) / (k + 1)) * ratio;
      k += 1;
      cdf += pmf;
    }
    return k;
  }
  const k = Math.floor(n * p + normalQuantile(u) * Math.sqrt(n * p * q) + 0.5);
  return Math.min(n, Math.max(0, k));
}

/** The standard normal's quantile (Acklam's rational approximation, relative error < 1.2e-9). */
export function normalQuantile(u: number): number {
  const p = Math.min(Math.max(u, 1e-300), 1 - 1e-16);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const t = Math.sqrt(-2 * detLn(p));
    return (((((c[0]! * t + c[1]!) * t + c[2]!) * t + c[3]!) * t + c[4]!) * t + c[5]!) / ((((d[0]! * t + d[1]!) * t + d[2]!) * t + d[3]!) * t + 1);
  }
  if (p > 1 - low) {
    const t = Math.sqrt(-2 * detLn(1 - p));
    return -(((((c[0]! * t + c[1]!) * t + c[2]!) * t + c[3]!) * t + c[4]!) * t + c[5]!) / ((((d[0]! * t + d[1]!) * t + d[2]!) * t + d[3]!) * t + 1);
  }
  const t = p - 0.5;
  const r = t * t;
  return ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * t) / (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
}
