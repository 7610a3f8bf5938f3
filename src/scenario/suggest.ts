// "Did you mean …?" for misspelt field names and ids. Authors mostly make one-letter slips
// ("sanction" for "sanctions", "defence" for "defense"), so a plain edit distance with a
// length-scaled cutoff is enough and never suggests something unrelated.

/** Levenshtein distance, with early exit once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** The closest candidates (ties kept, in the given order) if close enough to be a typo. */
export function closestAll(word: string, candidates: Iterable<string>): string[] {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  let best: string[] = [];
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase(), limit);
    if (d < bestDistance) {
      best = [c];
      bestDistance = d;
    } else if (d === bestDistance && d <= limit && !best.includes(c)) best.push(c);
  }
  return best;
}

export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return closestAll(word, candidates)[0];
}

/** ` (did you mean "x"?)`, ` (did you mean "x" or "y"?)` or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const hits = closestAll(word, candidates).slice(0, 2);
  return hits.length === 0 ? '' : ` (did you mean ${hits.map((h) => `"${h}"`).join(' or ')}?)`;
}

/** `a, b, c` or `a, b, c, … (12 in all)` so a long list does not drown the message. */
export function listOf(items: readonly string[], max = 12): string {
  if (items.length === 0) return '(none defined)';
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … (${items.length} in all)`;
}
