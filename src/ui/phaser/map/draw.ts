// Small Graphics helpers shared by the map, the flow band, the legend and the charts.
// The glyph-like shapes (cross, diamond, triangle, snowflake) carry meaning alongside
// colour, so blocked, frozen and launched things read the same for colour-blind players.
import type * as Phaser from 'phaser';
import { dashSegments, type Point } from '../geo.ts';

type G = Phaser.GameObjects.Graphics;

export function polyline(g: G, pts: readonly Point[]): void {
  const first = pts[0];
  if (!first || pts.length < 2) return;
  g.beginPath();
  g.moveTo(first.x, first.y);
  for (let i = 1; i < pts.length; i++) g.lineTo(pts[i]!.x, pts[i]!.y);
  g.strokePath();
}

export function dashedPolyline(g: G, pts: readonly Point[], dash: number, gap: number): void {
  for (const seg of dashSegments(pts, dash, gap)) polyline(g, seg);
}

/** An ✕ of half-size r: a blocked attempt. */
export function cross(g: G, x: number, y: number, r: number): void {
  g.lineBetween(x - r, y - r, x + r, y + r);
  g.lineBetween(x - r, y + r, x + r, y - r);
}

/** A diamond of half-size r: a laundering channel. */
export function diamond(g: G, x: number, y: number, r: number, fill: boolean): void {
  g.beginPath();
  g.moveTo(x, y - r);
  g.lineTo(x + r, y);
  g.lineTo(x, y + r);
  g.lineTo(x - r, y);
  g.closePath();
  if (fill) g.fillPath();
  g.strokePath();
}

/** An upward triangle of half-size r: a missile. */
export function triangle(g: G, x: number, y: number, r: number): void {
  g.fillTriangle(x, y - r, x - r * 0.8, y + r * 0.8, x + r * 0.8, y + r * 0.8);
}

/** A six-armed asterisk of radius r: frozen funds. */
export function snowflake(g: G, x: number, y: number, r: number): void {
  for (let k = 0; k < 3; k++) {
    const a = (k * Math.PI) / 3 + Math.PI / 2;
    g.lineBetween(x - Math.cos(a) * r, y - Math.sin(a) * r, x + Math.cos(a) * r, y + Math.sin(a) * r);
  }
}

/** A dashed circle outline (for blocked bursts, where a solid ring would mean "hit"). */
export function dashedCircle(g: G, x: number, y: number, r: number, dash: number, gap: number): void {
  const n = Math.max(12, Math.round((2 * Math.PI * r) / 3));
  const pts: Point[] = [];
  for (let i = 0; i <= n; i++) {
    const a = (i / n) * 2 * Math.PI;
    pts.push({ x: x + Math.cos(a) * r, y: y + Math.sin(a) * r });
  }
  dashedPolyline(g, pts, dash, gap);
}

/**
 * A band of constant vertical thickness `w` along a mostly horizontal curve (a Sankey
 * link). Filled as one polygon, so a translucent link has no darker joints between segments.
 */
export function ribbon(g: G, pts: readonly Point[], w: number): void {
  if (pts.length < 2) return;
  g.beginPath();
  g.moveTo(pts[0]!.x, pts[0]!.y - w / 2);
  for (let i = 1; i < pts.length; i++) g.lineTo(pts[i]!.x, pts[i]!.y - w / 2);
  for (let i = pts.length - 1; i >= 0; i--) g.lineTo(pts[i]!.x, pts[i]!.y + w / 2);
  g.closePath();
  g.fillPath();
}
