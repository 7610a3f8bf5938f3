// Seeded random streams. Every draw comes from a stream keyed by (seed, turn, purpose):
// two runs with the same seed face the same luck for the same purpose whatever else the
// policy changed (common random numbers), which makes counterfactuals fair comparisons.
// No generator outlives a turn, so the seed in state is the whole RNG state between turns.
//
// A game opens hundreds of streams, so opening one must be cheap: the seed is hashed once
// (cyrb53), each purpose string once per process, and the three are mixed with 32-bit
// integer operations into a 53-bit seed for the Tyche-i generator, which then runs 20
// warm-up steps. Integer-only arithmetic, so Node and browsers agree bit for bit.
//
// The generator is seedrandom's Tyche-i (DESIGN.md: seedrandom is the only source of chance).
import seedrandom from 'seedrandom';
import { cyrb53 } from './hash.ts';

export interface Stream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Number of draws taken so far (for reports and tests). */
  readonly draws: number;
}

/** Hashes of purpose strings: a memo of a pure function (a scenario has a few dozen). */
const purposeHashes = new Map<string, number>();

function purposeHash(purpose: string): number {
  let h = purposeHashes.get(purpose);
  if (h === undefined) {
    if (purposeHashes.size > 10_000) purposeHashes.clear();
    h = cyrb53(purpose, 0x9e37);
    purposeHashes.set(purpose, h);
  }
  return h;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** 53-bit generator seed for (seed, turn, purpose), mixed with 32-bit integer operations only. */
export function streamSeed(seedHash: number, turn: number, purpose: string): number {
  const p = purposeHash(purpose);
  const sLo = seedHash >>> 0;
  const sHi = Math.floor(seedHash / 0x100000000) | 0;
  const pLo = p >>> 0;
  const pHi = Math.floor(p / 0x100000000) | 0;
  let h1 = fmix32(sLo ^ Math.imul(pLo, 0x9e3779b1) ^ turn);
  const h2 = fmix32(sHi ^ Math.imul(pHi ^ 0x27d4eb2f, 0x85ebca6b) ^ Math.imul(turn, 0xc2b2ae35) ^ h1);
  h1 = fmix32(h1 ^ pHi ^ Math.imul(h2, 0x165667b1));
  return (h2 & 0x1fffff) * 0x100000000 + (h1 >>> 0);
}

/** The last seed hashed: a game hashes the same seed twice a turn (a memo of a pure function). */
let lastSeed: string | null = null;
let lastSeedHash = 0;

export function seedHash(seed: string): number {
  if (seed !== lastSeed) {
    lastSeedHash = cyrb53(seed, 0x5eed);
    lastSeed = seed;
  }
  return lastSeedHash;
}

// @types/seedrandom declares string seeds only; lib/tychei.js takes an integer seed of up
// to 53 bits exactly (high and low words), which is what we pass.
const tychei = seedrandom.tychei as unknown as (seed: number) => () => number;

/** A stream on seedrandom's Tyche-i generator, counting its draws. */
class SeededStream implements Stream {
  draws = 0;
  private readonly prng: () => number;

  constructor(seed: number) {
    this.prng = tychei(seed);
  }

  next(): number {
    this.draws += 1;
    return this.prng();
  }
}

function streamFrom(generatorSeed: number): Stream {
  return new SeededStream(generatorSeed);
}

/** A stream from a 53-bit generator seed (for tests that compare the generator itself). */
export const openStreamFromSeed = streamFrom;

export function openStream(seed: string, turn: number, purpose: string): Stream {
  return streamFrom(streamSeed(seedHash(seed), turn, purpose));
}

/** Lazily opened streams for one turn, so each purpose is created at most once. */
export class TurnStreams {
  // A turn opens a handful of purposes: parallel arrays beat a Map at this size.
  private readonly purposes: string[] = [];
  private readonly streams: Stream[] = [];
  private readonly seedHash: number;
  constructor(
    readonly seed: string,
    readonly turn: number,
  ) {
    this.seedHash = seedHash(seed);
  }

  get(purpose: string): Stream {
    const i = this.purposes.indexOf(purpose);
    if (i >= 0) return this.streams[i]!;
    const s = streamFrom(streamSeed(this.seedHash, this.turn, purpose));
    this.purposes.push(purpose);
    this.streams.push(s);
    return s;
  }
}
