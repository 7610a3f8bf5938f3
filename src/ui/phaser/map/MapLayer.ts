// Everything drawn on top of the world map: markers, labelled sectors and channels,
// North Korea, and a turn's heist arcs, cash arrival and missile launches. `draw(t)`
// renders the turn at elapsed time t; t = timeline.total is the final frame.
import type * as Phaser from 'phaser';
import type { TurnReport } from '../../../engine/report.ts';
import { formatCount, formatMoney } from '../format.ts';
import { type Point, type Rect, sqrtSize } from '../geo.ts';
import type { MoneyFormat } from '../index.ts';
import { placeLabels } from '../labels.ts';
import type { MapGeometry } from '../mapGeometry.ts';
import { COLORS, DEPTH, SIZES } from '../theme.ts';
import { easeOut, progress, type TurnTimeline, tail, type Window } from '../timeline.ts';
import type { TurnView } from '../turnView.ts';
import { diamond } from './draw.ts';
import { drawHeist, type HeistArc, heistArcs } from './heistArcs.ts';
import { type LineSpec, TextBlock } from './TextBlock.ts';

export interface TurnData {
  report: TurnReport;
  view: TurnView;
  timeline: TurnTimeline;
}

export class MapLayer {
  private chrome?: Phaser.GameObjects.Graphics;
  private fx?: Phaser.GameObjects.Graphics;
  private blocks: { block: TextBlock; groups: Map<string, () => number> }[] = [];
  private arcs: HeistArc[] = [];
  private geo?: MapGeometry;
  private turn?: TurnData;
  private refUsd = 1;
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
    if (turn) this.arcs = heistArcs(turn, geo.pyongyang, geo.sectors, refUsd, s);
    this.buildLabels(geo, money, turn);
    this.drawMarkers(geo, s);
  }

  private buildLabels(geo: MapGeometry, money: MoneyFormat, turn?: TurnData): void {
    const s = geo.scale;
    const requests: { anchor: Point; block: TextBlock; groups: Map<string, () => number> }[] = [];
    const add = (anchor: Point, specs: LineSpec[], groups: Map<string, () => number> = new Map()) => {
      requests.push({ anchor, block: new TextBlock(this.scene, specs, s, DEPTH.labels), groups });
    };
    const at = (w: Window, share: number) => () => tail(progress(this.t, w), share);

    const nk: LineSpec[] = [
      { text: 'North Korea', color: COLORS.northKorea, bold: true },
      { text: 'Pyongyang', color: COLORS.textMuted, role: 'small' },
    ];
    const nkGroups = new Map<string, () => number>();
    if (turn) {
      nk.push({ text: `${formatMoney(turn.report.cashedOutUsd, money)} cash in`, color: COLORS.cash, role: 'small', group: 'cash' });
      nkGroups.set('cash', at(turn.timeline.cash, 0.4));
      if (turn.view.launched > 0) {
        nk.push({ text: `${formatCount(turn.view.launched)} launched`, color: COLORS.missile, role: 'small', group: 'missiles' });
        nkGroups.set('missiles', at(turn.timeline.missiles, 0.3));
      }
    }
    add(geo.pyongyang, nk, nkGroups);

    for (const site of geo.sectors) {
      const specs: LineSpec[] = [
        { text: site.name, bold: true },
        { text: site.sub, color: COLORS.textMuted, role: 'small' },
      ];
      const st = turn?.view.sectors.get(site.id);
      const groups = new Map<string, () => number>();
      if (turn && st) {
        const first = turn.report.heists.findIndex((h) => h.sector === site.id);
        groups.set('turn', at(turn.timeline.heists[first] ?? turn.timeline.cash, 0.3));
        if (st.hits > 0) {
          const n = st.hits > 1 ? ` (${st.hits} heists)` : '';
          specs.push({ text: `${formatMoney(st.stolenUsd, money)} stolen${n}`, color: COLORS.heist, role: 'small', group: 'turn' });
        }
        if (st.blocked > 0) {
          const what = st.blocked > 1 ? `${st.blocked} attempts` : '1 attempt';
          specs.push({ text: `✕ ${what} blocked (${formatMoney(st.blockedUsd, money)})`, color: COLORS.blocked, role: 'small', group: 'turn' });
        }
      }
      add(site.point, specs, groups);
    }

    for (const ch of geo.channels) {
      const specs: LineSpec[] = [{ text: ch.name, bold: true, role: 'small' }];
      const groups = new Map<string, () => number>();
      const f = turn?.view.flows.get(ch.id);
      if (turn && f) {
        const frozen = f.frozenUsd > 0 ? ` · ${formatMoney(f.frozenUsd, money)} frozen` : '';
        specs.push({ text: `${formatMoney(f.inUsd, money)} in${frozen}`, color: COLORS.frozen, role: 'small', group: 'turn' });
        groups.set('turn', at(turn.timeline.transitions[ch.stage] ?? turn.timeline.cash, 0.4));
      }
      add(ch.point, specs, groups);
    }

    const gap = SIZES.labelGap * s;
    const markerBox = (p: Point, r: number): Rect => ({ x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r });
    const markers = [geo.pyongyang, ...geo.sectors.map((x) => x.point), ...geo.channels.map((c) => c.point)];
    const obstacles = [geo.inset.rect, ...markers.map((p) => markerBox(p, (SIZES.sectorMarker + 1) * s))];
    const placed = placeLabels(
      requests.map((r) => ({ anchor: r.anchor, width: r.block.width, height: r.block.height })),
      geo.mapRect,
      gap,
      obstacles,
    );
    placed.forEach((p, i) => {
      const req = requests[i]!;
      const rightOfAnchor = p.x >= req.anchor.x;
      req.block.setPosition(p.x, p.y, rightOfAnchor ? 'left' : 'right');
      if (p.leader && this.chrome) {
        const ex = rightOfAnchor ? p.x : p.x + p.width;
        const ey = Math.min(Math.max(req.anchor.y, p.y), p.y + p.height);
        this.chrome.lineStyle(1 * s, COLORS.textMuted, 0.7);
        this.chrome.lineBetween(req.anchor.x, req.anchor.y, ex, ey);
      }
      this.blocks.push({ block: req.block, groups: req.groups });
    });
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
      const r = sqrtSize(turn.report.cashedOutUsd, this.refUsd, SIZES.burstMin, SIZES.burstMax) * s;
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
    for (const b of this.blocks) b.block.destroy();
    this.chrome = this.fx = undefined;
    this.blocks = [];
    this.arcs = [];
  }
}
