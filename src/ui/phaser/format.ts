// Money labels for the canvas. The engine keeps whole US dollars; the players choose to
// read dollars or yen. Labels are compact ("¥ 87.0 bn", "$ 541 M") because they sit on a
// map and on chart axes; the DOM tables show exact figures.

import type { MoneyFormat } from './index.ts';

export type Currency = MoneyFormat['currency'];

const SYMBOL: Record<Currency, string> = { USD: '$', JPY: '¥' };
const UNITS = [
  { div: 1e12, suffix: 'tn' },
  { div: 1e9, suffix: 'bn' },
  { div: 1e6, suffix: 'M' },
  { div: 1e3, suffix: 'k' },
] as const;
const MINUS = '\u2212'; // a real minus sign, as wide as the digits

export function currencySymbol(currency: Currency): string {
  return SYMBOL[currency];
}

/** An engine amount (whole USD) in the display currency. */
export function toDisplay(usd: number, money: MoneyFormat): number {
  return money.currency === 'JPY' ? usd * money.usdJpy : usd;
}

function unitFor(abs: number): { div: number; suffix: string } {
  return UNITS.find((u) => abs >= u.div) ?? { div: 1, suffix: '' };
}

/** Compact amount already in the display currency, `digits` significant figures: "¥ 87.0 bn". */
export function formatAmount(value: number, currency: Currency, digits = 3): string {
  if (!Number.isFinite(value)) return `${SYMBOL[currency]} –`;
  const sign = value < 0 ? MINUS : '';
  let abs = Math.abs(value);
  if (abs < 1000) return `${sign}${SYMBOL[currency]} ${Math.round(abs)}`;
  let unit = unitFor(abs);
  let scaled = Number((abs / unit.div).toPrecision(digits));
  // Rounding can carry into the next unit (999.6 k → 1000 k): re-pick the unit then.
  if (scaled >= 1000 && unit.div < 1e12) {
    abs = scaled * unit.div;
    unit = unitFor(abs);
    scaled = Number((abs / unit.div).toPrecision(digits));
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(scaled)) + 1);
  const decimals = Math.max(0, digits - intDigits);
  return `${sign}${SYMBOL[currency]} ${scaled.toFixed(decimals)} ${unit.suffix}`;
}

/** Compact label for an engine amount: converts whole USD to the display currency first. */
export function formatMoney(usd: number, money: MoneyFormat, digits = 3): string {
  return formatAmount(toDisplay(usd, money), money.currency, digits);
}

/** Decimals that show every multiple of `step` exactly (2.5 → 1, 0.25 → 2), at most 3. */
function stepDecimals(step: number): number {
  for (let d = 0; d < 3; d++) {
    const scaled = step * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-6 * Math.max(1, scaled)) return d;
  }
  return 3;
}

/**
 * Labels for evenly spaced axis ticks (values in the display currency): one unit for the
 * whole axis, and only as many decimals as the step needs, so "¥ 50 bn" sits above
 * "¥ 0" rather than "¥ 50.0 bn" above "¥ 0".
 */
export function formatAxisMoney(ticks: readonly number[], currency: Currency): string[] {
  const max = Math.max(0, ...ticks.map((t) => Math.abs(t)));
  const unit = max >= 1000 ? unitFor(max) : { div: 1, suffix: '' };
  const step = ticks.length > 1 ? Math.abs((ticks[1] ?? 0) - (ticks[0] ?? 0)) / unit.div : 1;
  const decimals = stepDecimals(step);
  return ticks.map((t) => {
    if (t === 0) return `${SYMBOL[currency]} 0`;
    const sign = t < 0 ? MINUS : '';
    const body = (Math.abs(t) / unit.div).toFixed(decimals);
    return `${sign}${SYMBOL[currency]} ${body}${unit.suffix ? ` ${unit.suffix}` : ''}`;
  });
}

/** Whole counts with thousands separators (launches, missiles). */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
