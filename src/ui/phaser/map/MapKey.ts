// Draws the numbered badges of map labels that had no room, and the key box that spells
// out their full names (mapLabelPlan.ts decides sizes, mapKey.ts where the box goes).
import type * as Phaser from 'phaser';
import type { Rect } from '../geo.ts';
import { KEY_METRICS, type KeyLayout } from '../mapLabelPlan.ts';
import { COLORS, DEPTH, SIZES } from '../theme.ts';
import { makeText } from './TextBlock.ts';

export function drawBadge(scene: Phaser.Scene, g: Phaser.GameObjects.Graphics, texts: Phaser.GameObjects.Text[], cx: number, cy: number, n: number, d: number, s: number): void {
  g.fillStyle(COLORS.panel, 1).fillCircle(cx, cy, d / 2);
  g.lineStyle(1.2 * s, COLORS.text, 1).strokeCircle(cx, cy, d / 2);
  const t = makeText(scene, cx, cy, { text: String(n), role: 'small', bold: true }, s);
  texts.push(t.setOrigin(0.5).setDepth(DEPTH.labels));
}

export function drawKey(scene: Phaser.Scene, g: Phaser.GameObjects.Graphics, texts: Phaser.GameObjects.Text[], rect: Rect, layout: KeyLayout, d: number, s: number): void {
  const gap = KEY_METRICS.gap * s;
  g.fillStyle(COLORS.panel, 0.94).fillRoundedRect(rect.x, rect.y, rect.width, rect.height, SIZES.panelRadius * s * 0.6);
  g.lineStyle(1, COLORS.panelBorder, 1).strokeRoundedRect(rect.x, rect.y, rect.width, rect.height, SIZES.panelRadius * s * 0.6);
  layout.rows.forEach((row, i) => {
    const x = rect.x + row.x;
    let y = rect.y + row.y;
    drawBadge(scene, g, texts, x + d / 2, y + d / 2, i + 1, d, s);
    for (const line of row.lines) {
      const t = makeText(scene, x + d + gap, y, { text: line, role: 'small', px: row.px }, s).setDepth(DEPTH.labels);
      texts.push(t);
      y += t.height;
    }
  });
}
