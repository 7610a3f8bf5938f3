import { describe, expect, it } from 'vitest';
import { formatDeltaShare, formatMetric, formatMoney, formatPoints, formatShare } from '../../src/ui/app/format.ts';

const usd = { currency: 'USD' as const, usdJpy: 130 };
const jpy = { currency: 'JPY' as const, usdJpy: 130 };

describe('formatMoney', () => {
  it('shows three significant figures with the unit', () => {
    expect(formatMoney(541_000_000, usd)).toBe('$ 541 M');
    expect(formatMoney(1_650_000_000, usd)).toBe('$ 1.65 bn');
    expect(formatMoney(12_345, usd)).toBe('$ 12.3 k');
    expect(formatMoney(999, usd)).toBe('$ 999');
    expect(formatMoney(0, usd)).toBe('$ 0');
  });

  it('converts whole dollars to yen with the scenario rate', () => {
    expect(formatMoney(4_615_385, jpy)).toBe('¥ 600 M');
    expect(formatMoney(541_000_000, jpy)).toBe('¥ 70.3 bn');
  });

  it('carries rounding into the next unit', () => {
    expect(formatMoney(999_600, usd)).toBe('$ 1.00 M');
  });

  it('uses a real minus sign', () => {
    expect(formatMoney(-2_000_000, usd)).toBe('−$ 2.00 M');
  });
});

describe('other formats', () => {
  it('formats shares, points and metrics', () => {
    expect(formatShare(0.2)).toBe('20 %');
    expect(formatShare(0.055)).toBe('5.5 %');
    expect(formatPoints(1)).toBe('1 pt');
    expect(formatPoints(6)).toBe('6 pts');
    expect(formatMetric('launches', 20, usd)).toBe('20');
    expect(formatMetric('cashedOutUsd', 250_000_000, usd)).toBe('$ 250 M');
    expect(formatMetric('collateral', 12.5, usd)).toBe('12.5');
    expect(formatDeltaShare(0)).toBe('no change');
    expect(formatDeltaShare(-0.1)).toBe('−10 %');
  });
});
