import { describe, expect, it } from 'vitest';
import { canonicalJson, hashString, hashValue } from '../../src/engine/hash.ts';

describe('canonicalJson', () => {
  it('sorts object keys at every depth', () => {
    expect(canonicalJson({ b: 2, a: { d: 1, c: [{ z: 0, y: 1 }] } })).toBe('{"a":{"c":[{"y":1,"z":0}],"d":1},"b":2}');
  });

  it('drops undefined members of objects', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('writes undefined array items as null, like JSON.stringify', () => {
    expect(canonicalJson([1, undefined, 2])).toBe('[1,null,2]');
  });

  it('keeps array order', () => {
    expect(canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('escapes strings and keys like JSON', () => {
    expect(canonicalJson({ 'k"': 'a\nb' })).toBe('{"k\\"":"a\\nb"}');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('rejects the non-finite number %s', (x) => {
    expect(() => canonicalJson({ a: x })).toThrow(TypeError);
  });

  it('rejects functions and bigints', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
  });
});

describe('hashValue', () => {
  const sample = { b: 2, a: [1, 'x', null], c: { z: true, y: 1.5 } };

  it('gives the pinned hash for a small object (changing it breaks every saved replay)', () => {
    expect(hashValue(sample)).toBe('0075e7dbe527b900ddd3401581ec');
  });

  it('hashes what canonical JSON cannot tell apart alike (-0 and 0) and keeps close floats apart', () => {
    expect(hashValue({ x: -0 })).toBe(hashValue({ x: 0 }));
    expect(hashValue(0.1 + 0.2)).not.toBe(hashValue(0.3));
    expect(hashValue('ab')).not.toBe(hashValue(['a', 'b']));
  });

  it('is 28 lower-case hex digits', () => {
    expect(hashString('')).toMatch(/^[0-9a-f]{28}$/);
    expect(hashValue(sample)).toMatch(/^[0-9a-f]{28}$/);
  });

  it('does not depend on key insertion order', () => {
    expect(hashValue({ c: { y: 1.5, z: true }, a: [1, 'x', null], b: 2 })).toBe(hashValue(sample));
  });

  it('ignores undefined members', () => {
    expect(hashValue({ ...sample, d: undefined })).toBe(hashValue(sample));
  });

  it('changes when any value changes', () => {
    expect(hashValue({ ...sample, b: 3 })).not.toBe(hashValue(sample));
    expect(hashValue({ ...sample, a: [1, 'x'] })).not.toBe(hashValue(sample));
  });

  it('agrees with the canonical form: values with equal canonical JSON hash equally', () => {
    const reordered = JSON.parse(canonicalJson(sample));
    expect(hashValue(reordered)).toBe(hashValue(sample));
    expect(hashValue({ ...sample, extra: undefined })).toBe(hashValue(sample));
  });

  it('tells apart values whose JSON text would be similar', () => {
    expect(hashValue('1')).not.toBe(hashValue(1));
    expect(hashValue(['ab', 'c'])).not.toBe(hashValue(['a', 'bc']));
    expect(hashValue(0.5)).not.toBe(hashValue('0.5'));
    expect(hashValue(2 ** 40)).not.toBe(hashValue(2 ** 40 + 1));
  });
});
