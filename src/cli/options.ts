// Option values shared by several commands, validated one way everywhere: a seed that one
// command accepts is a seed every other command (and the replay format) accepts.
import { availableParallelism } from 'node:os';
import { seedProblem } from '../engine/seed-rule.ts';
import { UsageError } from './io.ts';

/** `--seed`: the same rule as replay files and the browser's seed field. */
export function parseSeed(value: string | undefined, fallback = '1'): string {
  const seed = value ?? fallback;
  const problem = seedProblem(seed);
  if (problem) throw new UsageError(`--seed ${problem}`);
  return seed;
}

/**
 * `--seed-base`: batch seeds are base, base+1, …, base+runs-1, as text. Past 2^53 adding 1
 * no longer changes a JavaScript number, so every run would get the same seed.
 */
export function parseSeedBase(value: string | undefined, runs: number): number {
  if (value === undefined) return 1;
  const top = Number.MAX_SAFE_INTEGER - (runs - 1);
  if (!/^\d{1,16}$/.test(value) || Number(value) > top)
    throw new UsageError(
      `--seed-base is a whole number from 0 to ${top} (so that base + runs − 1 stays exact; a larger base would give every run the same seed), got "${value}"`,
    );
  return Number(value);
}

export function cores(): number {
  return Math.max(1, availableParallelism());
}

/** `--workers`: at most the cores available (more threads only compete for them). */
export function parseWorkers(value: string | undefined, available = cores()): { workers: number; note?: string } {
  if (value === undefined) return { workers: available };
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--workers is a whole number of 1 or more, got "${value}"`);
  if (n <= available) return { workers: n };
  return { workers: available, note: `--workers ${n}: this machine has ${available} core${available === 1 ? '' : 's'}; using ${available}` };
}
