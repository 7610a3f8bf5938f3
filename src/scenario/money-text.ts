// Money as the loader's checks compare and print it: dollars for comparisons (the engine
// converts exactly on its own), short words for messages ("$ 28 M").
import type { FigureDef, Scenario } from './schema.ts';

export type Money = FigureDef;

/** A money figure in US dollars (yen converted at the scenario's rate). */
export function moneyUsd(f: Money, s: Scenario): number {
  return f.currency === 'JPY' ? f.value / s.currency.usdJpy.value : f.value;
}

export function formatMoney(usd: number): string {
  const a = Math.abs(usd);
  const sign = usd < 0 ? '-' : '';
  const short = (x: number) => (x >= 100 ? String(Math.round(x)) : String(Number(x.toPrecision(3))));
  if (a >= 1e12) return `${sign}$${short(a / 1e12)} tn`;
  if (a >= 1e9) return `${sign}$${short(a / 1e9)} bn`;
  if (a >= 1e6) return `${sign}$${short(a / 1e6)} M`;
  if (a >= 1e3) return `${sign}$${short(a / 1e3)} k`;
  return `${sign}$${short(a)}`;
}
