// Heist arcs (Pyongyang → sector) and launch arcs (Pyongyang → splashdown), shared by the
// world map and the Korean Peninsula inset. A hit is a solid arc ending in a filled burst
// whose area is proportional to the amount; a blocked attempt is a dashed arc ending in a
// dashed ring with a cross, so the two differ by shape, not only by colour.
import type * as Phaser from 'phaser';
import type { Scenario } from '../../../scenario/schema.ts';
import { arcPoints, type Point, partialPolyline, pointAlong, sqrtSize } from '../geo.ts';
import type { PlacedSite } from '../mapGeometry.ts';
import { COLORS, SIZES } from '../theme.ts';
import { easeOut, lead, progress, tail, type Window } from '../timeline.ts';
import { cross, dashedCircle, dashedPolyline, polyline, triangle } from './draw.ts';
import type { TurnData } from './MapLayer.ts';

export interface HeistArc {
  pts: Point[];
  width: number;
  radius: number;
  blocked: boolean;
  window: Window;
}

export interface LaunchArc {
  pts: Point[];
  window: Window;
}

const ARC_DRAW_SHARE = 0.72; // the arc travels for this share of its window, then the burst grows

export function heistArcs(turn: TurnData, from: Point, sites: readonly PlacedSite[], refUsd: number, s: number): HeistArc[] {
  const perSector = new Map<string, number>();
  const out: HeistArc[] = [];
  turn.report.heists.forEach((h, i) => {
    const site = sites.find((x) => x.id === h.sector);
    if (!site) return;
    const k = perSector.get(h.sector) ?? 0;
    perSector.set(h.sector, k + 1);
    // Several heists on one sector fan out so each arc stays visible.
    out.push({
      pts: arcPoints(from, site.point, SIZES.arcLift * (1 + 0.22 * k), SIZES.arcLiftMin * s * (1 + 0.3 * k)),
      width: sqrtSize(h.amountUsd, refUsd, SIZES.arcWidthMin, SIZES.arcWidthMax) * s,
      radius: sqrtSize(h.amountUsd, refUsd, SIZES.burstMin, SIZES.burstMax) * s,
      blocked: h.blocked,
      window: turn.timeline.heists[i] ?? { start: 0, duration: 1 },
    });
  });
  return out;
}

/** One arc per launch (up to SIZES.maxLaunchArcs); cheaper types splash down nearer. */
export function launchArcs(turn: TurnData, scenario: Scenario, from: Point, splashdowns: readonly Point[], s: number): LaunchArc[] {
  const byCost = [...scenario.missiles].sort((a, b) => a.cost.value - b.cost.value).map((m) => m.id);
  const shots = turn.view.missiles.flatMap((m) => Array.from({ length: m.launched }, () => byCost.indexOf(m.id)));
  const shown = shots.slice(0, SIZES.maxLaunchArcs);
  const w = turn.timeline.missiles;
  return shown.map((rank, i) => {
    const base = splashdowns[Math.max(0, rank) % splashdowns.length] ?? from;
    const angle = i * 2.39996; // golden angle: spreads splashdowns without randomness
    const r = (2 + 3 * (i % 4)) * s;
    const end = { x: base.x + Math.cos(angle) * r, y: base.y + Math.sin(angle) * r };
    const start = w.start + (i / Math.max(1, shown.length)) * w.duration * 0.55;
    return { pts: arcPoints(from, end, 0.5, 18 * s), window: { start, duration: w.duration * 0.4 } };
  });
}

export function drawHeist(g: Phaser.GameObjects.Graphics, a: HeistArc, t: number, s: number): void {
  const p = progress(t, a.window);
  if (p <= 0) return;
  const part = partialPolyline(a.pts, easeOut(lead(p, ARC_DRAW_SHARE)));
  const end = a.pts[a.pts.length - 1]!;
  const grow = easeOut(tail(p, 1 - ARC_DRAW_SHARE));
  if (a.blocked) {
    g.lineStyle(Math.max(1.5 * s, a.width * 0.6), COLORS.blocked, 1);
    dashedPolyline(g, part, SIZES.dash * s, SIZES.gap * s);
    if (grow > 0) {
      g.lineStyle(2 * s, COLORS.blocked, 1);
      dashedCircle(g, end.x, end.y, a.radius * grow, SIZES.dash * 0.6 * s, SIZES.gap * 0.6 * s);
      cross(g, end.x, end.y, Math.max(4 * s, a.radius * 0.45) * grow);
    }
    return;
  }
  g.lineStyle(a.width, COLORS.heist, 1);
  polyline(g, part);
  if (grow > 0) {
    g.fillStyle(COLORS.heist, 0.45);
    g.fillCircle(end.x, end.y, a.radius * grow);
    g.lineStyle(2 * s, COLORS.heist, 1);
    g.strokeCircle(end.x, end.y, a.radius * grow);
  }
}

export function drawLaunch(g: Phaser.GameObjects.Graphics, l: LaunchArc, t: number, s: number): void {
  const p = progress(t, l.window);
  if (p <= 0) return;
  const e = easeOut(p);
  g.lineStyle(1.5 * s, COLORS.missile, 1);
  polyline(g, partialPolyline(l.pts, e));
  const head = pointAlong(l.pts, e);
  g.fillStyle(COLORS.missile, 1);
  triangle(g, head.x, head.y, SIZES.missileIcon * 0.6 * s);
}
