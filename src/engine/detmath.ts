// Deterministic transcendental functions built from + - * / only.
//
// IEEE-754 guarantees bit-identical results for the basic operations, but not for
// Math.log/exp/pow, whose last bit may differ between the V8 in Node and the one in
// Chromium. Every transcendental value that shapes an outcome goes through these so
// that a seeded run is byte-identical everywhere (DESIGN.md, Determinism).

// Math.LN2 is a constant (0.6931471805599453), not a computed value, so it is safe here.
const LN2 = Math.LN2;

/** Natural logarithm for x > 0. */
export function detLn(x: number): number {
  if (!(x > 0) || !Number.isFinite(x)) throw new RangeError(`detLn needs a positive finite number, got ${x}`);
  // Reduce to m in [0.75, 1.5) with x = m * 2^k.
  let k = 0;
  let m = x;
  while (m >= 1.5) {
    m /= 2;
    k += 1;
  }
  while (m < 0.75) {
    m *= 2;
    k -= 1;
  }
  // ln(m) = 2 atanh(s), s = (m-1)/(m+1), |s| < 0.2: the series converges fast.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let term = s;
  let sum = 0;
  for (let n = 1; n < 60; n += 2) {
    const add = term / n;
    sum += add;
    if (add < 1e-18 && add > -1e-18) break;
    term *= s2;
  }
  return 2 * sum + k * LN2;
}

/** e^x for |x| < 700. */
export function detExp(x: number): number {
  if (!Number.isFinite(x) || x > 700 || x < -700) throw new RangeError(`detExp argument out of range: ${x}`);
  // x = k ln2 + r with |r| <= ln2/2; e^x = 2^k e^r.
  const k = Math.round(x / LN2);
  const r = x - k * LN2;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 40; n++) {
    term = (term * r) / n;
    sum += term;
    if (term < 1e-18 && term > -1e-18) break;
  }
  let scale = 1;
  const step = k >= 0 ? 2 : 0.5;
  for (let i = 0; i < Math.abs(k); i++) scale *= step;
  return sum * scale;
}

/** base^exponent for base > 0. */
export function detPow(base: number, exponent: number): number {
  if (base === 1 || exponent === 0) return 1;
  return detExp(exponent * detLn(base));
}

/** Round to a fixed number of decimals so values stored in state stay short and stable. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

export function clamp(x: number, lo: number, hi: number): number {
  return Math.min(Math.max(x, lo), hi);
}
