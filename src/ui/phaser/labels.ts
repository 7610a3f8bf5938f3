// Greedy label placement: sector and channel labels sit next to their markers without
// covering each other, the map edge or reserved boxes. Markers can be a few pixels apart
// on a world map (Seoul is next to Pyongyang), so labels may move out on a leader line.
import type { Point, Rect } from './geo.ts';

export interface LabelRequest {
  anchor: Point;
  width: number;
  height: number;
}

export interface PlacedLabel extends Rect {
  /** True when the label sits away from its anchor and needs a leader line. */
  leader: boolean;
}

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(r: Rect, bounds: Rect): boolean {
  return r.x >= bounds.x && r.y >= bounds.y && r.x + r.width <= bounds.x + bounds.width && r.y + r.height <= bounds.y + bounds.height;
}

/** Candidate boxes around an anchor, nearest first: right, left, above, below, diagonals, then further out. */
function candidates(req: LabelRequest, gap: number): Rect[] {
  const { anchor: a, width: w, height: h } = req;
  const out: Rect[] = [];
  for (const ring of [1, 2.5, 4.5, 7]) {
    const g = gap * ring;
    out.push(
      { x: a.x + g, y: a.y - h / 2, width: w, height: h },
      { x: a.x - g - w, y: a.y - h / 2, width: w, height: h },
      { x: a.x - w / 2, y: a.y - g - h, width: w, height: h },
      { x: a.x - w / 2, y: a.y + g, width: w, height: h },
      { x: a.x + g, y: a.y - g - h, width: w, height: h },
      { x: a.x + g, y: a.y + g, width: w, height: h },
      { x: a.x - g - w, y: a.y - g - h, width: w, height: h },
      { x: a.x - g - w, y: a.y + g, width: w, height: h },
    );
  }
  return out;
}

function clampInto(r: Rect, bounds: Rect): Rect {
  const x = Math.min(Math.max(r.x, bounds.x), bounds.x + bounds.width - r.width);
  const y = Math.min(Math.max(r.y, bounds.y), bounds.y + bounds.height - r.height);
  return { ...r, x, y };
}

/**
 * Places labels in order (earlier requests win), avoiding each other, `obstacles` and the
 * area outside `bounds`. When nothing is free, takes the candidate with least overlap.
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Rect, gap: number, obstacles: readonly Rect[] = []): PlacedLabel[] {
  const taken: Rect[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const firstRing = 8; // the first eight candidates touch the marker: no leader needed
  for (const req of requests) {
    const cands = candidates(req, gap);
    let best: Rect | undefined;
    let bestIndex = 0;
    let bestScore = Number.POSITIVE_INFINITY;
    for (const [i, c] of cands.entries()) {
      const box = inside(c, bounds) ? c : clampInto(c, bounds);
      const score = taken.reduce((s, t) => s + overlapArea(box, t), 0) + (box === c ? 0 : 1);
      if (score === 0 && !taken.some((t) => overlaps(box, t))) {
        best = box;
        bestIndex = i;
        bestScore = 0;
        break;
      }
      if (score < bestScore) {
        best = box;
        bestIndex = i;
        bestScore = score;
      }
    }
    const box = best ?? clampInto(cands[0]!, bounds);
    taken.push(box);
    placed.push({ ...box, leader: bestIndex >= firstRing });
  }
  return placed;
}
