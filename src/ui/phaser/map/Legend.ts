// The legend: one icon per kind of mark, each shape distinct so nothing depends on colour
// alone. Drawn as one column at the bottom of the side panel, or in a grid in the strip.
import type * as Phaser from 'phaser';
import type { Rect } from '../geo.ts';
import { fitLine, } from '../labelText.ts';
import { LEGEND } from '../legendItems.ts';
import { COLORS, DEPTH, fontPx, MIN_FONT_PX } from '../theme.ts';
import { cross, dashedCircle, dashedPolyline, diamond, polyline, snowflake, triangle } from './draw.ts';
import { TextMeasurer } from './measure.ts';
import { makeText } from './TextBlock.ts';

export type Icon = (g: Phaser.GameObjects.Graphics, x: number, y: number, r: number, s: number) => void;

export const ICONS: Record<string, Icon> = {
  heist: (g, x, y, r) => {
    g.fillStyle(COLORS.heist, 0.6).fillCircle(x, y, r);
    g.lineStyle(1.5, COLORS.heist, 1).strokeCircle(x, y, r);
  },
  blocked: (g, x, y, r, s) => {
    g.lineStyle(1.5 * s, COLORS.blocked, 1);
    dashedCircle(g, x, y, r, 3 * s, 2 * s);
    cross(g, x, y, r * 0.5);
  },
  frozen: (g, x, y, r, s) => {
    g.lineStyle(1.8 * s, COLORS.frozen, 1);
    snowflake(g, x, y, r);
  },
  lost: (g, x, y, r, s) => {
    g.lineStyle(2 * s, COLORS.lost, 1).lineBetween(x - r, y, x + r, y);
  },
  cash: (g, x, y, r, s) => {
    g.lineStyle(2.5 * s, COLORS.cash, 1).strokeCircle(x, y, r * 0.8);
  },
  missile: (g, x, y, r) => {
    g.fillStyle(COLORS.missile, 1);
    triangle(g, x, y, r);
  },
  sector: (g, x, y, r, s) => {
    g.fillStyle(COLORS.sector, 1).fillCircle(x, y, r * 0.6);
    g.lineStyle(1.5 * s, COLORS.background, 1).strokeCircle(x, y, r * 0.6);
  },
  channel: (g, x, y, r, s) => {
    g.fillStyle(COLORS.panel, 1).lineStyle(1.5 * s, COLORS.channel, 1);
    diamond(g, x, y, r * 0.75, true);
  },
  nk: (g, x, y, r) => {
    g.fillStyle(COLORS.northKorea, 0.9).fillRect(x - r, y - r * 0.7, 2 * r, 1.4 * r);
  },
  arc: (g, x, y, r, s) => {
    g.lineStyle(2.5 * s, COLORS.heist, 0.9);
    polyline(g, [{ x: x - r * 1.6, y: y + r * 0.5 }, { x, y: y - r * 0.6 }, { x: x + r * 1.6, y: y + r * 0.5 }]);
  },
  blockedArc: (g, x, y, r, s) => {
    g.lineStyle(2 * s, COLORS.blocked, 0.9);
    dashedPolyline(g, [{ x: x - r * 1.6, y: y + r * 0.5 }, { x, y: y - r * 0.6 }, { x: x + r * 1.6, y: y + r * 0.5 }], 4 * s, 3 * s);
  },
};

const ICON_BOX = 26; // px at the reference size: icon column before each legend label

/**
 * Lays the legend out in `columns` columns inside `area`, rows as tall as `rowH` allows
 * down to the text height. Returns the height used.
 */
export function drawLegend(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  texts: Phaser.GameObjects.Text[],
  area: Rect,
  columns: number,
  rowH: number,
  s: number,
): number {
  const m = new TextMeasurer(scene, s);
  const measure = m.size;
  const rows = Math.ceil(LEGEND.length / columns);
  const h = Math.max(fontPx('legend', s) * 1.25, Math.min(rowH, area.height / rows));
  const colW = area.width / columns;
  LEGEND.forEach(([icon, label, short], i) => {
    const col = Math.floor(i / rows);
    const row = i % rows;
    const x = area.x + col * colW;
    const cy = area.y + row * h + h / 2;
    ICONS[icon]?.(g, x + 10 * s, cy, 6 * s, s);
    // In a grid, long labels take their short form, then shrink, rather than run into the next column.
    const room = { width: colW - ICON_BOX * s - 6 * s, height: h, px: fontPx('legend', s), minPx: MIN_FONT_PX, scale: s };
    const line = columns > 1 ? fitLine({ texts: short ? [label, short] : [label], role: 'legend' }, room, measure) : { text: label, role: 'legend' as const };
    const t = makeText(scene, x + ICON_BOX * s, cy, line, s).setOrigin(0, 0.5).setDepth(DEPTH.labels);
    texts.push(t);
  });
  m.destroy();
  return rows * h;
}
