// Everything drawn on top of the world map: markers, labelled sectors and channels,
// North Korea, and a turn's heist arcs, cash arrival and missile launches. `draw(t)`
// renders the turn at elapsed time t; t = timeline.total is the final frame.
import type * as Phaser from 'phaser';
import type { MoneyFormat } from '../index.ts';
import type { MapGeometry } from '../mapGeometry.ts';
import { cashRingRadius, type MapLabelPlan, mapMarkers, planMapLabels, reservedArcs } from '../mapLabelPlan.ts';
import { stableMapLabels, type TurnData } from '../mapLabels.ts';
import { COLORS, DEPTH, SIZES } from '../theme.ts';
import { easeOut, progress, tail } from '../timeline.ts';
import { diamond } from './draw.ts';
import { drawHeist, type HeistArc, heistArcs } from './heistArcs.ts';
import { drawBadge, drawKey } from './MapKey.ts';
import { TextMeasurer } from './measure.ts';
import { TextBlock } from './TextBlock.ts';

export type { TurnData } from '../mapLabels.ts';

export class MapLayer {
  private chrome?: Phaser.GameObjects.Graphics;
  private fx?: Phaser.GameObjects.Graphics;
  private overlay?: Phaser.GameObjects.Graphics;
  private blocks: { block: TextBlock; groups: Map<string, () => number> }[] = [];
  private texts: Phaser.GameObjects.Text[] = [];
  private arcs: HeistArc[] = [];
  private geo?: MapGeometry;
  private turn?: TurnData;
  private refUsd = 1;
  private planCache?: { key: string; plan: MapLabelPlan };
  /** Elapsed time of the frame being drawn; label fade-ins read it. */
  private t = 0;

  constructor(private readonly scene: Phaser.Scene) {}

  build(geo: MapGeometry, money: MoneyFormat, refUsd: number, turn?: TurnData): void {
    this.destroy();
    this.geo = geo;
    this.turn = turn;
    this.refUsd = refUsd;
    const s = geo.scale;
    this.chrome = this.scene.add.graphics().setDepth(DEPTH.chrome);
    this.fx = this.scene.add.graphics().setDepth(DEPTH.fx);
    // Badges and the key sit above the arcs, under their own digits.
    this.overlay = this.scene.add.graphics().setDepth(DEPTH.labels);
    if (turn) this.arcs = heistArcs(turn, geo.pyongyang, geo.sectors, refUsd, s);
    this.buildLabels(geo, money, turn);
    this.drawMarkers(geo, s);
  }

  /**
   * Labels go where the reserve (every figure at its widest, every sector's burst at its
   * largest) fits, so they stay put from turn to turn; each turn's text is drawn into its
   * reserved box, hugging the marker side.
   */
  private buildLabels(geo: MapGeometry, money: MoneyFormat, turn?: TurnData): void {
    const s = geo.scale;
    const labels = stableMapLabels(geo, money, turn, 'turn');
    const reserve = stableMapLabels(geo, money, undefined, 'reserve');
    // The plan depends on the canvas and the scenario, not on the turn: a crowded map's
    // thorough placement is worked out once, not again at every turn.
    const planKey = JSON.stringify([geo.width, geo.height, this.refUsd, reserve.map((l) => [l.id, l.anchor, l.wordings.map((w) => w.lines.map((x) => x.text))])]);
    let plan = this.planCache?.key === planKey ? this.planCache.plan : undefined;
    if (!plan) {
      const m = new TextMeasurer(this.scene, s);
      plan = planMapLabels(
        {
          labels: reserve,
          mapRect: geo.mapRect,
          insetRect: geo.inset.rect,
          markers: mapMarkers(geo),
          arcs: reservedArcs(geo, this.refUsd, s),
          capital: geo.pyongyang,
          cashRadius: cashRingRadius(this.refUsd, this.refUsd, s),
          scale: s,
        },
        m.size,
      );
      m.destroy();
      this.planCache = { key: planKey, plan };
    }
    const g = this.chrome!;
    const over = this.overlay!;
    plan.placed.forEach((p, i) => {
      const label = labels[i]!;
      if (!p) return; // no room even for a badge: the marker stays, the panels carry the name
      if (p.leader) {
        g.lineStyle(1 * s, COLORS.textMuted, 0.7);
        g.lineBetween(p.leader.from.x, p.leader.from.y, p.leader.to.x, p.leader.to.y);
      }
      if (p.variant === plan.tagVariant[i]) {
        drawBadge(this.scene, over, this.texts, p.x + p.width / 2, p.y + p.height / 2, plan.tagged.indexOf(i) + 1, plan.badge, s);
        return;
      }
      const block = new TextBlock(this.scene, label.wordings[p.variant]!.lines, s, DEPTH.labels);
      const x = p.align === 'right' ? p.x + p.width - block.width : p.align === 'center' ? p.x + (p.width - block.width) / 2 : p.x;
      block.setPosition(x, p.y, p.align);
      const groups = new Map(Object.entries(label.groups).map(([name, w]) => [name, () => tail(progress(this.t, w.window), w.share)]));
      this.blocks.push({ block, groups });
    });
    if (plan.key && plan.keyLayout) drawKey(this.scene, over, this.texts, plan.key, plan.keyLayout, plan.badge, s);
  }

  private cashRadius(s: number): number {
    return cashRingRadius(this.turn?.report.cashedOutUsd ?? 0, this.refUsd, s);
  }

  private drawMarkers(geo: MapGeometry, s: number): void {
    const g = this.chrome!;
    g.lineStyle(1.5 * s, COLORS.background, 1);
    g.fillStyle(COLORS.sector, 1);
    for (const site of geo.sectors) {
      g.fillCircle(site.point.x, site.point.y, SIZES.sectorMarker * s);
      g.strokeCircle(site.point.x, site.point.y, SIZES.sectorMarker * s);
    }
    g.fillStyle(COLORS.panel, 1);
    g.lineStyle(1.5 * s, COLORS.channel, 1);
    for (const ch of geo.channels) diamond(g, ch.point.x, ch.point.y, SIZES.channelMarker * s, true);
    const c = SIZES.capitalMarker * s;
    g.fillStyle(COLORS.text, 1);
    g.fillRect(geo.pyongyang.x - c, geo.pyongyang.y - c, 2 * c, 2 * c);
    g.lineStyle(1.5 * s, COLORS.background, 1);
    g.strokeRect(geo.pyongyang.x - c, geo.pyongyang.y - c, 2 * c, 2 * c);
  }

  draw(t: number): void {
    this.t = t;
    const g = this.fx;
    const geo = this.geo;
    if (!g || !geo) return;
    g.clear();
    const s = geo.scale;
    for (const a of this.arcs) drawHeist(g, a, t, s);
    const turn = this.turn;
    if (turn) {
      const pc = easeOut(progress(t, turn.timeline.cash));
      const r = this.cashRadius(s) - SIZES.capitalMarker * s;
      if (pc > 0 && r > 0) {
        g.lineStyle(2.5 * s, COLORS.cash, 0.95);
        g.strokeCircle(geo.pyongyang.x, geo.pyongyang.y, SIZES.capitalMarker * s + r * pc);
      }
      for (const ch of geo.channels) {
        const p = progress(t, turn.timeline.transitions[ch.stage] ?? turn.timeline.cash);
        if (p <= 0 || !turn.view.flows.get(ch.id)?.inUsd) continue;
        g.lineStyle(2 * s, COLORS.frozen, 0.9);
        diamond(g, ch.point.x, ch.point.y, (SIZES.channelMarker + 5 * Math.sin(Math.PI * Math.min(1, p))) * s, false);
      }
    }
    for (const { block, groups } of this.blocks) for (const [name, alpha] of groups) block.setGroupAlpha(name, alpha());
  }

  destroy(): void {
    this.chrome?.destroy();
    this.fx?.destroy();
    this.overlay?.destroy();
    for (const b of this.blocks) b.block.destroy();
    for (const t of this.texts) t.destroy();
    this.chrome = this.fx = this.overlay = undefined;
    this.texts = [];
    this.blocks = [];
    this.arcs = [];
  }
}
