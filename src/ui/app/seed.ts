// Random seeds for new games. Chance in the game comes only from the engine's seeded
// streams; the UI merely proposes a seed, which is shown and can be copied or replaced.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: easy to read aloud

/** A readable random seed such as "k7f3-92ab-x4mq". */
export function randomSeed(groups = 3, size = 4): string {
  const bytes = new Uint8Array(groups * size);
  crypto.getRandomValues(bytes);
  const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]!);
  const out: string[] = [];
  for (let g = 0; g < groups; g++) out.push(chars.slice(g * size, (g + 1) * size).join(''));
  return out.join('-');
}
