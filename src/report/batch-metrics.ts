// Names and formats of the batch outcomes, shared by the batch and balance commands'
// text, JSON and HTML output.
import type { BatchMetric } from '../engine/batch.ts';
import { money } from './format.ts';

export const METRIC_LABELS: Record<BatchMetric, string> = {
  stolenUsd: 'Stolen',
  frozenUsd: 'Frozen',
  cashedOutUsd: 'Cashed out',
  missileSpendUsd: 'Missile spending',
  launches: 'Launches',
  collateral: 'Collateral harm',
  escalation: 'Escalation',
  cryptoShare: 'Crypto share of missile money',
  heists: 'Successful heists',
};

export function formatMetric(m: BatchMetric | string, v: number): string {
  if (m === 'cryptoShare') return `${(v * 100).toFixed(1)} %`;
  return m.endsWith('Usd') ? money(v) : Number.isInteger(v) ? String(v) : v.toFixed(1);
}

/** A signed change: "+$ 12.0 M", "−3", "+1.5". */
export function formatChange(m: BatchMetric | string, v: number): string {
  const sign = v > 0 ? '+' : v < 0 ? '−' : '±';
  return `${sign}${formatMetric(m, Math.abs(v))}`;
}

/** A signed relative change: "+12 %", "−40 %". */
export const relative = (share: number) =>
  `${share > 0 ? '+' : share < 0 ? '−' : '±'}${Math.abs(share * 100).toFixed(share !== 0 && Math.abs(share) < 0.01 ? 1 : 0)} %`;

export const percent = (x: number, digits = 1) => `${(x * 100).toFixed(digits)} %`;

/** A signed change of a share, in percentage points: "+12.5 pts". */
export const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(1)} pts`;

/** "≤ $ 500.0 M" for an objective's target. */
export function targetText(metric: string, op: '<=' | '>=', target: number): string {
  return `${op === '<=' ? '≤' : '≥'} ${formatMetric(metric, target)}`;
}
