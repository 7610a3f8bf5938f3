// The one rule for seeds, shared by the CLI, the replay format and the browser: a seed is
// what a student reads aloud or copies from a replay, so it must be visible text.
export const MAX_SEED_LENGTH = 200;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Why `seed` cannot be used (a phrase to follow "the seed"/"--seed"), or null when it can. */
export function seedProblem(seed: string): string | null {
  if (seed.length === 0) return 'must not be empty: give any text or number, e.g. 42';
  if (seed.length > MAX_SEED_LENGTH) return `is at most ${MAX_SEED_LENGTH} characters long (it has ${seed.length})`;
  if (INVISIBLE.test(seed)) return 'must not contain control characters (tabs, line breaks, terminal codes)';
  if (seed.trim() !== seed) return 'must not start or end with spaces (they are easy to miss when the seed is shared)';
  return null;
}
