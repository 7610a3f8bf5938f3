import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clamp, detExp, detLn, detPow, round6 } from '../../src/engine/detmath.ts';

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), Number.MIN_VALUE);

describe('detLn / detExp / detPow agree with Math.*', () => {
  it('detLn is within 1e-12 relative of Math.log from 1e-300 to 1e300', () => {
    fc.assert(
      fc.property(fc.double({ min: -300, max: 300, noNaN: true }), (e) => {
        const x = 10 ** e;
        if (x === 1) return detLn(x) === 0;
        return relErr(detLn(x), Math.log(x)) < 1e-12;
      }),
      { numRuns: 500 },
    );
  });

  it('detLn is accurate next to 1, where the result is tiny', () => {
    fc.assert(
      fc.property(fc.double({ min: 1 - 1e-6, max: 1 + 1e-6, noNaN: true }), (x) => {
        fc.pre(x !== 1);
        return relErr(detLn(x), Math.log(x)) < 1e-12;
      }),
    );
  });

  it('detExp is within 1e-12 relative of Math.exp over [-700, 700]', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => relErr(detExp(x), Math.exp(x)) < 1e-12),
      { numRuns: 500 },
    );
  });

  it('detPow is within 1e-12 relative of Math.pow for the ranges heist sizes use', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1e3, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (b, e) => relErr(detPow(b, e), b ** e) < 1e-12,
      ),
      { numRuns: 500 },
    );
  });
});

describe('bit-identical outputs (pinned: a change here changes replays)', () => {
  // Several of these differ from Math.* in the last bit (detLn(10), detExp(1), detPow(2, 0.5)):
  // the contract is that detmath gives exactly these bits on every V8, not that it
  // matches the host's libm. They are written out as literals on purpose.
  it.each([
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: pinned output bits, not a constant
    ['detLn(2)', () => detLn(2), 0.6931471805599453],
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: pinned output bits, not a constant
    ['detLn(10)', () => detLn(10), 2.3025850929940455],
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: pinned output bits, not a constant
    ['detLn(0.5)', () => detLn(0.5), -0.6931471805599453],
    ['detLn(1.000001)', () => detLn(1.000001), 9.999994999180668e-7],
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: pinned output bits, not a constant
    ['detExp(1)', () => detExp(1), 2.7182818284590446],
    ['detExp(-3.5)', () => detExp(-3.5), 0.0301973834223185],
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: pinned output bits, not a constant
    ['detPow(2, 0.5)', () => detPow(2, 0.5), 1.414213562373095],
    ['detPow(10, 1/1.3)', () => detPow(10, 1 / 1.3), 5.878016072274912],
    ['detPow(0.3, -1/1.2)', () => detPow(0.3, -1 / 1.2), 2.727296076666756],
  ])('%s', (_, f, expected) => {
    expect(f()).toBe(expected);
  });

  it('detLn(1) and detExp(0) are exact', () => {
    expect(detLn(1)).toBe(0);
    expect(detExp(0)).toBe(1);
  });

  it('detPow short-cuts base 1 and exponent 0 to exactly 1', () => {
    expect(detPow(1, 123.4)).toBe(1);
    expect(detPow(987.6, 0)).toBe(1);
  });
});

describe('invalid input', () => {
  it.each([0, -1, -Number.MIN_VALUE, Number.NaN, Number.NEGATIVE_INFINITY])('detLn(%s) throws a RangeError', (x) => {
    expect(() => detLn(x)).toThrow(RangeError);
  });

  it.each([700.5, -700.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'detExp(%s) throws a RangeError',
    (x) => {
      expect(() => detExp(x)).toThrow(RangeError);
    },
  );

  it.each([
    [0, 2],
    [-2, 0.5],
    [Number.NaN, 2],
    [2, Number.NaN],
  ])('detPow(%s, %s) throws a RangeError', (b, e) => {
    expect(() => detPow(b, e)).toThrow(RangeError);
  });

  // Infinity once passed the `!(x > 0)` guard and halved forever; it must throw instead.
  it('detLn(Infinity) throws a RangeError instead of looping', () => {
    expect(() => detLn(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('round6 and clamp', () => {
  it('round6 keeps six decimals', () => {
    expect(round6(0.1234564)).toBe(0.123456);
    expect(round6(0.1234565)).toBe(0.123457);
    expect(round6(1 / 3)).toBe(0.333333);
  });

  it('clamp bounds both sides and passes values inside', () => {
    expect(clamp(-1, 0, 1)).toBe(0);
    expect(clamp(2, 0, 1)).toBe(1);
    expect(clamp(0.4, 0, 1)).toBe(0.4);
  });
});
