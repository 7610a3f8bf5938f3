// Seeded random streams. Every draw comes from a stream keyed by (seed, turn, purpose):
// two runs with the same seed face the same luck for the same purpose whatever else the
// policy changed (common random numbers), which makes counterfactuals fair comparisons.
// No generator outlives a turn, so the seed in state is the whole RNG state between turns.
//
// A game opens hundreds of streams, so opening one must be cheap: the key is hashed to a
// 53-bit integer (cyrb53) that seeds seedrandom's tychei generator, which then runs 20
// warm-up steps; integer-only arithmetic, so Node and browsers agree bit for bit.
import seedrandom from 'seedrandom';
import { cyrb53 } from './hash.ts';

export interface Stream {
  /** Uniform in [0, 1). */
  next(): number;
  /** Number of draws taken so far (for reports and tests). */
  readonly draws: number;
}

// @types/seedrandom declares string seeds only; lib/tychei.js takes an integer seed of up
// to 53 bits exactly (high and low words), which is what we pass.
const tychei = seedrandom.tychei as unknown as (seed: number) => () => number;

export function streamKey(seed: string, turn: number, purpose: string): string {
  return `${seed}\u241f${turn}\u241f${purpose}`;
}

export function openStream(seed: string, turn: number, purpose: string): Stream {
  const prng = tychei(cyrb53(streamKey(seed, turn, purpose), 0x5eed));
  let draws = 0;
  return {
    next() {
      draws += 1;
      return prng();
    },
    get draws() {
      return draws;
    },
  };
}

/** Lazily opened streams for one turn, so each purpose is created at most once. */
export class TurnStreams {
  private readonly open = new Map<string, Stream>();
  constructor(
    readonly seed: string,
    readonly turn: number,
  ) {}

  get(purpose: string): Stream {
    let s = this.open.get(purpose);
    if (!s) {
      s = openStream(this.seed, this.turn, purpose);
      this.open.set(purpose, s);
    }
    return s;
  }
}
