// Where everything on the map view goes for a given canvas size: the map, the side panel
// (turn summary + legend), the laundering band, and the screen positions of Pyongyang,
// sectors, located channels and splashdowns. Pure, so resizing is "recompute and redraw".
import type { GeoProjection } from 'd3-geo';
import { geoMercator } from 'd3-geo';
import type { Scenario } from '../../scenario/schema.ts';
import { bandHeightNeeded, columnKinds, columnWidths, type FlowLayout, type FlowMetrics, flowLayout, type StageSpec } from './flowLayout.ts';
import { countryById, featureCentroid, fitProjection, fittedBounds, type Point, project, type Rect } from './geo.ts';
import { stripHeight } from './legendItems.ts';
import { fontPx, lineHeightPx, MAP_LAYOUT, uiScale } from './theme.ts';

export interface PlacedSite {
  id: string;
  name: string;
  sub: string;
  point: Point;
}

export interface InsetGeometry {
  rect: Rect;
  /** Where the map itself goes inside the inset frame (below its title). */
  mapRect: Rect;
  projection: GeoProjection;
  pyongyang: Point;
  splashdowns: Point[];
  /** Sectors inside the inset's bounds, at their inset positions. */
  sectors: PlacedSite[];
}

export interface MapGeometry {
  /** 'side': panel right of the map; 'stacked' (narrow canvases): a strip under the map. */
  layout: 'side' | 'stacked';
  width: number;
  height: number;
  scale: number;
  mapRect: Rect;
  panelRect: Rect;
  bandRect: Rect;
  projection: GeoProjection;
  pyongyang: Point;
  northKoreaCentroid: Point;
  sectors: PlacedSite[];
  /** Channels that have a location in the scenario; the rest live only in the flow band. */
  channels: (PlacedSite & { stage: number })[];
  splashdowns: Point[];
  inset: InsetGeometry;
  flow: FlowLayout;
}

export function stageSpecs(scenario: Scenario): StageSpec[] {
  return scenario.laundering.stages.map((s) => ({
    id: s.id,
    name: s.name,
    channels: s.channels.map((c) => ({ id: c.id, name: c.name })),
  }));
}

/** Bold text runs up to about this many em per character (DejaVu Sans, the widest common UI font). */
const BOLD_EM_PER_CHAR = 0.66;

/**
 * Band text metrics and box sizes at this scale. A stage name too long for its column on
 * one line (estimated, as nothing is measured yet) gets a two-line title row.
 */
export function flowMetrics(scale: number, stages: readonly StageSpec[] = [], bandWidth = 0, compact = false): FlowMetrics {
  const { flow } = MAP_LAYOUT;
  const base: FlowMetrics = {
    lineHeight: lineHeightPx('small', scale),
    headerHeight: Math.round(fontPx('heading', scale) * 1.8),
    padding: Math.round(5 * scale),
    fixedBoxWidth: flow.fixedBoxPx * scale,
    fixedMaxWidth: flow.fixedMaxPx * scale,
    linkGap: flow.linkGapPx * scale,
    maxBoxWidth: flow.maxBoxPx * scale,
  };
  const { boxes, gap } = columnWidths(columnKinds(stages, compact), bandWidth, base);
  const titleRoom = (i: number) => (boxes[i + 1] ?? 0) + gap - 8 * scale;
  const long = stages.some((st, i) => st.name.length * BOLD_EM_PER_CHAR * fontPx('heading', scale) > titleRoom(i));
  if (!long) return base;
  return { ...base, headerLines: 2, headerHeight: 2 * lineHeightPx('heading', scale) + Math.round(4 * scale) };
}

/** The smallest canvas the view lays out; below it (e.g. a hidden parent) nothing is drawn. */
export const MIN_CANVAS = { width: 320, height: 240 } as const;

export function isDrawable(width: number, height: number): boolean {
  return width >= MIN_CANVAS.width && height >= MIN_CANVAS.height;
}

export function mapGeometry(scenario: Scenario, width: number, height: number): MapGeometry {
  const scale = uiScale(width, height);
  const m = Math.round(MAP_LAYOUT.marginPx * scale);
  const stages = stageSpecs(scenario);
  // A phone-width band cannot hold the fixed columns and readable channel names side by side.
  const compact = width - 2 * m < MAP_LAYOUT.flow.compactBelowPx;
  const metrics = flowMetrics(scale, stages, width - 2 * m, compact);
  const stacked = width / height < MAP_LAYOUT.stackBelowAspect;
  // Compact bands give channel boxes the width for their names on one line: a name line and
  // a figures line then suffice, and the map keeps the height.
  const { boxes } = columnWidths(columnKinds(stages, compact), width - 2 * m, metrics);
  const channelBox = Math.min(...boxes) - 8 * scale;
  const oneLine = stages.every((st) => st.channels.every((c) => c.name.length * BOLD_EM_PER_CHAR * fontPx('small', scale) <= channelBox));
  const bandH = Math.min(
    height * (stacked ? MAP_LAYOUT.bandMaxShareStacked : MAP_LAYOUT.bandMaxShare),
    Math.max(compact ? 0 : MAP_LAYOUT.bandMinPx * scale, height * (compact ? 0 : MAP_LAYOUT.bandShare), bandHeightNeeded(stages, metrics, compact && oneLine ? 2 : 3)),
  );
  const bandRect = { x: m, y: height - bandH - m, width: width - 2 * m, height: bandH };
  let panelRect: Rect;
  let mapRect: Rect;
  if (stacked) {
    // Compact canvases leave the legend to the page's key (src/ui/dom/world-key.ts).
    const stripH = stripHeight(width - 2 * m, scale, compact ? 3 : 1, !compact);
    panelRect = { x: m, y: bandRect.y - m - stripH, width: width - 2 * m, height: stripH };
    mapRect = { x: m, y: m, width: width - 2 * m, height: panelRect.y - 2 * m };
  } else {
    const panelW = Math.max(MAP_LAYOUT.sidePanelMinPx * scale, width * MAP_LAYOUT.sidePanelShare);
    const topH = bandRect.y - 2 * m;
    panelRect = { x: width - m - panelW, y: m, width: panelW, height: topH };
    mapRect = { x: m, y: m, width: panelRect.x - 2 * m, height: topH };
  }
  const projection = fitProjection(mapRect, MAP_LAYOUT.centerLon, MAP_LAYOUT.excludeFromFit);
  const at = (lon: number, lat: number): Point => project(projection, lon, lat) ?? { x: mapRect.x, y: mapRect.y };

  const { pyongyang } = MAP_LAYOUT;
  const nk = countryById(MAP_LAYOUT.northKoreaId);
  const py = at(pyongyang.lon, pyongyang.lat);
  return {
    layout: stacked ? 'stacked' : 'side',
    width,
    height,
    scale,
    mapRect,
    panelRect,
    bandRect,
    projection,
    pyongyang: py,
    northKoreaCentroid: (nk && featureCentroid(projection, nk)) || py,
    sectors: scenario.sectors.map((s) => ({
      id: s.id,
      name: s.name,
      sub: s.location.label,
      point: at(s.location.lon, s.location.lat),
    })),
    channels: scenario.laundering.stages.flatMap((st, stage) =>
      st.channels.flatMap((c) => (c.location ? [{ id: c.id, name: c.name, sub: st.name, stage, point: at(c.location.lon, c.location.lat) }] : [])),
    ),
    splashdowns: MAP_LAYOUT.splashdowns.map((s) => at(s.lon, s.lat)),
    inset: insetGeometry(scenario, mapRect, projection, scale),
    flow: flowLayout(stages, bandRect, metrics, compact),
  };
}

function insetGeometry(scenario: Scenario, mapRect: Rect, main: GeoProjection, scale: number): InsetGeometry {
  const cfg = MAP_LAYOUT.inset;
  const m = Math.round(MAP_LAYOUT.marginPx * scale * 0.75);
  const drawn = fittedBounds(main, MAP_LAYOUT.excludeFromFit);
  const wanted = Math.min(cfg.maxWidthPx * scale, Math.max(cfg.minWidthPx * scale, mapRect.width * cfg.widthShare));
  // On wide, short canvases the inset would cover the Pacific: cap it by the map's height.
  const width = Math.min(wanted, (drawn.height * cfg.maxHeightShare) / cfg.aspect);
  const height = width * cfg.aspect;
  const cx = project(main, cfg.centerLon, 0)?.x ?? mapRect.x + mapRect.width / 2;
  const x = Math.min(Math.max(cx - width / 2, mapRect.x + m), mapRect.x + mapRect.width - width - m);
  // Sit on the bottom of the drawn land, not of the (possibly taller) map area.
  const bottom = Math.min(mapRect.y + mapRect.height, drawn.y + drawn.height);
  const rect = { x, y: bottom - height - m, width, height };
  const titleH = Math.round(fontPx('small', scale) * 1.6);
  const inner = { x: rect.x + 2, y: rect.y + titleH, width: rect.width - 4, height: rect.height - titleH - 2 };
  const { west, south, east, north } = cfg.bounds;
  const extent: [[number, number], [number, number]] = [
    [inner.x, inner.y],
    [inner.x + inner.width, inner.y + inner.height],
  ];
  const projection = geoMercator()
    .fitExtent(extent, { type: 'MultiPoint', coordinates: [[west, south], [east, north]] })
    .clipExtent(extent);
  const at = (lon: number, lat: number): Point => project(projection, lon, lat) ?? { x: inner.x, y: inner.y };
  const inside = (lon: number, lat: number) => lon >= west && lon <= east && lat >= south && lat <= north;
  return {
    rect,
    mapRect: inner,
    projection,
    pyongyang: at(MAP_LAYOUT.pyongyang.lon, MAP_LAYOUT.pyongyang.lat),
    splashdowns: MAP_LAYOUT.splashdowns.map((s) => at(s.lon, s.lat)),
    sectors: scenario.sectors
      .filter((s) => inside(s.location.lon, s.location.lat))
      .map((s) => ({ id: s.id, name: s.name, sub: s.location.label, point: at(s.location.lon, s.location.lat) })),
  };
}
