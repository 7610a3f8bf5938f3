// The Korean Peninsula inset: North Korea, nearby targets and the turn's missile launches,
// which on the world map would all fall within a few pixels of Pyongyang.
import type * as Phaser from 'phaser';
import type { Scenario } from '../../../scenario/schema.ts';
import type { MapGeometry } from '../mapGeometry.ts';
import { COLORS, DEPTH, MAP_LAYOUT, SIZES } from '../theme.ts';
import { drawHeist, drawLaunch, type HeistArc, heistArcs, type LaunchArc, launchArcs } from './heistArcs.ts';
import type { TurnData } from './MapLayer.ts';
import { makeText } from './TextBlock.ts';

export class InsetLayer {
  private chrome?: Phaser.GameObjects.Graphics;
  private fx?: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private arcs: HeistArc[] = [];
  private launches: LaunchArc[] = [];
  private scale = 1;

  constructor(private readonly scene: Phaser.Scene) {}

  build(geo: MapGeometry, scenario: Scenario, refUsd: number, turn?: TurnData): void {
    this.destroy();
    const s = geo.scale;
    this.scale = s;
    const { rect, mapRect, pyongyang, sectors } = geo.inset;
    const g = this.scene.add.graphics().setDepth(DEPTH.chrome);
    this.chrome = g;
    this.fx = this.scene.add.graphics().setDepth(DEPTH.fx);
    // Title bar and frame; the map texture itself is painted by Backdrop.
    g.fillStyle(COLORS.panel, 1).fillRect(rect.x, rect.y, rect.width, mapRect.y - rect.y);
    g.lineStyle(1.2 * s, COLORS.panelBorder, 1).strokeRect(rect.x, rect.y, rect.width, rect.height);
    const title = makeText(this.scene, rect.x + 6 * s, rect.y + (mapRect.y - rect.y) / 2, { text: MAP_LAYOUT.inset.title, role: 'small', color: COLORS.textMuted }, s);
    this.texts.push(title.setOrigin(0, 0.5).setDepth(DEPTH.labels));

    g.lineStyle(1.2 * s, COLORS.background, 1).fillStyle(COLORS.sector, 1);
    const label = (x: number, y: number, text: string, color: number, originX = 0) => {
      const t = makeText(this.scene, x, y, { text, role: 'small', color }, s).setOrigin(originX, 0.5).setDepth(DEPTH.labels);
      this.texts.push(t);
      return t;
    };
    for (const site of sectors) {
      g.fillCircle(site.point.x, site.point.y, SIZES.sectorMarker * 0.8 * s).strokeCircle(site.point.x, site.point.y, SIZES.sectorMarker * 0.8 * s);
      const t = label(site.point.x + 7 * s, site.point.y + 6 * s, site.sub, COLORS.text);
      // Keep the label inside the frame: flip it to the marker's left near the right edge.
      if (t.x + t.width > rect.x + rect.width - 2 * s) t.setOrigin(1, 0.5).setX(site.point.x - 7 * s);
    }
    const c = SIZES.capitalMarker * 0.8 * s;
    g.fillStyle(COLORS.text, 1).fillRect(pyongyang.x - c, pyongyang.y - c, 2 * c, 2 * c);
    label(pyongyang.x - 6 * s, pyongyang.y - 8 * s, MAP_LAYOUT.pyongyang.label, COLORS.text, 1);
    if (turn) {
      this.arcs = heistArcs(turn, pyongyang, sectors, refUsd, s * 0.8);
      this.launches = launchArcs(turn, scenario, pyongyang, geo.inset.splashdowns, s);
    }
  }

  draw(t: number): void {
    const g = this.fx;
    if (!g) return;
    g.clear();
    for (const a of this.arcs) drawHeist(g, a, t, this.scale * 0.8);
    for (const l of this.launches) drawLaunch(g, l, t, this.scale);
  }

  destroy(): void {
    this.chrome?.destroy();
    this.fx?.destroy();
    this.chrome = this.fx = undefined;
    for (const t of this.texts) t.destroy();
    this.texts = [];
    this.arcs = [];
    this.launches = [];
  }
}
