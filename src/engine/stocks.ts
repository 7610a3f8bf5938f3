// Stocks that levers build over months: defences per (sector, method) cell, pressure on
// the adversary's capability, pressure on the regime's income streams. Funding sets a
// target; the stock follows it in two stages (a posture set this month bites from next
// month at about build² of its strength), erodes at the decay rate when funding stops,
// and acts with diminishing returns: effect = stock / (1 + stock).
import { round6 } from './detmath.ts';

/** A stock and the half-built stage in front of it. Plain arrays: one entry per cell/stream. */
export interface StockPair {
  pending: number[];
  stock: number[];
}

/** Highest share of attempts any defence can block: someone always clicks. */
export const MAX_BLOCK = 0.9;

/** Diminishing returns: 1 unit of stock → 50 %, 2 → 67 %, 3 → 75 %. */
export function saturate(stock: number): number {
  return stock > 0 ? round6(stock / (1 + stock)) : 0;
}

export function blockOf(stock: number): number {
  const b = saturate(stock);
  return b > MAX_BLOCK ? MAX_BLOCK : b;
}

function toward(x: number, target: number, build: number, decay: number): number {
  const rate = target >= x ? build : decay;
  return round6(x + rate * (target - x));
}

/**
 * One month. Building: pending moves toward the funded target, then the stock toward
 * pending. Eroding (funding below the stock): both erode straight toward the target, so
 * work already in hand does not keep a posture growing after its funding stops.
 */
export function stepStocks(pair: StockPair, targets: readonly number[], build: number, decay: number): StockPair {
  const n = targets.length;
  const pending = new Array<number>(n);
  const stock = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const t = targets[i]!;
    const s = pair.stock[i] ?? 0;
    if (t < s) {
      pending[i] = toward(pair.pending[i] ?? 0, t, build, decay);
      stock[i] = toward(s, t, build, decay);
      continue;
    }
    const p = toward(pair.pending[i] ?? 0, t, build, decay);
    pending[i] = p;
    stock[i] = toward(s, p, build, decay);
  }
  return { pending, stock };
}

export function zeroStocks(n: number): StockPair {
  return { pending: new Array<number>(n).fill(0), stock: new Array<number>(n).fill(0) };
}

/**
 * Evasion of a held measure: grows by `rate` of the gap to `max` each month the measure
 * is held, and fades by `rate` of itself once it is lifted.
 */
export function stepEvasion(e: number, held: boolean, rate: number, max: number): number {
  return round6(held ? e + rate * (max - e) : e - rate * e);
}
