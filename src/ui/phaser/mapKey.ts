// When a map label has no room even for its shortest wording, its marker gets a numbered
// tag instead and the full name goes into a small key box on the map (its corners, or any
// stretch of empty ocean). The key must not cover labels either, so placement runs again
// with the key reserved. Pure and deterministic, tested in Node.
import type { Rect } from './geo.ts';
import { type LabelRequest, overlaps, type PlacedLabel, type PlaceOptions, placeLabels } from './labels.ts';

export interface KeyedPlacement {
  placed: (PlacedLabel | null)[];
  /** Request indices whose label is a numbered tag, in request order (tag n is tagged[n - 1]). */
  tagged: number[];
  /** Where the key box goes, when there are tags. */
  key?: Rect;
  /** Which of the key's possible sizes (see placeWithKey) the box has. */
  keyOption?: number;
}

type Size = { width: number; height: number };
/** The sizes a key may take for these tags, most readable first. */
type KeySizes = (tagged: readonly number[]) => Size | readonly Size[];

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** The corner of `bounds` (bottom-left first, as the South Atlantic is emptiest) whose box covers least of `busy`. */
export function keyCorner(size: Size, bounds: Rect, margin: number, busy: readonly Rect[]): Rect {
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

/** The reserved key box cut down to `size`, staying on the side of the map it is on. */
function shrink(key: Rect, size: Size, bounds: Rect): Rect {
  const right = key.x + key.width / 2 > bounds.x + bounds.width / 2;
  const bottom = key.y + key.height / 2 > bounds.y + bounds.height / 2;
  return { x: right ? key.x + key.width - size.width : key.x, y: bottom ? key.y + key.height - size.height : key.y, width: size.width, height: size.height };
}

/** Where a key box of `size` may go: the corners first, then along each edge, then anywhere inside. */
function keyCandidates(size: Size, bounds: Rect, margin: number): Rect[] {
  const left = bounds.x + margin;
  const right = bounds.x + bounds.width - margin - size.width;
  const top = bounds.y + margin;
  const bottom = bounds.y + bounds.height - margin - size.height;
  if (right < left || bottom < top) return [];
  const steps = 16;
  const xs = Array.from({ length: steps + 1 }, (_, i) => left + ((right - left) * i) / steps);
  const ys = Array.from({ length: steps + 1 }, (_, i) => top + ((bottom - top) * i) / steps);
  const spots = [
    { x: left, y: bottom },
    { x: left, y: top },
    { x: right, y: bottom },
    { x: right, y: top },
    ...xs.flatMap((x) => [
      { x, y: bottom },
      { x, y: top },
    ]),
    ...ys.flatMap((y) => [
      { x: left, y },
      { x: right, y },
    ]),
    // Open ocean inside the map (the Pacific on a Pacific-centred map) comes last.
    ...ys.flatMap((y) => xs.map((x) => ({ x, y }))),
  ];
  return spots.map((p) => ({ ...p, width: size.width, height: size.height }));
}

/**
 * The best place for the key among its possible sizes (most readable first) and spots: one
 * that covers nothing in `hard` (markers, the inset) and as little of `soft` (labels, heist
 * bursts) as possible: the first size that covers nothing, else the one that covers least.
 * Undefined when no size fits anywhere without covering something hard.
 */
export function keySpot(sizes: readonly Size[], bounds: Rect, margin: number, hard: readonly Rect[], soft: readonly Rect[]): { rect: Rect; option: number } | undefined {
  let best: { rect: Rect; option: number } | undefined;
  let bestArea = Number.POSITIVE_INFINITY;
  for (const [option, size] of sizes.entries()) {
    for (const c of keyCandidates(size, bounds, margin)) {
      if (hard.some((h) => overlaps(c, h))) continue;
      const area = soft.reduce((a, b) => a + overlapArea(c, b), 0);
      if (area < bestArea) {
        best = { rect: c, option };
        bestArea = area;
      }
    }
    // The most readable size that covers nothing wins outright.
    if (bestArea === 0) break;
  }
  return best;
}

const sizesOf = (keySizes: KeySizes, tagged: readonly number[]): Size[] => {
  const z = keySizes(tagged);
  return Array.isArray(z) ? [...(z as readonly Size[])] : [z as Size];
};
const holds = (k: Rect, z: Size) => z.width <= k.width + 1e-6 && z.height <= k.height + 1e-6;

function taggedIn(placed: readonly (PlacedLabel | null)[], tagVariant: readonly (number | undefined)[]): number[] {
  return placed.flatMap((p, i) => (p && tagVariant[i] !== undefined && p.variant === tagVariant[i] ? [i] : []));
}

/** The first way of placing: labels on their rings, the key in the corner that covers least, at most three rounds. */
function cornerRounds(requests: readonly LabelRequest[], opts: PlaceOptions, tagVariant: readonly (number | undefined)[], keySizes: KeySizes, margin: number): KeyedPlacement {
  const keySize = (tagged: readonly number[]) => sizesOf(keySizes, tagged)[0]!;
  let key: Rect | undefined;
  let placed = placeLabels(requests, opts);
  for (let round = 0; round < 3; round++) {
    const tagged = taggedIn(placed, tagVariant);
    if (tagged.length === 0) return { placed, tagged };
    const size = keySize(tagged);
    if (key && holds(key, size)) return { placed, tagged, key: shrink(key, size, opts.bounds), keyOption: 0 };
    const busy = [...(opts.obstacles ?? []), ...placed.filter((p): p is PlacedLabel => p !== null)];
    key = keyCorner(size, opts.bounds, margin, busy);
    const k = key;
    if (!placed.some((p) => p && overlaps(p, k))) return { placed, tagged, key, keyOption: 0 };
    placed = placeLabels(requests, { ...opts, obstacles: [...(opts.obstacles ?? []), key] });
  }
  const tagged = taggedIn(placed, tagVariant);
  return tagged.length > 0 ? { placed, tagged, key: keyCorner(keySize(tagged), opts.bounds, margin, opts.obstacles ?? []), keyOption: 0 } : { placed, tagged };
}

/** The requests with each tag costing at least `cost`. */
function withTagCost(requests: readonly LabelRequest[], tagVariant: readonly (number | undefined)[], cost: number): LabelRequest[] {
  return requests.map((r, i) => {
    const t = tagVariant[i];
    if (t === undefined || !r.variants[t]) return r;
    return { ...r, variants: r.variants.map((v, k) => (k === t ? { ...v, cost: Math.max(cost, v.cost ?? 0) } : v)) };
  });
}

/**
 * The thorough way, for crowded maps: labels may also sit anywhere on a leader line, and
 * the key tries each of its sizes anywhere it covers no marker. Each round puts the key
 * where it covers fewest labels, then places the labels again around it. The key is sized
 * for every label that was a tag in any round, so it only grows and the rounds settle; it
 * is cut down to the final tags at the end.
 */
function searchRounds(requests: readonly LabelRequest[], opts: PlaceOptions, tagVariant: readonly (number | undefined)[], keySizes: KeySizes, margin: number): KeyedPlacement {
  const obstacles = opts.obstacles ?? [];
  const keepClear = opts.keyKeepsClear ?? obstacles;
  // Obstacles the key may overlap (heist bursts' reserved room) count against it like labels.
  const keySoft = obstacles.filter((o) => !keepClear.includes(o));
  const far = { ...opts, far: true };
  let placed = placeLabels(requests, far);
  let key: Rect | undefined;
  const everTagged = new Set<number>();
  const finish = (tagged: number[], k: Rect): KeyedPlacement => {
    const sizes = sizesOf(keySizes, tagged);
    const option = Math.max(0, sizes.findIndex((z) => holds(k, z)));
    return { placed, tagged, key: shrink(k, sizes[option]!, opts.bounds), keyOption: option };
  };
  for (let round = 0; round < 8; round++) {
    const tagged = taggedIn(placed, tagVariant);
    if (tagged.length === 0) return { placed, tagged };
    for (const i of tagged) everTagged.add(i);
    const k = key;
    if (k && sizesOf(keySizes, tagged).some((z) => holds(k, z)) && !placed.some((p) => p && overlaps(p, k))) return finish(tagged, k);
    const labelBoxes = placed.filter((p): p is PlacedLabel => p !== null);
    const spot = keySpot(sizesOf(keySizes, [...everTagged].sort((a, b) => a - b)), opts.bounds, margin, keepClear, [...labelBoxes, ...keySoft]);
    if (!spot) break;
    key = spot.rect;
    const at = key;
    if (!placed.some((p) => p && overlaps(p, at))) return finish(tagged, at);
    placed = placeLabels(requests, { ...far, obstacles: [...obstacles, key] });
  }
  const tagged = taggedIn(placed, tagVariant);
  if (tagged.length === 0) return { placed, tagged };
  const spot = keySpot(sizesOf(keySizes, tagged), opts.bounds, margin, [], [...obstacles, ...placed.filter((p): p is PlacedLabel => p !== null)]);
  return { placed, tagged, ...(spot ? { key: spot.rect, keyOption: spot.option } : {}) };
}

/**
 * What is wrong with a placement: labels with no spot, a key that covers a label, leaves
 * the map or cannot hold its tags, tags without a key. 0 is a sound placement.
 */
function faults(plan: KeyedPlacement, opts: PlaceOptions, keySizes: KeySizes): number {
  const b = opts.bounds;
  let n = plan.placed.filter((p) => p === null).length;
  if (plan.tagged.length === 0) return n;
  const k = plan.key;
  if (!k) return n + plan.tagged.length;
  if (k.x < b.x || k.y < b.y || k.x + k.width > b.x + b.width || k.y + k.height > b.y + b.height) n++;
  if (!holds(k, sizesOf(keySizes, plan.tagged)[plan.keyOption ?? 0]!)) n++;
  return n + plan.placed.filter((p) => p && overlaps(p, k)).length;
}

/** Tag costs the thorough way tries in turn (undefined: as the requests say): dearer tags send labels to far spots and leave the key fewer names. */
const TAG_ESCALATION = [undefined, 24, 60] as const;

/**
 * Places labels whose last wording may be a numbered tag (`tagVariant[i]`, if any), and a
 * key box that covers no label. `keySizes(tagged)` gives the size the key takes for those
 * tags, or several (one column of full names, narrower wrapped ones, several columns),
 * most readable first. The simple way (rings and corners) is kept wherever it works, so
 * roomy maps look as they always did; crowded ones get the thorough way (searchRounds),
 * with tags made dearer while the key finds no room. Of the ways tried, the first sound
 * one wins, or else the one with the fewest faults.
 */
export function placeWithKey(requests: readonly LabelRequest[], opts: PlaceOptions, tagVariant: readonly (number | undefined)[], keySizes: KeySizes, margin: number): KeyedPlacement {
  let best = cornerRounds(requests, opts, tagVariant, keySizes, margin);
  let bestFaults = faults(best, opts, keySizes);
  for (const cost of TAG_ESCALATION) {
    if (bestFaults === 0) break;
    const plan = searchRounds(cost === undefined ? requests : withTagCost(requests, tagVariant, cost), opts, tagVariant, keySizes, margin);
    const f = faults(plan, opts, keySizes);
    if (f < bestFaults) {
      best = plan;
      bestFaults = f;
    }
  }
  return best;
}
