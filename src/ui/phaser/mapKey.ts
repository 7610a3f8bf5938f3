// When a map label has no room even for its shortest wording, its marker gets a numbered
// tag instead and the full name goes into a small key box in a corner of the map (the
// corners of the world map's oval are empty). The key must not cover labels either, so
// placement runs again with the key reserved. Pure and deterministic, tested in Node.
import type { Rect } from './geo.ts';
import { type LabelRequest, overlaps, type PlacedLabel, type PlaceOptions, placeLabels } from './labels.ts';

export interface KeyedPlacement {
  placed: (PlacedLabel | null)[];
  /** Request indices whose label is a numbered tag, in request order (tag n is tagged[n - 1]). */
  tagged: number[];
  /** Where the key box goes, when there are tags. */
  key?: Rect;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The corner of `bounds` (bottom-left first, as the South Atlantic is emptiest) whose box covers least of `busy`. */
export function keyCorner(size: { width: number; height: number }, bounds: Rect, margin: number, busy: readonly Rect[]): Rect {
  const left = bounds.x + margin;
  const right = bounds.x + bounds.width - margin - size.width;
  const top = bounds.y + margin;
  const bottom = bounds.y + bounds.height - margin - size.height;
  const corners = [
    { x: left, y: bottom },
    { x: left, y: top },
    { x: right, y: bottom },
    { x: right, y: top },
  ].map((p) => ({ ...p, width: size.width, height: size.height }));
  let best = corners[0]!;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const c of corners) {
    const area = busy.reduce((a, b) => a + overlapArea(c, b), 0);
    if (area < bestArea) {
      best = c;
      bestArea = area;
    }
  }
  return best;
}

/** The reserved key box cut down to `size`, staying in its corner. */
function shrink(key: Rect, size: { width: number; height: number }, bounds: Rect): Rect {
  const right = key.x + key.width / 2 > bounds.x + bounds.width / 2;
  const bottom = key.y + key.height / 2 > bounds.y + bounds.height / 2;
  return { x: right ? key.x + key.width - size.width : key.x, y: bottom ? key.y + key.height - size.height : key.y, ...size };
}

/**
 * Places labels whose last wording may be a numbered tag (`tagVariant[i]`, if any), and a
 * key box sized by `keySize(tagged)` where it covers nothing. At most three rounds: a
 * round that frees or takes space can change which labels end up as tags.
 */
export function placeWithKey(
  requests: readonly LabelRequest[],
  opts: PlaceOptions,
  tagVariant: readonly (number | undefined)[],
  keySize: (tagged: readonly number[]) => { width: number; height: number },
  margin: number,
): KeyedPlacement {
  const taggedIn = (placed: (PlacedLabel | null)[]) => placed.flatMap((p, i) => (p && tagVariant[i] !== undefined && p.variant === tagVariant[i] ? [i] : []));
  let key: Rect | undefined;
  let placed = placeLabels(requests, opts);
  for (let round = 0; round < 3; round++) {
    const tagged = taggedIn(placed);
    if (tagged.length === 0) return { placed, tagged };
    const size = keySize(tagged);
    if (key && size.width <= key.width && size.height <= key.height) return { placed, tagged, key: shrink(key, size, opts.bounds) };
    const busy = [...(opts.obstacles ?? []), ...placed.filter((p): p is PlacedLabel => p !== null)];
    key = keyCorner(size, opts.bounds, margin, busy);
    const k = key;
    if (!placed.some((p) => p && overlaps(p, k))) return { placed, tagged, key };
    placed = placeLabels(requests, { ...opts, obstacles: [...(opts.obstacles ?? []), key] });
  }
  const tagged = taggedIn(placed);
  return tagged.length > 0 ? { placed, tagged, key: keyCorner(keySize(tagged), opts.bounds, margin, opts.obstacles ?? []) } : { placed, tagged };
}
