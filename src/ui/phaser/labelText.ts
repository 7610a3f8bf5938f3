// Shorter wordings of scenario names and fitting them into a box, for the canvas's tight
// spots (map labels, flow-band boxes). Scenario authors write long, precise names
// ("Chain-hopping (THORChain-style swaps and bridges)"); the canvas falls back to shorter
// ones only when the long one does not fit, and the DOM panels always carry the full name.
// Pure: text widths come from a `measure` callback, so this runs in Node.
import type { LineSpec } from './map/TextBlock.ts';

/** Width in px of `text` at font size `px` (bold or not is the caller's business). */
export type Measure = (text: string, px: number) => number;

const ASIDE = /\s*\([^)]*\)\s*$/;

/** "Ethereum mixers (Tornado Cash)" → "Ethereum mixers": the name without a closing aside. */
export function withoutAside(name: string): string | undefined {
  const short = name.replace(ASIDE, '').trim();
  return short && short !== name ? short : undefined;
}

/**
 * "Self-custody wallets and their users" → "Self-custody wallets", "Chain-hopping over
 * bridges" → "Chain-hopping": the head of the name. Before " and " or a comma it must keep
 * at least two words (so "Custody and signing-software suppliers" does not become a
 * misleading "Custody"); before a preposition the head noun stands on its own.
 */
export function firstClause(name: string): string | undefined {
  const prep = /\s+(?:over|via|with|through|for)\s+/.exec(name);
  if (prep && prep.index > 0) return name.slice(0, prep.index).trim();
  const head = name.split(/,\s|\s+and\s+|\s+&\s+/)[0]?.trim() ?? '';
  return head !== name && head.split(/\s+/).length >= 2 ? head : undefined;
}

const JOINERS = new Set(['and', 'or', '&']);

/** `word` written like `model`: "eth" like "Ethereum" → "Eth", "otc" like "OTC" → "OTC". */
function spellLike(word: string, model: string): string {
  if (model.toLowerCase() === word.toLowerCase()) return model;
  if (model === model.toUpperCase()) return word.toUpperCase();
  return model[0] === model[0]?.toUpperCase() ? word.charAt(0).toUpperCase() + word.slice(1) : word;
}

/**
 * The scenario id as a name: "asian-exchanges" with name "Asian fiat exchanges (mule
 * accounts)" → "Asian exchanges", "eth-mixers" with "Ethereum mixers" → "Eth mixers". Ids
 * are short and chosen by the author, so they make fair abbreviations, but only when each
 * id word starts a word of the name, in order, and no "and" is skipped between them
 * ("defi-bridges" must not turn "DeFi and cross-chain bridges" into "DeFi bridges", nor
 * "defence-europe" give "Defence Europe").
 */
export function idName(id: string, name: string): string | undefined {
  const nameWords = name.split(/[^\p{L}\p{N}&]+/u).filter(Boolean);
  const out: string[] = [];
  let at = -1;
  for (const w of id.split(/[-_\s]+/).filter(Boolean)) {
    const i = nameWords.findIndex((n, k) => k > at && n.toLowerCase().startsWith(w.toLowerCase()));
    if (i < 0) return undefined;
    if (at >= 0 && nameWords.slice(at + 1, i).some((n) => JOINERS.has(n.toLowerCase()))) return undefined;
    out.push(spellLike(w, nameWords[i]!));
    at = i;
  }
  if (out.length === 0) return undefined;
  out[0] = out[0]!.charAt(0).toUpperCase() + out[0]!.slice(1);
  const text = out.join(' ');
  return text.length < name.length ? text : undefined;
}

/** Wordings of a name from the full one to the shortest, each strictly shorter than the one before. */
export function nameVariants(name: string, id?: string): string[] {
  const bare = withoutAside(name) ?? name;
  const out = [name];
  for (const v of [bare, firstClause(bare), id ? idName(id, name) : undefined]) {
    if (v && v.length < out[out.length - 1]!.length) out.push(v);
  }
  return out;
}

/**
 * Splits `text` into two lines at the space (or after the hyphen) that makes the longer
 * line shortest; undefined for a single word.
 */
export function splitTwoLines(text: string, width: (s: string) => number = (s) => s.length): [string, string] | undefined {
  let best: [string, string] | undefined;
  let bestW = Number.POSITIVE_INFINITY;
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    if (c !== ' ' && c !== '-') continue;
    const a = c === ' ' ? text.slice(0, i) : text.slice(0, i + 1);
    const b = text.slice(i + 1);
    if (!a.trim() || !b.trim()) continue;
    const w = Math.max(width(a), width(b));
    if (w < bestW) {
      best = [a, b];
      bestW = w;
    }
  }
  return best;
}

/** Cuts `text` to fit `maxWidth` with a trailing ellipsis (at least one character kept). */
export function ellipsize(text: string, maxWidth: number, fits: (s: string) => boolean): string {
  if (fits(text)) return text;
  let keep = text;
  while (keep.length > 1) {
    keep = keep.slice(0, -1).trimEnd();
    if (fits(`${keep}…`)) return `${keep}…`;
  }
  return maxWidth > 0 ? `${keep}…` : '';
}

export interface NameFit {
  lines: string[];
  px: number;
  /** Which wording of nameVariants() was used (0: the full name). */
  variant: number;
  /** False when even the last resort (an ellipsis) was needed. */
  whole: boolean;
}

/**
 * The best way to show `name` in `maxLines` lines of `width` px. Preference: a wording on
 * one line, then the same wording on two lines, from the full name to the shortest
 * wording; all at `px` first, then one px smaller at a time down to `minPx` (one size
 * across a column reads better than shrinking each name); last, an ellipsis.
 */
export function fitName(name: string, id: string | undefined, width: number, maxLines: number, px: number, minPx: number, measure: Measure): NameFit {
  const variants = nameVariants(name, id);
  for (let size = px; size >= minPx; size--) {
    const fits = (s: string) => measure(s, size) <= width;
    for (const [variant, v] of variants.entries()) {
      if (fits(v)) return { lines: [v], px: size, variant, whole: true };
      if (maxLines < 2) continue;
      // A bracketed aside reads best on a line of its own; otherwise split evenly.
      const bare = withoutAside(v);
      const aside = bare ? v.slice(bare.length).trim() : '';
      if (bare && fits(bare) && fits(aside)) return { lines: [bare, aside], px: size, variant, whole: true };
      const two = splitTwoLines(v, (s) => measure(s, size));
      if (two && fits(two[0]) && fits(two[1])) return { lines: two, px: size, variant, whole: true };
    }
  }
  const size = Math.min(px, minPx);
  const fits = (s: string) => measure(s, size) <= width;
  const variant = variants.length - 1;
  const last = variants[variant]!;
  const two = maxLines >= 2 ? splitTwoLines(last, (s) => measure(s, size)) : undefined;
  if (two && fits(two[0])) return { lines: [two[0], ellipsize(two[1], width, fits)], px: size, variant, whole: false };
  return { lines: [ellipsize(last, width, fits)], px: size, variant, whole: false };
}

/** Size of one line of text at `px`, as it will be drawn. */
export type SizeOf = (text: string, px: number, bold: boolean) => { width: number; height: number };

/** A line with alternative wordings, most complete first. */
export interface FlexLine extends Omit<LineSpec, 'text' | 'px'> {
  texts: string[];
}

export interface BoxRoom {
  width: number;
  height: number;
  /** Font size of box text before any shrinking, and the floor. */
  px: number;
  minPx: number;
  /** Px per unit of `indent` (the canvas scale). */
  scale: number;
}

/** The first wording that fits at `px`, then at each smaller size, then an ellipsis. */
export function fitLine(line: FlexLine, room: BoxRoom, size: SizeOf): LineSpec {
  const { texts, ...style } = line;
  const width = room.width - (line.indent ?? 0) * room.scale;
  const bold = line.bold ?? false;
  for (let px = room.px; px >= room.minPx; px--) {
    const text = texts.find((t) => size(t, px, bold).width <= width);
    if (text !== undefined) return { ...style, text, px };
  }
  const px = Math.min(room.px, room.minPx);
  const last = texts[texts.length - 1] ?? '';
  return { ...style, text: ellipsize(last, width, (t) => size(t, px, bold).width <= width), px };
}

/** Fits every line, dropping lines from the end while the block is too tall (the first line always stays). */
export function fitLines(lines: readonly FlexLine[], room: BoxRoom, size: SizeOf): LineSpec[] {
  const out = lines.map((l) => fitLine(l, room, size));
  const height = (ls: LineSpec[]) => ls.reduce((a, l) => a + size(l.text, l.px ?? room.px, l.bold ?? false).height, 0);
  while (out.length > 1 && height(out) > room.height) out.pop();
  return out;
}
