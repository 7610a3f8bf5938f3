import { describe, expect, it } from 'vitest';
import { formatAmount, formatAxisMoney, formatCount, formatMoney, toDisplay } from '../../src/ui/phaser/format.ts';

const usd = { currency: 'USD', usdJpy: 150 } as const;
const jpy = { currency: 'JPY', usdJpy: 150 } as const;

describe('formatMoney', () => {
  it('prints compact dollars with three significant figures', () => {
    expect(formatMoney(541_000_000, usd)).toBe('$ 541 M');
    expect(formatMoney(1_234_567_890, usd)).toBe('$ 1.23 bn');
    expect(formatMoney(12_345, usd)).toBe('$ 12.3 k');
  });

  it('converts whole USD to yen with the rate given', () => {
    expect(toDisplay(580_000_000, jpy)).toBe(87_000_000_000);
    expect(formatMoney(580_000_000, jpy)).toBe('¥ 87.0 bn');
  });

  it('keeps small amounts whole and zero plain', () => {
    expect(formatMoney(0, usd)).toBe('$ 0');
    expect(formatMoney(999, usd)).toBe('$ 999');
  });

  it('carries rounding into the next unit', () => {
    expect(formatAmount(999_600, 'USD')).toBe('$ 1.00 M');
    expect(formatAmount(999_960_000, 'JPY')).toBe('¥ 1.00 bn');
  });

  it('marks negative amounts with a minus sign', () => {
    expect(formatAmount(-2_500_000, 'USD')).toBe('\u2212$ 2.50 M');
  });
});

describe('formatAxisMoney', () => {
  it('uses one unit and no needless decimals', () => {
    expect(formatAxisMoney([0, 50e9, 100e9], 'JPY')).toEqual(['¥ 0', '¥ 50 bn', '¥ 100 bn']);
  });

  it('adds decimals when the step is a fraction of the unit', () => {
    expect(formatAxisMoney([0, 2.5e8, 5e8], 'USD')).toEqual(['$ 0', '$ 250 M', '$ 500 M']);
    expect(formatAxisMoney([0, 0.5e9, 1e9, 1.5e9], 'USD')).toEqual(['$ 0', '$ 0.5 bn', '$ 1.0 bn', '$ 1.5 bn']);
  });

  it('shows steps of 2.5 and 0.25 exactly, not rounded to "3" or "0.3"', () => {
    expect(formatAxisMoney([0, 2.5e9, 5e9, 7.5e9, 10e9, 12.5e9], 'JPY')).toEqual(['¥ 0', '¥ 2.5 bn', '¥ 5.0 bn', '¥ 7.5 bn', '¥ 10.0 bn', '¥ 12.5 bn']);
    expect(formatAxisMoney([0, 0.25e9, 0.5e9, 0.75e9], 'USD')).toEqual(['$ 0', '$ 250 M', '$ 500 M', '$ 750 M']);
    expect(formatAxisMoney([0, 0.25e9, 0.5e9, 0.75e9, 1e9, 1.25e9], 'USD')).toEqual(['$ 0', '$ 0.25 bn', '$ 0.50 bn', '$ 0.75 bn', '$ 1.00 bn', '$ 1.25 bn']);
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(1234)).toBe('1,234');
  });
});
