import { describe, expect, it } from 'vitest';
import { signTestP, upperTail } from '../../../src/engine/balance/sign-test.ts';

describe('exact sign test', () => {
  it('gives the binomial upper tail', () => {
    expect(upperTail(0, 10)).toBe(1);
    expect(upperTail(11, 10)).toBe(0);
    expect(upperTail(10, 10)).toBeCloseTo(1 / 1024, 12);
    expect(upperTail(9, 10)).toBeCloseTo(11 / 1024, 12);
    expect(upperTail(5, 10)).toBeCloseTo(638 / 1024, 12);
  });

  it('calls 4 of 4 compatible with luck at 5 % but 5 of 5 not', () => {
    expect(signTestP(4, 0)).toBeCloseTo(1 / 16, 12);
    expect(signTestP(5, 0)).toBeCloseTo(1 / 32, 12);
    expect(signTestP(1, 0)).toBe(0.5);
    expect(signTestP(7, 1)).toBeCloseTo(9 / 256, 12);
  });

  it('stays finite for thousands of seeds', () => {
    expect(signTestP(2600, 2400)).toBeGreaterThan(0);
    expect(signTestP(2600, 2400)).toBeLessThan(0.01);
    expect(signTestP(2500, 2500)).toBeGreaterThan(0.4);
  });
});
