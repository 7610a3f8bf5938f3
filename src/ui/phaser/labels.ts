// Label placement for the map: each label tries positions around its marker (right, left,
// above, below, diagonals, then further out on a leader line, and on crowded maps anywhere
// a straight leader line reaches) and wordings from the most
// to the least complete, and takes the cheapest combination that covers no placed label,
// leader line, marker or reserved box (the North Korea label, the Korea inset) and stays
// on the map. Labels are placed in the order given, so callers list the important ones
// first, after each has reserved room for its most compact wording; a label with no room
// at all is left out (its marker stays). Pure and deterministic: the same inputs always
// give the same picture, and it is tested in Node.
import type { Point, Rect } from './geo.ts';

export interface LabelVariant {
  width: number;
  height: number;
  /** Height of the first line, which sits level with the marker when beside it. */
  lineHeight: number;
  /** What this wording costs over the full one (see PLACEMENT_COST); the index × `variant` if not given. */
  cost?: number;
}

export interface LabelRequest {
  anchor: Point;
  /** Wordings from the most to the least complete; earlier ones are preferred. */
  variants: readonly LabelVariant[];
  /** Distance from the anchor kept clear (the marker, or a heist burst drawn on it). */
  clearance: number;
}

export type TextAlign = 'left' | 'right' | 'center';

export interface PlacedLabel extends Rect {
  /** Index into the request's variants. */
  variant: number;
  /** How the lines align inside the box: towards the marker. */
  align: TextAlign;
  /** Set when the label sits away from its marker: draw a line from `from` to `to`. */
  leader?: { from: Point; to: Point };
}

export interface PlaceOptions {
  bounds: Rect;
  /** Base distance between a marker's clear zone and its label (px). */
  gap: number;
  /** Boxes no label may cover. */
  obstacles?: readonly Rect[];
  /** Also try every spot of the map on a leader line, past the rings (crowded maps). */
  far?: boolean;
  /** Of the obstacles, those a map key must not cover either (markers, the inset); all of them if not given. */
  keyKeepsClear?: readonly Rect[];
  /** Points labels should rather not cover (heist arcs): each costs PLACEMENT_COST.softPoint. */
  soft?: readonly Point[];
}

/** Costs of the choices, in the same currency: a shorter wording ≈ moving out one ring. */
export const PLACEMENT_COST = { variant: 3, ring: 2.2, softPoint: 0.4, far: 8, farPerGap: 0.1 } as const;
/** How far out each ring of positions sits, in multiples of the gap (ring 0 touches the marker). */
const RINGS = [0.5, 2.5, 4.5, 7, 10.5, 14.5] as const;

interface Slot {
  /** Where the box goes, from the ring distance r, anchor a, box size and first-line height. */
  at: (a: Point, r: number, w: number, h: number, lh: number) => Point;
  align: TextAlign;
  cost: number;
}

const D = Math.SQRT1_2;
const SLOTS: readonly Slot[] = [
  { at: (a, r, _w, _h, lh) => ({ x: a.x + r, y: a.y - lh / 2 }), align: 'left', cost: 0 },
  { at: (a, r, w, _h, lh) => ({ x: a.x - r - w, y: a.y - lh / 2 }), align: 'right', cost: 0.3 },
  { at: (a, r, _w, h) => ({ x: a.x + r, y: a.y - h / 2 }), align: 'left', cost: 0.4 },
  { at: (a, r, w, h) => ({ x: a.x - r - w, y: a.y - h / 2 }), align: 'right', cost: 0.5 },
  { at: (a, r, _w, h, lh) => ({ x: a.x + r, y: a.y - h + lh / 2 }), align: 'left', cost: 0.6 },
  { at: (a, r, w, h, lh) => ({ x: a.x - r - w, y: a.y - h + lh / 2 }), align: 'right', cost: 0.7 },
  { at: (a, r, w, h) => ({ x: a.x - w / 2, y: a.y - r - h }), align: 'center', cost: 0.8 },
  { at: (a, r, w) => ({ x: a.x - w / 2, y: a.y + r }), align: 'center', cost: 0.8 },
  { at: (a, r, _w, h, lh) => ({ x: a.x - lh / 2, y: a.y - r - h }), align: 'left', cost: 0.9 },
  { at: (a, r, w, h, lh) => ({ x: a.x - w + lh / 2, y: a.y - r - h }), align: 'right', cost: 0.9 },
  { at: (a, r, _w, _h, lh) => ({ x: a.x - lh / 2, y: a.y + r }), align: 'left', cost: 0.9 },
  { at: (a, r, w, _h, lh) => ({ x: a.x - w + lh / 2, y: a.y + r }), align: 'right', cost: 0.9 },
  { at: (a, r, _w, h) => ({ x: a.x + r * D, y: a.y - r * D - h }), align: 'left', cost: 1 },
  { at: (a, r) => ({ x: a.x + r * D, y: a.y + r * D }), align: 'left', cost: 1 },
  { at: (a, r, w, h) => ({ x: a.x - r * D - w, y: a.y - r * D - h }), align: 'right', cost: 1.1 },
  { at: (a, r, w) => ({ x: a.x - r * D - w, y: a.y + r * D }), align: 'right', cost: 1.1 },
];

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(r: Rect, bounds: Rect): boolean {
  return r.x >= bounds.x && r.y >= bounds.y && r.x + r.width <= bounds.x + bounds.width && r.y + r.height <= bounds.y + bounds.height;
}

function containsPoint(r: Rect, p: Point): boolean {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

/** Whether the segment p→q passes through the rectangle (Liang–Barsky clipping). */
export function segmentHitsRect(p: Point, q: Point, r: Rect): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = q.x - p.x;
  const dy = q.y - p.y;
  const edges: [number, number][] = [
    [-dx, p.x - r.x],
    [dx, r.x + r.width - p.x],
    [-dy, p.y - r.y],
    [dy, r.y + r.height - p.y],
  ];
  for (const [pe, qe] of edges) {
    if (pe === 0) {
      if (qe < 0) return false;
      continue;
    }
    const t = qe / pe;
    if (pe < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return true;
}

function cross(o: Point, a: Point, b: Point): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

/** Whether two segments cross (touching at an end does not count). */
export function segmentsCross(p1: Point, p2: Point, q1: Point, q2: Point): boolean {
  const d1 = cross(q1, q2, p1);
  const d2 = cross(q1, q2, p2);
  const d3 = cross(p1, p2, q1);
  const d4 = cross(p1, p2, q2);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

/** The leader from the edge of the anchor's clear zone to the nearest point of the box. */
function leaderFor(a: Point, clearance: number, box: Rect): { from: Point; to: Point } {
  const to = { x: Math.min(Math.max(a.x, box.x), box.x + box.width), y: Math.min(Math.max(a.y, box.y), box.y + box.height) };
  const len = Math.hypot(to.x - a.x, to.y - a.y) || 1;
  return { from: { x: a.x + ((to.x - a.x) / len) * clearance, y: a.y + ((to.y - a.y) / len) * clearance }, to };
}

/** Shrinks a box a little so labels that merely touch do not count as overlapping. */
function inset(r: Rect, d: number): Rect {
  return { x: r.x + d, y: r.y + d, width: Math.max(0, r.width - 2 * d), height: Math.max(0, r.height - 2 * d) };
}

interface Scene {
  taken: readonly Rect[];
  leaders: readonly { from: Point; to: Point }[];
}

/** The cheapest free spot for one of `variants` (indices into the request's list), or null. */
function bestSpot(req: LabelRequest, variants: readonly number[], scene: Scene, opts: PlaceOptions): PlacedLabel | null {
  const { taken, leaders } = scene;
  const soft = opts.soft ?? [];
  let best: PlacedLabel | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const vi of variants) {
    const v = req.variants[vi]!;
    for (const [ri, k] of RINGS.entries()) {
      const r = req.clearance + opts.gap * k;
      for (const slot of SLOTS) {
        const base = (v.cost ?? vi * PLACEMENT_COST.variant) + ri * PLACEMENT_COST.ring + slot.cost;
        if (base >= bestCost) continue;
        const p = slot.at(req.anchor, r, v.width, v.height, v.lineHeight);
        const box = { x: p.x, y: p.y, width: v.width, height: v.height };
        if (!inside(box, opts.bounds)) continue;
        const probe = inset(box, 0.5);
        if (taken.some((t) => overlaps(probe, t))) continue;
        if (leaders.some((l) => segmentHitsRect(l.from, l.to, probe))) continue;
        const leader = ri > 0 ? leaderFor(req.anchor, req.clearance, box) : undefined;
        // The anchor's own marker (and any marker on the same spot) contains the anchor.
        if (leader && taken.some((t) => !containsPoint(t, req.anchor) && segmentHitsRect(leader.from, leader.to, inset(t, 0.5)))) continue;
        if (leader && leaders.some((l) => segmentsCross(l.from, l.to, leader.from, leader.to))) continue;
        const cost = base + soft.filter((s) => containsPoint(box, s)).length * PLACEMENT_COST.softPoint;
        if (cost < bestCost) {
          bestCost = cost;
          best = { ...box, variant: vi, align: slot.align, ...(leader ? { leader } : {}) };
        }
      }
    }
    // Crowded maps: anywhere on the map in reach of a straight leader line, at a price
    // that makes the rings cheaper whenever they have room.
    const variantCost = v.cost ?? vi * PLACEMENT_COST.variant;
    if (!opts.far || variantCost + PLACEMENT_COST.far >= bestCost) continue;
    const step = opts.gap * 1.5;
    const b = opts.bounds;
    for (let y = b.y; y + v.height <= b.y + b.height; y += step) {
      for (let x = b.x; x + v.width <= b.x + b.width; x += step) {
        const box = { x, y, width: v.width, height: v.height };
        const leader = leaderFor(req.anchor, req.clearance, box);
        const reach = Math.hypot(leader.to.x - req.anchor.x, leader.to.y - req.anchor.y);
        if (reach <= req.clearance) continue;
        const base = variantCost + PLACEMENT_COST.far + (reach / opts.gap) * PLACEMENT_COST.farPerGap;
        if (base >= bestCost) continue;
        const probe = inset(box, 0.5);
        if (taken.some((t) => overlaps(probe, t))) continue;
        if (leaders.some((l) => segmentHitsRect(l.from, l.to, probe))) continue;
        if (taken.some((t) => !containsPoint(t, req.anchor) && segmentHitsRect(leader.from, leader.to, inset(t, 0.5)))) continue;
        if (leaders.some((l) => segmentsCross(l.from, l.to, leader.from, leader.to))) continue;
        const cost = base + soft.filter((s) => containsPoint(box, s)).length * PLACEMENT_COST.softPoint;
        if (cost < bestCost) {
          bestCost = cost;
          const cx = x + v.width / 2;
          const align: TextAlign = leader.to.x <= x ? 'left' : leader.to.x >= x + v.width ? 'right' : cx >= req.anchor.x ? 'left' : 'right';
          best = { ...box, variant: vi, align, leader };
        }
      }
    }
  }
  return best;
}

/**
 * Places `requests` in two rounds. First each label, in order, reserves a spot for its
 * most compact wording, so a marker in a crowd (Seoul beside Pyongyang) is not walled in
 * by its neighbours' long labels. Then, in order again, each label gives up its
 * reservation and takes the cheapest wording and spot still free. Each result is the
 * chosen box (with variant, alignment and leader line), or null when nothing fits.
 */
export function placeLabels(requests: readonly LabelRequest[], opts: PlaceOptions): (PlacedLabel | null)[] {
  const obstacles = opts.obstacles ?? [];
  const placed: (PlacedLabel | null)[] = requests.map(() => null);
  const sceneWithout = (i: number): Scene => {
    const others = placed.filter((p, k): p is PlacedLabel => p !== null && k !== i);
    return { taken: [...obstacles, ...others], leaders: others.flatMap((p) => (p.leader ? [p.leader] : [])) };
  };
  requests.forEach((req, i) => {
    if (req.variants.length > 0) placed[i] = bestSpot(req, [req.variants.length - 1], sceneWithout(i), opts);
  });
  requests.forEach((req, i) => {
    const all = req.variants.map((_, k) => k);
    placed[i] = bestSpot(req, all, sceneWithout(i), opts) ?? placed[i] ?? null;
  });
  return placed;
}
