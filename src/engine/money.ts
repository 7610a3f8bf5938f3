// Money: whole US dollars inside the engine; scenario figures may be in yen.
import type { FigureDef, Scenario } from '../scenario/schema.ts';

/** A money figure in whole US dollars, converted with the scenario's yen rate. */
export function toUsd(figure: FigureDef, scenario: Scenario): number {
  if (figure.currency === 'JPY') return Math.round(figure.value / scenario.currency.usdJpy.value);
  return Math.round(figure.value);
}

export function usdToYen(usd: number, scenario: Scenario): number {
  return Math.round(usd * scenario.currency.usdJpy.value);
}

/** Split an integer amount by weights with the largest-remainder method (sums exactly). */
export function splitByWeights(amount: number, weights: number[]): number[] {
  const total = weights.reduce((a, w) => a + w, 0);
  if (total <= 0 || amount === 0) return weights.map((_, i) => (i === 0 ? amount : 0));
  const raw = weights.map((w) => (amount * w) / total);
  const out = raw.map(Math.floor);
  let rest = amount - out.reduce((a, x) => a + x, 0);
  const order = raw
    .map((r, i) => ({ i, frac: r - Math.floor(r) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k]!.i]! += 1;
  return out;
}
