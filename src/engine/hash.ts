// Canonical serialisation and a synchronous hash that gives the same answer in Node and
// in the browser. The hash detects divergence and tampering in replays; it is not a
// security boundary, so a fast 2 × 53-bit mix (cyrb53 with two seeds) is enough.

/** JSON with object keys sorted and undefined members dropped. */
export function canonicalJson(value: unknown): string {
  return stringify(value);
}

function stringify(v: unknown): string {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`cannot serialise non-finite number ${v}`);
      return JSON.stringify(v);
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object': {
      if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stringify(x))).join(',')}]`;
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj)
        .filter((k) => obj[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${stringify(obj[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`cannot serialise a ${typeof v}`);
  }
}

/** 53-bit hash of a string (cyrb53): an exact integer, the same in every JS engine. */
export function cyrb53(str: string, seed: number): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < str.length; i++) {
    const ch = str.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** 28 hex digits (two independent 53-bit hashes) of a string. */
export function hashString(s: string): string {
  return cyrb53(s, 0).toString(16).padStart(14, '0') + cyrb53(s, 0x9e3779b9).toString(16).padStart(14, '0');
}

/**
 * Hash of a value's canonical form (sorted keys, undefined members dropped), computed
 * while walking it: no intermediate JSON string, one pass. The walk feeds 32-bit words,
 * not characters: whole numbers as two words, other numbers as the two words of their
 * IEEE 754 bits (little-endian, -0 as 0), and every string as its two-word cyrb53 digest
 * plus its length, memoised because state repeats the same keys and ids every turn.
 * Integer operations and IEEE bits are exact, so the result is the same in every engine.
 * Values equal under canonicalJson hash equally.
 */
export function hashValue(value: unknown): string {
  const h = new StreamHash();
  feedValue(h, value);
  return h.digest();
}

class StreamHash {
  private a1 = 0xdeadbeef;
  private a2 = 0x41c6ce57;
  private b1 = 0xdeadbeef ^ 0x9e3779b9;
  private b2 = 0x41c6ce57 ^ 0x9e3779b9;

  code(w: number): void {
    this.a1 = Math.imul(this.a1 ^ w, 2654435761);
    this.a2 = Math.imul(this.a2 ^ w, 1597334677);
    this.b1 = Math.imul(this.b1 ^ w, 2246822519);
    this.b2 = Math.imul(this.b2 ^ w, 3266489917);
  }

  digest(): string {
    return fin(this.a1, this.a2).toString(16).padStart(14, '0') + fin(this.b1, this.b2).toString(16).padStart(14, '0');
  }
}

function fin(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

// Tags keep the encoding unambiguous: a string "1" and the number 1 differ.
const T_NULL = 0x4e;
const T_TRUE = 0x54;
const T_FALSE = 0x46;
const T_NUM = 0x23;
const T_INT = 0x69;
const T_STR = 0x22;
const T_ARR = 0x5b;
const T_OBJ = 0x7b;

/** Digests of strings seen (keys and ids repeat every turn): a memo of a pure function. */
const strings = new Map<string, [number, number]>();

function feedString(h: StreamHash, v: string): void {
  let d = strings.get(v);
  if (d === undefined) {
    if (strings.size > 50_000) strings.clear();
    d = [cyrb53(v, 0x57) % 0x100000000 | 0, cyrb53(v, 0x75) % 0x100000000 | 0];
    strings.set(v, d);
  }
  h.code(T_STR);
  h.code(v.length);
  h.code(d[0]);
  h.code(d[1]);
}

const bits = new DataView(new ArrayBuffer(8));

function feedValue(h: StreamHash, v: unknown): void {
  if (v === null) {
    h.code(T_NULL);
    return;
  }
  switch (typeof v) {
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`cannot hash non-finite number ${v}`);
      if (Number.isSafeInteger(v)) {
        // Most state is whole dollars and counts: two 32-bit words.
        h.code(T_INT);
        h.code(v % 0x100000000 | 0);
        h.code(Math.floor(v / 0x100000000) | 0);
      } else {
        bits.setFloat64(0, v, true);
        h.code(T_NUM);
        h.code(bits.getInt32(0, true));
        h.code(bits.getInt32(4, true));
      }
      return;
    case 'string':
      feedString(h, v);
      return;
    case 'boolean':
      h.code(v ? T_TRUE : T_FALSE);
      return;
    case 'object': {
      if (Array.isArray(v)) {
        h.code(T_ARR);
        h.code(v.length);
        for (const x of v) feedValue(h, x === undefined ? null : x);
        return;
      }
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj).sort();
      let n = 0;
      for (const k of keys) if (obj[k] !== undefined) n += 1;
      h.code(T_OBJ);
      h.code(n);
      for (const k of keys) {
        const x = obj[k];
        if (x === undefined) continue;
        feedString(h, k);
        feedValue(h, x);
      }
      return;
    }
    default:
      throw new TypeError(`cannot hash a ${typeof v}`);
  }
}
