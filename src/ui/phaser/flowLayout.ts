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
  /** Stage id, or the kind for the fixed columns. */
  id: string;
  title: string;
  rect: Rect;
  boxes: FlowBox[];
}

export interface FlowLayout {
  columns: FlowColumn[];
  /**
   * Compact bands (phones) show only the laundering stages: the stolen, cash and missile
   * figures move to the strip above, so each channel box gets room for its name.
   */
  compact: boolean;
  /** Height of the column title row, and how many lines a title may take. */
  headerHeight: number;
  headerLines: 1 | 2;
}

export interface FlowMetrics {
  lineHeight: number;
  headerHeight: number;
  /** Lines a column title may wrap onto (long stage names); 1 if not given. */
  headerLines?: 1 | 2;
  padding: number;
  /** Width of the stolen, cash and missile boxes, whose figures are short; they grow to `fixedMaxWidth` when channel boxes are at their cap. */
  fixedBoxWidth: number;
  fixedMaxWidth?: number;
  /** Least horizontal room between neighbouring boxes, where the link curves run. */
  linkGap: number;
  /** Boxes grow no wider than this; spare width goes to the links. */
  maxBoxWidth: number;
}

/**
 * Box widths and the room between boxes: channel boxes (long names) take what the fixed
 * boxes and the links leave, but never less than a fixed box and never more than the cap.
 */
export function columnWidths(kinds: readonly BoxKind[], width: number, m: FlowMetrics): { boxes: number[]; gap: number } {
  const n = kinds.length;
  const fixedCount = kinds.filter((k) => k !== 'channel').length;
  const channelCount = n - fixedCount;
  const inner = width - 2 * m.padding;
  let fixed = m.fixedBoxWidth;
  let channel = channelCount > 0 ? (inner - (n - 1) * m.linkGap - fixedCount * fixed) / channelCount : fixed;
  if (channel < fixed) fixed = channel = (inner - (n - 1) * m.linkGap) / n;
  fixed = Math.max(0, Math.min(fixed, m.maxBoxWidth));
  channel = Math.max(0, Math.min(channel, m.maxBoxWidth));
  // Wide bands: spare width goes to the fixed boxes' figures first, then to the links.
  const spare = inner - (n - 1) * m.linkGap - fixedCount * fixed - channelCount * channel;
  if (spare > 0 && fixedCount > 0) fixed = Math.min(Math.max(fixed, m.fixedMaxWidth ?? fixed), fixed + spare / fixedCount);
  const boxes = kinds.map((k) => (k === 'channel' ? channel : fixed));
  const gap = n > 1 ? (inner - boxes.reduce((a, b) => a + b, 0)) / (n - 1) : 0;
  return { boxes, gap };
}

export const FIXED_TITLES = { source: 'Stolen', regime: 'Cash to regime', missiles: 'Missiles' } as const;
/** What a fixed column is called when its full title does not fit. */
export const SHORT_TITLES: Partial<Record<BoxKind, string>> = { regime: 'Cashed out' };

/** Space between the boxes of a column: tighter in crowded stages, so each box keeps two lines. */
function rowGap(rows: number, m: FlowMetrics): number {
  return rows > 4 ? m.padding / 2 : m.padding;
}

/**
 * The band height that shows every box with its text (`lines` lines: a name on one or two
 * lines and the figures), before clamping.
 */
export function bandHeightNeeded(stages: readonly StageSpec[], m: FlowMetrics, lines = 3): number {
  const rows = Math.max(1, ...stages.map((s) => s.channels.length));
  return m.headerHeight + rows * (lines * m.lineHeight + 2 * m.padding) + (rows - 1) * rowGap(rows, m) + 2 * m.padding;
}

/** The kinds of the band's columns, left to right. */
export function columnKinds(stages: readonly StageSpec[], compact = false): BoxKind[] {
  const channels = stages.map(() => 'channel' as const);
  return compact ? channels : ['source', ...channels, 'regime', 'missiles'];
}

export function flowLayout(stages: readonly StageSpec[], band: Rect, m: FlowMetrics, compact = false): FlowLayout {
  const fixed = (kind: 'source' | 'regime' | 'missiles', stage: number) => ({
    id: kind,
    title: FIXED_TITLES[kind],
    kind,
    stage,
    ids: [{ id: kind, label: FIXED_TITLES[kind] }],
  });
  const channels = stages.map((s, i) => ({
    id: s.id,
    title: s.name,
    kind: 'channel' as const,
    stage: i,
    ids: s.channels.map((c) => ({ id: c.id, label: c.name })),
  }));
  const specs: { id: string; title: string; kind: BoxKind; stage: number; ids: { id: string; label: string }[] }[] = compact
    ? channels
    : [fixed('source', -1), ...channels, fixed('regime', stages.length), fixed('missiles', stages.length + 1)];
  const widths = columnWidths(
    specs.map((sp) => sp.kind),
    band.width,
    m,
  );
  const bodyTop = band.y + m.headerHeight;
  const bodyHeight = Math.max(0, band.y + band.height - bodyTop - m.padding);
  const rows = Math.max(1, ...specs.map((s) => s.ids.length));
  let gap = rowGap(rows, m);
  // A crowded stage in a short band (five channels at 1024×640) leaves each box a hair
  // short of two lines of the smallest legible text: a quarter padding between the boxes
  // (their outlines still part them) gives it the room.
  if (rows > 4 && (bodyHeight - (rows - 1) * gap) / rows < 2 * m.lineHeight + 2 * m.padding) gap = Math.max(1, m.padding / 4);
  const rowHeight = (bodyHeight - (rows - 1) * gap) / rows;
  let left = band.x + m.padding;

  const columns = specs.map((spec, ci) => {
    const boxWidth = widths.boxes[ci] ?? 0;
    const boxX = left;
    left += boxWidth + widths.gap;
    // Fixed boxes fill the column's height so their figures stand out; channel boxes
    // share the height of the tallest stage so equal rows line up across columns.
    const single = spec.kind !== 'channel';
    const h = single ? Math.min(bodyHeight, Math.max(rowHeight, 3 * m.lineHeight + 2 * m.padding)) : rowHeight;
    const total = spec.ids.length * h + (spec.ids.length - 1) * gap;
    const top = bodyTop + (bodyHeight - total) / 2;
    const boxes: FlowBox[] = spec.ids.map(({ id, label }, ri) => ({
      id,
      label,
      kind: spec.kind,
      stage: spec.stage,
      rect: { x: boxX, y: top + ri * (h + gap), width: boxWidth, height: h },
    }));
    // The column (and its title) spans the box and half the link room on either side.
    const colX = Math.max(band.x, boxX - widths.gap / 2);
    const colRight = Math.min(band.x + band.width, boxX + boxWidth + widths.gap / 2);
    return { id: spec.id, title: spec.title, rect: { x: colX, y: band.y, width: colRight - colX, height: band.height }, boxes };
  });
  return { columns, compact, headerHeight: m.headerHeight, headerLines: m.headerLines ?? 1 };
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

/**
 * Each link between neighbouring columns: every box of one column to every box of the
 * next. `transition` numbers the step of the money's journey (0: stolen → first stage), the
 * same whether or not a compact band leaves the fixed columns out.
 */
export function columnLinks(layout: FlowLayout): { from: FlowBox; to: FlowBox; transition: number; points: Point[] }[] {
  const out: { from: FlowBox; to: FlowBox; transition: number; points: Point[] }[] = [];
  const offset = layout.compact ? 1 : 0;
  layout.columns.forEach((col, ci) => {
    const next = layout.columns[ci + 1];
    if (!next) return;
    for (const from of col.boxes) {
      for (const to of next.boxes) {
        const a = { x: from.rect.x + from.rect.width, y: from.rect.y + from.rect.height / 2 };
        const b = { x: to.rect.x, y: to.rect.y + to.rect.height / 2 };
        out.push({ from, to, transition: ci + offset, points: linkCurve(a, b) });
      }
    }
  });
  return out;
}
