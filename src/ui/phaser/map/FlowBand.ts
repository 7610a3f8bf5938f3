// The laundering flow band: stolen → each laundering stage → cash to the regime →
// missiles, with link widths proportional to the money and frozen amounts peeling off at
// each channel. Which channel fed which is not reported, so links out of a column split
// each box's outflow in proportion to what the next column's boxes received.
import type * as Phaser from 'phaser';
import { columnLinks, type FlowBox, SHORT_TITLES } from '../flowLayout.ts';
import { channelLines, type FigureLayout, figureLayout } from '../flowText.ts';
import { formatCount, formatMoney } from '../format.ts';
import { type Point, partialPolyline, pointAlong } from '../geo.ts';
import type { MoneyFormat } from '../index.ts';
import { type BoxRoom, type FlexLine, fitLines, fitName, type SizeOf } from '../labelText.ts';
import type { MapGeometry } from '../mapGeometry.ts';
import { COLORS, DEPTH, fontPx, MIN_FONT_PX, SIZES } from '../theme.ts';
import { easeOut, lead, progress, tail } from '../timeline.ts';
import { outflowUsd } from '../turnView.ts';
import { polyline, ribbon, snowflake } from './draw.ts';
import type { TurnData } from './MapLayer.ts';
import { TextMeasurer } from './measure.ts';
import { type LineSpec, makeText, TextBlock } from './TextBlock.ts';

interface Link {
  points: Point[];
  width: number;
  transition: number;
}

const TOKENS = 3;
const FROZEN_ICON_PX = 14; // room for the snowflake that lands beside a frozen figure
const BOX_PAD_PX = 4;

export class FlowBand {
  private chrome?: Phaser.GameObjects.Graphics;
  private fx?: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private blocks: { block: TextBlock; box: FlowBox }[] = [];
  private links: Link[] = [];
  private geo?: MapGeometry;
  private turn?: TurnData;

  constructor(private readonly scene: Phaser.Scene) {}

  build(geo: MapGeometry, money: MoneyFormat, turn?: TurnData): void {
    this.destroy();
    this.geo = geo;
    this.turn = turn;
    const s = geo.scale;
    const g = this.scene.add.graphics().setDepth(DEPTH.chrome);
    this.chrome = g;
    this.fx = this.scene.add.graphics().setDepth(DEPTH.fx);
    g.fillStyle(COLORS.panel, 0.92);
    g.lineStyle(1, COLORS.panelBorder, 1);
    const b = geo.bandRect;
    g.fillRoundedRect(b.x, b.y, b.width, b.height, SIZES.panelRadius * s);
    g.strokeRoundedRect(b.x, b.y, b.width, b.height, SIZES.panelRadius * s);

    // Faint structure links always show where money can go, even in a turn where none did.
    const all = columnLinks(geo.flow);
    g.lineStyle(1, COLORS.border, 0.8);
    for (const l of all) polyline(g, l.points);
    if (turn) this.links = this.flowLinks(all, turn, s);

    const m = new TextMeasurer(this.scene, s);
    const size = m.size;
    for (const col of geo.flow.columns) {
      const titlePx = fontPx('heading', s);
      const titleRoom = col.rect.width - 8 * s;
      const kind = col.boxes[0]?.kind;
      // Stage titles may use the stage id as an abbreviation; fixed titles have a short form.
      const short = kind && kind !== 'channel' ? SHORT_TITLES[kind] : undefined;
      const fitTitle = (t: string, id?: string) => fitName(t, id, titleRoom, geo.flow.headerLines, titlePx, MIN_FONT_PX, m.measure(true));
      let fit = fitTitle(col.title, kind === 'channel' ? col.id : undefined);
      if (short && (fit.px < titlePx || !fit.whole)) fit = fitTitle(short);
      const title = makeText(this.scene, 0, 0, { text: fit.lines.join('\n'), role: 'heading', px: fit.px, bold: true, color: COLORS.textMuted }, s);
      title.setAlign('center').setOrigin(0.5, 0).setPosition(col.rect.x + col.rect.width / 2, col.rect.y + 4 * s).setDepth(DEPTH.labels);
      this.texts.push(title);
      const pad = BOX_PAD_PX * s;
      // Text may use the box's full height bar its border: the outline round the glyphs
      // already keeps them off the edge.
      const roomOf = (box: FlowBox): BoxRoom => ({ width: box.rect.width - 2 * pad, height: box.rect.height - 2 * s, px: fontPx('small', s), minPx: MIN_FONT_PX, scale: s });
      // Channel boxes of one column show their figures the same way, so they line up.
      const natural = col.boxes.map((box) => this.boxLines(box, roomOf(box), size, money, turn));
      const force = natural.some((l, i) => col.boxes[i]?.kind === 'channel' && figureLayout(l) === 'combined') ? 'combined' : undefined;
      col.boxes.forEach((box, i) => {
        g.fillStyle(COLORS.background, 1);
        g.lineStyle(1.2 * s, COLORS.panelBorder, 1);
        g.fillRoundedRect(box.rect.x, box.rect.y, box.rect.width, box.rect.height, 4 * s);
        g.strokeRoundedRect(box.rect.x, box.rect.y, box.rect.width, box.rect.height, 4 * s);
        const lines = force ? this.boxLines(box, roomOf(box), size, money, turn, force) : natural[i]!;
        const block = new TextBlock(this.scene, lines, s, DEPTH.labels);
        block.setPosition(box.rect.x + pad, box.rect.y + (box.rect.height - block.height) / 2);
        this.blocks.push({ block, box });
      });
    }
    m.destroy();
  }

  private boxLines(box: FlowBox, room: BoxRoom, size: SizeOf, money: MoneyFormat, turn?: TurnData, force?: FigureLayout): LineSpec[] {
    const r = turn?.report;
    const v = turn?.view;
    const fm = (usd: number) => formatMoney(usd, money);
    const muted = { color: COLORS.textMuted, role: 'small' as const };
    const fixed = (lines: FlexLine[]) => fitLines(lines, room, size);
    switch (box.kind) {
      case 'source': {
        if (!r || !v) return [{ text: '—', ...muted }];
        const hits = r.heists.length - v.blockedCount;
        const n = `${hits} ${hits === 1 ? 'heist' : 'heists'}`;
        return fixed([
          { texts: [fm(r.stolenUsd)], color: COLORS.heist, bold: true, group: 'in' },
          { texts: [`${n} this turn`, n], ...muted, group: 'in' },
          ...(v.blockedCount > 0 ? [{ texts: [`${v.blockedCount} blocked`], color: COLORS.blocked, role: 'small' as const, group: 'in' }] : []),
        ]);
      }
      case 'channel': {
        const f = v?.flows.get(box.id);
        const figures = turn
          ? { inText: fm(f?.inUsd ?? 0), frozenText: fm(f?.frozenUsd ?? 0), iconIndent: FROZEN_ICON_PX, colors: { in: COLORS.heist, frozen: COLORS.frozen } }
          : undefined;
        return channelLines(box.label, box.id, figures, room, size, force);
      }
      case 'regime':
        if (!r) return [{ text: '—', ...muted }];
        return fixed([
          { texts: [fm(r.cashedOutUsd)], color: COLORS.cash, bold: true, group: 'in' },
          { texts: ['cashed out'], ...muted, group: 'in' },
          // ▲ is the missile mark of the legend and the missiles box.
          { texts: [`${fm(r.toMissilesUsd)} to missiles`, `${fm(r.toMissilesUsd)} → ▲`], ...muted, group: 'in' },
        ]);
      case 'missiles':
        if (!r || !v) return [{ text: '—', ...muted }];
        return fixed([
          { texts: [`▲ ${formatCount(v.launched)} launched`], color: v.launched > 0 ? COLORS.missile : COLORS.textMuted, bold: true, group: 'in' },
          { texts: [`${formatCount(v.bought)} bought`], ...muted, group: 'in' },
          { texts: [`${fm(r.missileSpendUsd)} spent`], ...muted, group: 'in' },
        ]);
    }
  }

  private flowLinks(all: ReturnType<typeof columnLinks>, turn: TurnData, s: number): Link[] {
    const { report, view } = turn;
    const inOf = (b: FlowBox): number =>
      b.kind === 'channel' ? (view.flows.get(b.id)?.inUsd ?? 0) : b.kind === 'regime' ? report.cashedOutUsd : b.kind === 'missiles' ? report.missileSpendUsd : report.stolenUsd;
    const outOf = (b: FlowBox): number => {
      const f = view.flows.get(b.id);
      return b.kind === 'channel' ? (f ? outflowUsd(f) : 0) : inOf(b);
    };
    const out: Link[] = [];
    for (const l of all) {
      const siblings = all.filter((x) => x.transition === l.transition && x.to === l.to);
      const totalOut = siblings.reduce((a, x) => a + outOf(x.from), 0);
      const amount = totalOut > 0 ? (inOf(l.to) * outOf(l.from)) / totalOut : 0;
      if (amount <= 0) continue;
      const width = Math.max(SIZES.flowWidthMin, (SIZES.flowWidthMax * amount) / view.maxFlowUsd) * s;
      out.push({ points: l.points, width, transition: l.transition });
    }
    return out;
  }

  draw(t: number): void {
    const g = this.fx;
    const turn = this.turn;
    const geo = this.geo;
    if (!g || !geo) return;
    g.clear();
    if (!turn) return;
    const s = geo.scale;
    const tr = turn.timeline.transitions;
    for (const l of this.links) {
      const p = progress(t, tr[l.transition] ?? turn.timeline.missiles);
      if (p <= 0) continue;
      const color = l.transition >= tr.length - 1 ? COLORS.missile : l.transition === tr.length - 2 ? COLORS.cash : COLORS.flow;
      g.fillStyle(color, 0.5);
      ribbon(g, partialPolyline(l.points, easeOut(lead(p, 0.7))), l.width);
      // Tokens travel along the link while the money moves; gone on the final frame.
      if (p < 1) {
        g.fillStyle(color, 1);
        for (let k = 0; k < TOKENS; k++) {
          const q = p * 1.5 - k * 0.25;
          if (q > 0 && q < 1) {
            const pt = pointAlong(l.points, q);
            g.fillCircle(pt.x, pt.y, Math.max(2.5 * s, l.width * 0.35));
          }
        }
      }
    }
    for (const { block, box } of this.blocks) {
      const w = box.kind === 'source' ? tr[0] : tr[box.stage];
      const p = w ? progress(t, box.kind === 'source' ? { start: 0, duration: w.start } : w) : 1;
      block.setGroupAlpha('in', tail(p, 0.45));
      const pf = tail(p, 0.3);
      block.setGroupAlpha('frozen', pf);
      const frozen = box.kind === 'channel' ? (turn.view.flows.get(box.id)?.frozenUsd ?? 0) : 0;
      const line = block.lines.find((l) => l.spec.group === 'frozen')?.text;
      if (frozen > 0 && line && pf > 0) {
        // The frozen share peels off the box: a snowflake drops into place beside its figure.
        const target = { x: line.x - (FROZEN_ICON_PX / 2) * s, y: line.y + line.height / 2 };
        const from = { x: box.rect.x + box.rect.width, y: box.rect.y + box.rect.height / 2 };
        const e = easeOut(pf);
        g.lineStyle(1.8 * s, COLORS.frozen, 1);
        snowflake(g, from.x + (target.x - from.x) * e, from.y + (target.y - from.y) * e, 5 * s);
      }
    }
  }

  destroy(): void {
    this.chrome?.destroy();
    this.fx?.destroy();
    for (const t of this.texts) t.destroy();
    for (const b of this.blocks) b.block.destroy();
    this.chrome = this.fx = undefined;
    this.texts = [];
    this.blocks = [];
    this.links = [];
  }
}
