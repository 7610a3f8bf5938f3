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

// A float's IEEE 754 bits as two 32-bit words, low word first whatever the platform's
// byte order (typed arrays use the platform's; DataView would, but is slower here).
const f64 = new Float64Array(1);
const u32 = new Int32Array(f64.buffer);
f64[0] = 1;
const LO = u32[1] === 0x3ff00000 ? 0 : 1;
const HI = 1 - LO;

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An object's keys in code-unit order, as canonical JSON sorts them. State objects of one
 * kind are built by the same code, so their keys come in the same order every turn: the
 * last order seen for each first key is tried before sorting again.
 */
const lastOrder = new Map<string, { keys: string[]; sorted: string[] }>();

function sortedKeys(obj: Record<string, unknown>): string[] {
  const keys = Object.keys(obj);
  if (keys.length < 2) return keys;
  const hit = lastOrder.get(keys[0]!);
  if (hit && hit.keys.length === keys.length) {
    let same = true;
    for (let i = 0; i < keys.length; i++)
      if (hit.keys[i] !== keys[i]) {
        same = false;
        break;
      }
    if (same) return hit.sorted;
  }
  const sorted = [...keys].sort(byCodeUnits);
  if (lastOrder.size > 10_000) lastOrder.clear();
  lastOrder.set(keys[0]!, { keys, sorted });
  return sorted;
}

function feedNumber(h: StreamHash, v: number): void {
  if (Number.isSafeInteger(v)) {
    // Most state is whole dollars and counts: two 32-bit words.
    h.code(T_INT);
    h.code(v % 0x100000000 | 0);
    h.code(Math.floor(v / 0x100000000) | 0);
    return;
  }
  if (!Number.isFinite(v)) throw new TypeError(`cannot hash non-finite number ${v}`);
  f64[0] = v;
  h.code(T_NUM);
  h.code(u32[LO]!);
  h.code(u32[HI]!);
}

function feedValue(h: StreamHash, v: unknown): void {
  if (typeof v === 'number') {
    feedNumber(h, v);
    return;
  }
  if (typeof v === 'string') {
    feedString(h, v);
    return;
  }
  if (v === null) {
    h.code(T_NULL);
    return;
  }
  if (typeof v === 'boolean') {
    h.code(v ? T_TRUE : T_FALSE);
    return;
  }
  if (typeof v !== 'object') throw new TypeError(`cannot hash a ${typeof v}`);
  if (Array.isArray(v)) {
    h.code(T_ARR);
    h.code(v.length);
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      feedValue(h, x === undefined ? null : x);
    }
    return;
  }
  const obj = v as Record<string, unknown>;
  const keys = sortedKeys(obj);
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (obj[keys[i]!] !== undefined) n += 1;
  h.code(T_OBJ);
  h.code(n);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const x = obj[k];
    if (x === undefined) continue;
    feedString(h, k);
    feedValue(h, x);
  }
}
