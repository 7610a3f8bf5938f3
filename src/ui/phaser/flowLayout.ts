// Geometry of the laundering flow band under the map: one column per step of the money's
// journey (stolen → each laundering stage → cash to the regime → missiles), channels
// stacked as boxes in their stage's column, and the curves that join the columns. Pure, so
// it is tested in Node; the scene only draws what this returns.
import type { Point, Rect } from './geo.ts';

export interface StageSpec {
  id: string;
  name: string;
  channels: { id: string; name: string }[];
}

export type BoxKind = 'source' | 'channel' | 'regime' | 'missiles';

export interface FlowBox {
  /** Channel id, or the kind for the fixed boxes. */
  id: string;
  kind: BoxKind;
  /** What the box is called: the channel's name, or the column title for the fixed boxes. */
  label: string;
  stage: number;
  rect: Rect;
}

export interface FlowColumn {
  title: string;
  rect: Rect;
  boxes: FlowBox[];
}

export interface FlowLayout {
  columns: FlowColumn[];
  /** Height of the column title row. */
  headerHeight: number;
  /** Lines of text that fit in the tallest column's boxes (2 or 3). */
  lines: 2 | 3;
}

export interface FlowMetrics {
  lineHeight: number;
  headerHeight: number;
  padding: number;
  /** Share of a column's width used by its boxes; the rest carries the flow curves. */
  boxShare: number;
}

export const FIXED_TITLES = { source: 'Stolen', regime: 'Cash to regime', missiles: 'Missiles' } as const;

/** The band height that shows every box with three lines of text, before clamping. */
export function bandHeightNeeded(stages: readonly StageSpec[], m: FlowMetrics): number {
  const rows = Math.max(1, ...stages.map((s) => s.channels.length));
  return m.headerHeight + rows * (3 * m.lineHeight + 2 * m.padding) + (rows + 1) * m.padding;
}

export function flowLayout(stages: readonly StageSpec[], band: Rect, m: FlowMetrics): FlowLayout {
  const fixed = (kind: 'source' | 'regime' | 'missiles', stage: number) => ({
    title: FIXED_TITLES[kind],
    kind,
    stage,
    ids: [{ id: kind, label: FIXED_TITLES[kind] }],
  });
  const specs: { title: string; kind: BoxKind; stage: number; ids: { id: string; label: string }[] }[] = [
    fixed('source', -1),
    ...stages.map((s, i) => ({
      title: s.name,
      kind: 'channel' as const,
      stage: i,
      ids: s.channels.map((c) => ({ id: c.id, label: c.name })),
    })),
    fixed('regime', stages.length),
    fixed('missiles', stages.length + 1),
  ];
  const colWidth = band.width / specs.length;
  const bodyTop = band.y + m.headerHeight;
  const bodyHeight = Math.max(0, band.y + band.height - bodyTop - m.padding);
  const rows = Math.max(1, ...specs.map((s) => s.ids.length));
  const rowHeight = (bodyHeight - (rows - 1) * m.padding) / rows;
  const lines: 2 | 3 = rowHeight >= 3 * m.lineHeight + 2 * m.padding ? 3 : 2;
  const boxWidth = colWidth * m.boxShare;

  const columns = specs.map((spec, ci) => {
    const colX = band.x + ci * colWidth;
    // Fixed boxes fill the column's height so their figures stand out; channel boxes
    // share the height of the tallest stage so equal rows line up across columns.
    const single = spec.kind !== 'channel';
    const h = single ? Math.min(bodyHeight, Math.max(rowHeight, 3 * m.lineHeight + 2 * m.padding)) : rowHeight;
    const total = spec.ids.length * h + (spec.ids.length - 1) * m.padding;
    const top = bodyTop + (bodyHeight - total) / 2;
    const boxes: FlowBox[] = spec.ids.map(({ id, label }, ri) => ({
      id,
      label,
      kind: spec.kind,
      stage: spec.stage,
      rect: { x: colX + (colWidth - boxWidth) / 2, y: top + ri * (h + m.padding), width: boxWidth, height: h },
    }));
    return { title: spec.title, rect: { x: colX, y: band.y, width: colWidth, height: band.height }, boxes };
  });
  return { columns, headerHeight: m.headerHeight, lines };
}

/** Horizontal S-curve from the right edge of one box to the left edge of the next. */
export function linkCurve(from: Point, to: Point, segments = 24): Point[] {
  const pts: Point[] = [];
  const mx = (from.x + to.x) / 2;
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const u = 1 - t;
    // Cubic Bézier with both control points at the mid x: leaves and arrives horizontally.
    const x = u * u * u * from.x + 3 * u * u * t * mx + 3 * u * t * t * mx + t * t * t * to.x;
    const y = u * u * u * from.y + 3 * u * u * t * from.y + 3 * u * t * t * to.y + t * t * t * to.y;
    pts.push({ x, y });
  }
  return pts;
}

/** Each link between neighbouring columns: every box of one column to every box of the next. */
export function columnLinks(layout: FlowLayout): { from: FlowBox; to: FlowBox; transition: number; points: Point[] }[] {
  const out: { from: FlowBox; to: FlowBox; transition: number; points: Point[] }[] = [];
  layout.columns.forEach((col, ci) => {
    const next = layout.columns[ci + 1];
    if (!next) return;
    for (const from of col.boxes) {
      for (const to of next.boxes) {
        const a = { x: from.rect.x + from.rect.width, y: from.rect.y + from.rect.height / 2 };
        const b = { x: to.rect.x, y: to.rect.y + to.rect.height / 2 };
        out.push({ from, to, transition: ci, points: linkCurve(a, b) });
      }
    }
  });
  return out;
}
