import { describe, expect, it } from 'vitest';
import {
  arcPoints,
  countryById,
  dashSegments,
  fitProjection,
  fittedBounds,
  partialPolyline,
  polylineLength,
  project,
  sqrtSize,
  worldCountries,
} from '../../src/ui/phaser/geo.ts';

const rect = { x: 10, y: 20, width: 960, height: 480 };

describe('world atlas', () => {
  it('loads the 110m countries with ISO numeric ids', () => {
    expect(worldCountries().length).toBeGreaterThan(170);
    expect(countryById('408')?.properties.name).toBe('North Korea');
  });
});

describe('fitProjection', () => {
  const p = fitProjection(rect, 150, ['010']);

  it('puts the shown countries inside the rectangle, touching two opposite sides', () => {
    const b = fittedBounds(p, ['010']);
    expect(b.x).toBeGreaterThanOrEqual(rect.x - 0.5);
    expect(b.y).toBeGreaterThanOrEqual(rect.y - 0.5);
    expect(b.x + b.width).toBeLessThanOrEqual(rect.x + rect.width + 0.5);
    expect(b.y + b.height).toBeLessThanOrEqual(rect.y + rect.height + 0.5);
    const touchesX = Math.abs(b.width - rect.width) < 1;
    const touchesY = Math.abs(b.height - rect.height) < 1;
    expect(touchesX || touchesY).toBe(true);
  });

  it('centres the map on the Pacific: Pyongyang left of centre, San Francisco right', () => {
    const cx = rect.x + rect.width / 2;
    const py = project(p, 125.75, 39.02)!;
    const sf = project(p, -122.4, 37.8)!;
    expect(py.x).toBeLessThan(cx);
    expect(sf.x).toBeGreaterThan(cx);
    expect(py.y).toBeCloseTo(sf.y, -1); // similar latitudes, similar heights
  });
});

describe('arcs', () => {
  const a = { x: 0, y: 100 };
  const b = { x: 200, y: 100 };

  it('starts and ends at the endpoints and bulges upwards', () => {
    const pts = arcPoints(a, b, 0.25, 10, 16);
    expect(pts[0]).toEqual(a);
    expect(pts[16]!.x).toBeCloseTo(200);
    expect(pts[16]!.y).toBeCloseTo(100);
    expect(Math.min(...pts.map((p) => p.y))).toBeLessThan(100 - 20);
  });

  it('keeps a minimum lift for points that are close together', () => {
    const pts = arcPoints({ x: 0, y: 0 }, { x: 4, y: 0 }, 0.25, 20, 16);
    expect(Math.min(...pts.map((p) => p.y))).toBeLessThanOrEqual(-9);
  });

  it('cuts a polyline at a share of its length', () => {
    const line = [a, b];
    const half = partialPolyline(line, 0.5);
    expect(half[half.length - 1]).toEqual({ x: 100, y: 100 });
    expect(polylineLength(partialPolyline(line, 0))).toBe(0);
    expect(partialPolyline(line, 1)).toEqual(line);
  });

  it('splits a line into dashes of the given length', () => {
    const dashes = dashSegments([{ x: 0, y: 0 }, { x: 100, y: 0 }], 10, 5);
    expect(dashes.length).toBe(7);
    expect(dashes[0]).toEqual([{ x: 0, y: 0 }, { x: 10, y: 0 }]);
    expect(dashes[1]![0]).toEqual({ x: 15, y: 0 });
    for (const d of dashes) expect(polylineLength(d)).toBeLessThanOrEqual(10 + 1e-9);
  });
});

describe('sqrtSize', () => {
  it('makes area proportional to amount, clamped to [min, max]', () => {
    expect(sqrtSize(100, 100, 2, 20)).toBe(20);
    expect(sqrtSize(25, 100, 2, 20)).toBe(10);
    expect(sqrtSize(1, 1e9, 2, 20)).toBe(2);
    expect(sqrtSize(1e12, 100, 2, 20)).toBe(20);
    expect(sqrtSize(0, 100, 2, 20)).toBe(0);
  });
});
