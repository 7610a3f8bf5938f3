// Where every map label goes for one frame of the map: the requests for labels.ts (each
// wording measured, a numbered badge as the last resort), what must stay uncovered (the
// Korea inset, markers, heist bursts) and the key for badges. Pure: text sizes come from
// a callback, so the whole plan for a real scenario is tested in Node.
import { arcPoints, type Point, type Rect, sqrtSize } from './geo.ts';
import type { LabelRequest } from './labels.ts';
import { fitName, nameVariants, type SizeOf, splitTwoLines, withoutAside } from './labelText.ts';
import type { LineSpec } from './map/TextBlock.ts';
import { type KeyedPlacement, placeWithKey } from './mapKey.ts';
import type { MapLabel } from './mapLabels.ts';
import { fontPx, MIN_FONT_PX, SIZES } from './theme.ts';

/** What the plan needs of a heist arc: where it ends and how big its burst is. */
export interface ArcEnd {
  pts: readonly Point[];
  radius: number;
}

export interface KeyLayout {
  width: number;
  height: number;
  /** Each entry's lines, font size, height and top-left corner inside the key box. */
  rows: { lines: string[]; px: number; height: number; x: number; y: number; variant: number; whole: boolean }[];
}

export interface MapLabelPlan extends KeyedPlacement {
  /** Per label: the variant index that means "numbered badge" (none for North Korea). */
  tagVariant: (number | undefined)[];
  /** Diameter of a badge. */
  badge: number;
  keyLayout?: KeyLayout;
}

/** A numbered badge instead of a label costs about as much as moving five rings out. */
export const TAG_COST = 12;
const KEY_MAX_SHARE = 0.5; // of the map's width
export const KEY_METRICS = { pad: 6, gap: 6, rowGap: 3, margin: 4 } as const; // px at the reference size

/** Size of a block of lines as TextBlock stacks them (indents included). */
export function blockSize(lines: readonly LineSpec[], size: SizeOf, s: number): { width: number; height: number; lineHeight: number } {
  const sizes = lines.map((l) => {
    const z = size(l.text, l.px ?? fontPx(l.role ?? 'label', s), l.bold ?? false);
    return { width: z.width + (l.indent ?? 0) * s, height: z.height };
  });
  return {
    width: Math.max(0, ...sizes.map((z) => z.width)),
    height: sizes.reduce((a, z) => a + z.height, 0),
    lineHeight: sizes[0]?.height ?? 0,
  };
}

/**
 * Each entry's name, wrapped onto two lines if need be (`textMax` px wide at most, from
 * `px` down), and the key box that holds them in `columns` columns (filled top to bottom,
 * then left to right).
 */
export function keyLayout(
  entries: readonly { name: string; id: string }[],
  size: SizeOf,
  s: number,
  textMax: number,
  badge: number,
  columns = 1,
  px = fontPx('small', s),
): KeyLayout {
  const pad = KEY_METRICS.pad * s;
  const gap = KEY_METRICS.gap * s;
  const rowGap = KEY_METRICS.rowGap * s;
  const fitted = entries.map((e) => {
    const fit = fitName(e.name, e.id, textMax, 2, px, MIN_FONT_PX, (t, p) => size(t, p, false).width);
    const lineH = size('Ag', fit.px, false).height;
    return { lines: fit.lines, px: fit.px, height: Math.max(badge, fit.lines.length * lineH), variant: fit.variant, whole: fit.whole };
  });
  const perColumn = Math.max(1, Math.ceil(fitted.length / Math.max(1, columns)));
  const rows: KeyLayout['rows'] = [];
  let x = pad;
  let height = 0;
  for (let c = 0; c * perColumn < fitted.length; c++) {
    const col = fitted.slice(c * perColumn, (c + 1) * perColumn);
    const textW = Math.max(0, ...col.flatMap((r) => r.lines.map((l) => size(l, r.px, false).width)));
    let y = pad;
    for (const r of col) {
      rows.push({ ...r, x, y });
      y += r.height + rowGap;
    }
    height = Math.max(height, y - rowGap + pad);
    x += badge + gap + textW + 2 * pad;
  }
  return { width: x - pad, height, rows };
}

/**
 * The key's possible layouts for these entries, most readable first: a wide single column,
 * then each name on one line or wrapped onto two (as narrow as its words allow), in one,
 * two or three columns, at the usual and the smallest legible font; last, the shortest
 * wordings a map label may use (the panels beside the map carry every full name).
 */
export function keyLayouts(entries: readonly { name: string; id: string }[], size: SizeOf, s: number, mapWidth: number, badge: number): KeyLayout[] {
  const chrome = 2 * KEY_METRICS.pad * s + badge + KEY_METRICS.gap * s;
  const first = keyLayout(entries, size, s, Math.max(badge, mapWidth * KEY_MAX_SHARE - chrome), badge);
  const split = (t: string, width: (t: string) => number) => {
    const two = splitTwoLines(t, width);
    return Math.min(width(t), two ? Math.max(width(two[0]), width(two[1])) : Number.POSITIVE_INFINITY);
  };
  const layouts = (px: number, textMaxes: number[]) => textMaxes.flatMap((textMax) => [1, 2, 3].map((columns) => keyLayout(entries, size, s, textMax + 0.01, badge, columns, px)));
  const pxs = [fontPx('small', s), MIN_FONT_PX];
  // Each name whole: on one line, or wrapped at its best break (its aside on a line of its own).
  const whole = pxs.flatMap((px) => {
    const width = (t: string) => size(t, px, false).width;
    const oneLine = Math.max(...entries.map((e) => width(e.name)));
    const twoLines = Math.max(
      ...entries.map((e) => {
        const bare = withoutAside(e.name);
        const aside = bare ? Math.max(width(bare), width(e.name.slice(bare.length).trim())) : Number.POSITIVE_INFINITY;
        return Math.min(split(e.name, width), aside);
      }),
    );
    return layouts(px, [oneLine, twoLines]);
  });
  // Last, for the most crowded maps: each name in the shortest wording a map label may use.
  const short = pxs.flatMap((px) => {
    const width = (t: string) => size(t, px, false).width;
    return layouts(px, [Math.max(...entries.map((e) => Math.min(...nameVariants(e.name, e.id).map((v) => split(v, width)))))]);
  });
  const fits = (l: KeyLayout) => l.width <= mapWidth && l.rows.every((r) => r.whole);
  // A narrower layout names each place as well as the first does: no shorter wording than it uses.
  const asGood = (l: KeyLayout) => l.rows.every((r, i) => r.variant <= Math.max(1, first.rows[i]!.variant));
  return [first, ...whole.filter((l) => fits(l) && asGood(l)), ...short.filter(fits)];
}

export interface PlanInput {
  labels: readonly MapLabel[];
  mapRect: Rect;
  insetRect: Rect;
  /** Every marker on the map (Pyongyang, sectors, located channels). */
  markers: readonly Point[];
  arcs: readonly ArcEnd[];
  /** Pyongyang, and the radius of the cash ring round it on the final frame (0 before a turn). */
  capital: Point;
  cashRadius: number;
  scale: number;
}

const end = (a: ArcEnd): Point => a.pts[a.pts.length - 1]!;

/** Room kept round a label's anchor: its marker, the burst of a heist on it, the cash ring. */
function clearance(label: MapLabel, input: PlanInput): number {
  const s = input.scale;
  const marker = (label.kind === 'channel' ? SIZES.channelMarker : SIZES.sectorMarker) * s;
  const near = (a: ArcEnd) => Math.hypot(end(a).x - label.anchor.x, end(a).y - label.anchor.y) < 1;
  const burst = Math.max(0, ...input.arcs.filter(near).map((a) => a.radius));
  const cash = label.kind === 'nk' ? input.cashRadius : 0;
  return Math.max(marker, burst, cash) + 2 * s;
}

/** What labels must keep clear of, by kind: the inset (with a margin), markers, heist bursts and the cash ring. */
function obstacleParts(input: PlanInput): { fixed: Rect[]; bursts: Rect[] } {
  const s = input.scale;
  const box = (p: Point, r: number): Rect => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
  const pad = SIZES.labelGap * s * 0.5;
  const i = input.insetRect;
  return {
    fixed: [
      { x: i.x - pad, y: i.y - pad, width: i.width + 2 * pad, height: i.height + 2 * pad },
      ...input.markers.map((p) => box(p, (SIZES.sectorMarker + 1) * s)),
      ...(input.cashRadius > 0 ? [box(input.capital, input.cashRadius + 3 * s)] : []),
    ],
    bursts: input.arcs.map((a) => box(end(a), a.radius * 0.9)),
  };
}

/** Boxes no label may cover: the inset (with a margin), every marker, every heist burst and the cash ring. */
export function labelObstacles(input: PlanInput): Rect[] {
  const { fixed, bursts } = obstacleParts(input);
  return [...fixed, ...bursts];
}

export function planMapLabels(input: PlanInput, size: SizeOf): MapLabelPlan {
  const s = input.scale;
  const { labels } = input;
  const badge = size('8', fontPx('small', s), true).height;
  // Every label but North Korea's may end up as a numbered badge explained in the key.
  const tagVariant = labels.map((l) => (l.kind === 'nk' ? undefined : l.wordings.length));
  const requests: LabelRequest[] = labels.map((l) => ({
    anchor: l.anchor,
    clearance: clearance(l, input),
    variants: [
      ...l.wordings.map((w) => ({ ...blockSize(w.lines, size, s), cost: w.cost })),
      ...(l.kind === 'nk' ? [] : [{ width: badge, height: badge, lineHeight: badge, cost: TAG_COST }]),
    ],
  }));
  const { fixed, bursts } = obstacleParts(input);
  const obstacles = [...fixed, ...bursts];
  // The key may cover part of a heist burst's reserved room (at a price), never a marker,
  // the inset or the cash ring.
  const keyKeepsClear = fixed;
  const entries = (tagged: readonly number[]) => tagged.map((i) => ({ name: labels[i]!.name, id: labels[i]!.id }));
  // The rounds of placement ask for the same tag sets again and again.
  const layoutCache = new Map<string, KeyLayout[]>();
  const layoutsFor = (tagged: readonly number[]) => {
    const id = tagged.join(',');
    let out = layoutCache.get(id);
    if (!out) {
      out = keyLayouts(entries(tagged), size, s, input.mapRect.width, badge);
      layoutCache.set(id, out);
    }
    return out;
  };
  const plan = placeWithKey(
    requests,
    { bounds: input.mapRect, gap: SIZES.labelGap * s, obstacles, keyKeepsClear, soft: input.arcs.flatMap((a) => a.pts) },
    tagVariant,
    layoutsFor,
    Math.round(KEY_METRICS.margin * s),
  );
  return { ...plan, tagVariant, badge, ...(plan.key ? { keyLayout: layoutsFor(plan.tagged)[plan.keyOption ?? 0] } : {}) };
}

/** Every marker of the map geometry (Pyongyang, sectors, located channels), for PlanInput. */
export function mapMarkers(geo: { pyongyang: Point; sectors: readonly { point: Point }[]; channels: readonly { point: Point }[] }): Point[] {
  return [geo.pyongyang, ...geo.sectors.map((x) => x.point), ...geo.channels.map((c) => c.point)];
}

/** Radius of the cash ring round Pyongyang on the final frame (MapLayer draws it growing to this). */
export function cashRingRadius(cashedOutUsd: number, refUsd: number, s: number): number {
  return SIZES.capitalMarker * s + sqrtSize(cashedOutUsd, refUsd, SIZES.burstMin, SIZES.burstMax) * s;
}

/**
 * The room every turn's heists may take: an arc to every sector ending in the largest
 * burst. Planning labels against it (with labels as wide as any turn's figures) gives one
 * layout that every turn fits, so no label moves from turn to turn.
 */
export function reservedArcs(geo: { pyongyang: Point; sectors: readonly { point: Point }[] }, refUsd: number, s: number): ArcEnd[] {
  return geo.sectors.map((site) => ({
    pts: arcPoints(geo.pyongyang, site.point, SIZES.arcLift, SIZES.arcLiftMin * s),
    radius: sqrtSize(refUsd, refUsd, SIZES.burstMin, SIZES.burstMax) * s,
  }));
}
