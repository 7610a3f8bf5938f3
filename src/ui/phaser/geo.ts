// Map geometry as pure functions: world-atlas countries, a projection fitted to a screen
// rectangle, and the screen-space curves the turn animation draws. Kept free of Phaser so
// it runs (and is tested) in Node.
import { type GeoPermissibleObjects, type GeoProjection, geoNaturalEarth1, geoPath } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';

export interface Point {
  x: number;
  y: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type Country = Feature<Geometry, { name: string }>;

let cached: Country[] | undefined;

/** The 110m world-atlas countries as GeoJSON features (parsed once; ids are ISO numeric). */
export function worldCountries(): Country[] {
  if (!cached) {
    // The JSON import is typed from its literal shape; topojson wants its own Topology type.
    const topo = countries110m as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const fc = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    cached = fc.features;
  }
  return cached;
}

export function countryById(id: string): Country | undefined {
  return worldCountries().find((c) => String(c.id) === id);
}

/**
 * Natural Earth projection centred on `centerLon`, scaled so the countries (minus the
 * excluded ones) fill `rect`, and clipped to it.
 */
export function fitProjection(rect: Rect, centerLon: number, exclude: readonly string[] = []): GeoProjection {
  const shown: FeatureCollection = {
    type: 'FeatureCollection',
    features: worldCountries().filter((c) => !exclude.includes(String(c.id))),
  };
  const extent: [[number, number], [number, number]] = [
    [rect.x, rect.y],
    [rect.x + rect.width, rect.y + rect.height],
  ];
  return geoNaturalEarth1().rotate([-centerLon, 0]).fitExtent(extent, shown).clipExtent(extent);
}

/**
 * The screen rectangle the countries actually cover under a fitted projection (the fit
 * keeps the aspect ratio, so one side of the target rectangle is usually left empty).
 */
export function fittedBounds(projection: GeoProjection, exclude: readonly string[] = []): Rect {
  const shown: FeatureCollection = {
    type: 'FeatureCollection',
    features: worldCountries().filter((c) => !exclude.includes(String(c.id))),
  };
  const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(shown);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Screen position of a lon/lat, or null when the projection cannot place it. */
export function project(projection: GeoProjection, lon: number, lat: number): Point | null {
  const p = projection([lon, lat]);
  return p && Number.isFinite(p[0]) && Number.isFinite(p[1]) ? { x: p[0], y: p[1] } : null;
}

/** Screen centroid of a feature (for a country label). */
export function featureCentroid(projection: GeoProjection, f: GeoPermissibleObjects): Point | null {
  const [x, y] = geoPath(projection).centroid(f);
  return Number.isFinite(x) && Number.isFinite(y) ? { x, y } : null;
}

/**
 * A quadratic Bézier from `a` to `b` bulging upwards (towards smaller y) by `lift`×chord,
 * at least `minLift` px, sampled into `segments` straight pieces.
 */
export function arcPoints(a: Point, b: Point, lift: number, minLift: number, segments = 32): Point[] {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const chord = Math.hypot(dx, dy);
  const mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  // Perpendicular that points up the screen, so arcs read as trajectories.
  let nx = chord > 0 ? -dy / chord : 0;
  let ny = chord > 0 ? dx / chord : -1;
  if (ny > 0) {
    nx = -nx;
    ny = -ny;
  }
  const h = Math.max(minLift, lift * chord);
  const c = { x: mid.x + nx * h, y: mid.y + ny * h };
  const pts: Point[] = [];
  for (let i = 0; i <= segments; i++) {
    const t = i / segments;
    const u = 1 - t;
    pts.push({ x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y });
  }
  return pts;
}

export function polylineLength(points: readonly Point[]): number {
  let len = 0;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1]!;
    const q = points[i]!;
    len += Math.hypot(q.x - p.x, q.y - p.y);
  }
  return len;
}

/** The first `progress` (0..1) of a polyline by length, ending exactly at the cut point. */
export function partialPolyline(points: readonly Point[], progress: number): Point[] {
  if (points.length === 0) return [];
  const p = Math.min(1, Math.max(0, progress));
  if (p >= 1) return [...points];
  const target = polylineLength(points) * p;
  const out: Point[] = [points[0]!];
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const seg = Math.hypot(b.x - a.x, b.y - a.y);
    if (walked + seg >= target) {
      const f = seg > 0 ? (target - walked) / seg : 0;
      out.push({ x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f });
      return out;
    }
    walked += seg;
    out.push(b);
  }
  return out;
}

/** The point `progress` (0..1) of the way along a polyline. */
export function pointAlong(points: readonly Point[], progress: number): Point {
  const part = partialPolyline(points, progress);
  return part[part.length - 1] ?? { x: 0, y: 0 };
}

/**
 * Size ∝ √amount, so the *area* of a burst is proportional to the money: `max` at
 * `reference`, never below `min` for a non-zero amount, never above `max`.
 */
export function sqrtSize(amount: number, reference: number, min: number, max: number): number {
  if (amount <= 0 || reference <= 0) return 0;
  return Math.min(max, Math.max(min, max * Math.sqrt(amount / reference)));
}

/** Splits a polyline into dash segments (for blocked attempts and counterfactual lines). */
export function dashSegments(points: readonly Point[], dash: number, gap: number): Point[][] {
  const out: Point[][] = [];
  if (points.length < 2 || dash <= 0) return out;
  let on = true;
  let left = dash;
  let current: Point[] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    let a = points[i - 1]!;
    const b = points[i]!;
    let seg = Math.hypot(b.x - a.x, b.y - a.y);
    while (seg > left) {
      const f = left / seg;
      const cut = { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f };
      if (on) {
        current.push(cut);
        out.push(current);
      }
      on = !on;
      current = [cut];
      seg -= left;
      a = cut;
      left = on ? dash : gap;
    }
    left -= seg;
    if (on) current.push(b);
  }
  if (on && current.length > 1) out.push(current);
  return out;
}
