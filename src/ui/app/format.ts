// How amounts, shares and indices read on screen. Engine money is whole US dollars; the
// display converts with the scenario's rate. Formatting only — never an outcome.
import type { MetricName } from '../../scenario/schema.ts';

export type Currency = 'USD' | 'JPY';

/** What a view needs to show money: the chosen currency and the scenario's yen rate. */
export interface MoneyView {
  currency: Currency;
  usdJpy: number;
}

const UNITS: [number, string][] = [
  [1e12, ' tn'],
  [1e9, ' bn'],
  [1e6, ' M'],
  [1e3, ' k'],
];

/**
 * "$ 12.3 M", "¥ 4.20 bn": three significant figures, the same style as the canvas labels,
 * so a number reads the same on the map and in the tables.
 */
export function formatMoney(usd: number, money: MoneyView): string {
  const v = money.currency === 'JPY' ? usd * money.usdJpy : usd;
  const symbol = money.currency === 'JPY' ? '¥' : '$';
  if (!Number.isFinite(v)) return `${symbol} –`;
  const sign = v < 0 ? '−' : '';
  let abs = Math.abs(v);
  if (abs < 1000) return `${sign}${symbol} ${Math.round(abs)}`;
  let [div, unit] = unitFor(abs);
  let scaled = Number((abs / div).toPrecision(3));
  if (scaled >= 1000 && div < 1e12) {
    abs = scaled * div;
    [div, unit] = unitFor(abs);
    scaled = Number((abs / div).toPrecision(3));
  }
  const intDigits = Math.max(1, Math.floor(Math.log10(scaled)) + 1);
  return `${sign}${symbol} ${scaled.toFixed(Math.max(0, 3 - intDigits))}${unit}`;
}

function unitFor(abs: number): [number, string] {
  return UNITS.find(([div]) => abs >= div) ?? [1, ''];
}

/** The same amount in both currencies, for tooltips and screen-reader text. */
export function formatMoneyBoth(usd: number, usdJpy: number): string {
  return `${formatMoney(usd, { currency: 'USD', usdJpy })} (${formatMoney(usd, { currency: 'JPY', usdJpy })})`;
}

/** 0.2 → "20 %"; keeps one decimal for small shares. */
export function formatShare(fraction: number): string {
  const p = fraction * 100;
  const digits = Math.abs(p) > 0 && Math.abs(p) < 10 && !Number.isInteger(p) ? 1 : 0;
  return `${p.toFixed(digits)} %`;
}

/** An index value (collateral, escalation) with at most one decimal. */
export function formatIndex(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function pluralize(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

export const MONEY_METRICS: readonly MetricName[] = ['stolenUsd', 'cashedOutUsd', 'frozenUsd', 'missileSpendUsd'];

export const METRIC_LABELS: Record<MetricName, string> = {
  stolenUsd: 'Crypto stolen',
  cashedOutUsd: 'Cash reaching the regime',
  frozenUsd: 'Funds frozen',
  missileSpendUsd: 'Missile spending',
  launches: 'Missile launches',
  collateral: 'Collateral harm (index)',
  escalation: 'Escalation risk (index)',
  cryptoShare: 'Crypto’s share of missile money',
  heists: 'Successful heists',
};

/** A metric's value as the objective table shows it. */
export function formatMetric(metric: MetricName | string, value: number, money: MoneyView): string {
  if ((MONEY_METRICS as readonly string[]).includes(metric)) return formatMoney(value, money);
  if (metric === 'launches' || metric === 'heists') return formatCount(value);
  if (metric === 'cryptoShare') return formatShare(value);
  return formatIndex(value);
}

/** Budget points, e.g. "6 pts". */
export function formatPoints(n: number): string {
  return `${formatCount(n)} pt${n === 1 ? '' : 's'}`;
}

/** A signed change, "+5 %" / "−3 %", used in the planning preview. */
export function formatDeltaShare(delta: number): string {
  if (Math.abs(delta) < 1e-9) return 'no change';
  return `${delta > 0 ? '+' : '−'}${formatShare(Math.abs(delta))}`;
}

export function formatDeltaIndex(delta: number): string {
  if (Math.abs(delta) < 1e-9) return 'no change';
  return `${delta > 0 ? '+' : '−'}${formatIndex(Math.abs(delta))}`;
}
