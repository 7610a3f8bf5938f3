// The panel beside the map: the turn's headline figures (revealed as the animation
// reaches them) and the legend. On narrow canvases it becomes a strip between the map and
// the flow band with the turn, the figures the band does not show, and the legend.
import type * as Phaser from 'phaser';
import type { Scenario } from '../../../scenario/schema.ts';
import { formatCount, formatMoney } from '../format.ts';
import type { MoneyFormat } from '../index.ts';
import { fitLine } from '../labelText.ts';
import { LEGEND_ROW_PX, legendHeight, stripLegendColumns, stripPadding } from '../legendItems.ts';
import type { MapGeometry } from '../mapGeometry.ts';
import { COLORS, DEPTH, fontPx, MIN_FONT_PX, SIZES } from '../theme.ts';
import { progress, tail, type Window } from '../timeline.ts';
import { missileCounts } from '../turnView.ts';
import { drawLegend, ICONS } from './Legend.ts';
import type { TurnData } from './MapLayer.ts';
import { TextMeasurer } from './measure.ts';
import { makeText } from './TextBlock.ts';

/** The strip's figures line, from the full wording to the most compact. */
function stripFigures(turn: TurnData, fm: (usd: number) => string): string[] {
  const { frozenUsd, lostUsd, totals } = turn.report;
  const since = `${fm(totals.stolenUsd)} stolen, ${formatCount(totals.launches)} launches`;
  return [
    `Frozen ${fm(frozenUsd)} · lost to fees ${fm(lostUsd)} · since start ${since}`,
    `Frozen ${fm(frozenUsd)} · fees ${fm(lostUsd)} · since start ${since}`,
    `Frozen ${fm(frozenUsd)} · fees ${fm(lostUsd)} · to date ${fm(totals.stolenUsd)} stolen`,
  ];
}

/** The figures a compact band leaves out, as two strip lines (full wording first). */
function compactFigures(turn: TurnData, fm: (usd: number) => string): { texts: string[]; window: Window }[] {
  const { report: r, view: v, timeline: tl } = turn;
  const hits = r.heists.length - v.blockedCount;
  const heists = `${hits} heist${hits === 1 ? '' : 's'}`;
  const blocked = v.blockedCount ? `, ${v.blockedCount} blocked` : '';
  const heistsDone = { start: 0, duration: tl.transitions[0]?.start ?? tl.cash.start };
  return [
    {
      texts: [`Stolen ${fm(r.stolenUsd)} in ${heists}${blocked} · cashed out ${fm(r.cashedOutUsd)}`, `Stolen ${fm(r.stolenUsd)}${blocked} · cash out ${fm(r.cashedOutUsd)}`],
      window: heistsDone,
    },
    {
      texts: [
        `Missiles: ${formatCount(v.launched)} launched, ${formatCount(v.bought)} bought for ${fm(r.missileSpendUsd)}`,
        `Missiles: ${formatCount(v.launched)} launched, ${formatCount(v.bought)} bought`,
      ],
      window: tl.missiles,
    },
  ];
}

function turnTitle(turn?: TurnData): string {
  return turn ? `Turn ${turn.report.turn} · ${turn.report.label}` : 'Before the first turn';
}

export class SidePanel {
  private g?: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private icons: Phaser.GameObjects.Graphics[] = [];
  /** Summary rows fade in (icon and text together) when the animation reaches their figure. */
  private rows: { items: (Phaser.GameObjects.Text | Phaser.GameObjects.Graphics)[]; window: Window }[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

  build(geo: MapGeometry, scenario: Scenario, money: MoneyFormat, turn?: TurnData): void {
    this.destroy();
    const s = geo.scale;
    const r = geo.panelRect;
    const pad = 12 * s;
    const g = this.scene.add.graphics().setDepth(DEPTH.chrome);
    this.g = g;
    g.fillStyle(COLORS.panel, 0.92).lineStyle(1, COLORS.panelBorder, 1);
    g.fillRoundedRect(r.x, r.y, r.width, r.height, SIZES.panelRadius * s);
    g.strokeRoundedRect(r.x, r.y, r.width, r.height, SIZES.panelRadius * s);
    if (geo.layout === 'stacked') {
      this.buildStrip(geo, scenario, money, turn);
      return;
    }
    const inner = r.width - 2 * pad;
    const text = (x: number, y: number, str: string, color: number, role: 'title' | 'label' | 'small' | 'legend', bold = false) => {
      const t = makeText(this.scene, x, y, { text: str, color, role, bold }, s).setDepth(DEPTH.labels);
      t.setWordWrapWidth(inner);
      this.texts.push(t);
      return t;
    };
    let y = r.y + pad;
    const title = text(r.x + pad, y, turnTitle(turn), COLORS.text, 'title', true);
    y += title.height;
    const sub = text(r.x + pad, y, scenario.title, COLORS.textMuted, 'small');
    y += sub.height + 8 * s;
    if (!turn) {
      const summary = text(r.x + pad, y, scenario.summary, COLORS.text, 'label');
      summary.setLineSpacing(3 * s);
      y += summary.height;
    }

    if (turn) {
      const { report: rep, view, timeline: tl } = turn;
      const fm = (usd: number) => formatMoney(usd, money);
      const launder = tl.transitions[Math.max(0, tl.transitions.length - 3)] ?? tl.cash;
      const heistsDone = { start: 0, duration: tl.transitions[0]?.start ?? tl.cash.start };
      const blocked = view.blockedCount > 0 ? `${view.blockedCount} · ${fm(view.blockedUsd)}` : 'none';
      const rows: [string, string, string, Window][] = [
        ['heist', 'Stolen', fm(rep.stolenUsd), heistsDone],
        ['blocked', 'Blocked attempts', blocked, heistsDone],
        ['frozen', 'Frozen', fm(rep.frozenUsd), launder],
        ['lost', 'Lost to fees', fm(rep.lostUsd), launder],
        ['cash', 'Cashed out', fm(rep.cashedOutUsd), tl.cash],
        ['missile', 'Missiles bought', missileCounts(view.missiles, 'bought'), tl.missiles],
        ['missile', 'Launched', missileCounts(view.missiles, 'launched'), tl.missiles],
      ];
      const iconW = 22 * s;
      for (const [icon, label, value, window] of rows) {
        const lt = text(r.x + pad + iconW, y, label, COLORS.textMuted, 'label');
        const vt = text(0, y, value, COLORS.text, 'label', true);
        const right = r.x + r.width - pad;
        vt.setWordWrapWidth(null);
        let rowH = lt.height;
        if (right - vt.width < lt.x + lt.width + 6 * s) {
          // Too long beside its label (long missile names): wrap it under the label, right-aligned.
          vt.setWordWrapWidth(inner - iconW).setAlign('right').setY(y + lt.height);
          rowH += vt.height;
        }
        vt.setX(right - vt.width);
        const ig = this.scene.add.graphics().setDepth(DEPTH.labels);
        ICONS[icon]?.(ig, r.x + pad + iconW / 2 - 2 * s, lt.y + lt.height / 2, 6 * s, s);
        this.icons.push(ig);
        this.rows.push({ items: [lt, vt, ig], window });
        y += rowH + 3 * s;
      }
      const totals = `Since start: ${fm(rep.totals.stolenUsd)} stolen, ${formatCount(rep.totals.launches)} launches`;
      const tt = text(r.x + pad, y + 4 * s, totals, COLORS.textMuted, 'small');
      this.rows.push({ items: [tt], window: tl.missiles });
      y = tt.y + tt.height;
    }
    this.buildLegend(geo, y + 10 * s);
  }

  private buildLegend(geo: MapGeometry, minTop: number): void {
    const s = geo.scale;
    const r = geo.panelRect;
    const pad = 12 * s;
    const heading = makeText(this.scene, r.x + pad, 0, { text: 'Legend', role: 'heading', bold: true, color: COLORS.textMuted }, s);
    this.texts.push(heading.setDepth(DEPTH.labels));
    // Keep the legend at the bottom of the panel, never over the figures above it: on short
    // panels the rows tighten to the text height, then the heading goes.
    const free = r.y + r.height - pad - minTop;
    const full = legendHeight(1, s);
    const headH = heading.height + full > free && full > free - heading.height ? 0 : heading.height;
    heading.setVisible(headH > 0);
    const listH = Math.min(full, free - headH);
    const top = Math.max(minTop, r.y + r.height - pad - headH - listH);
    heading.setY(top);
    const area = { x: r.x + pad, y: top + headH, width: r.width - 2 * pad, height: listH };
    drawLegend(this.scene, this.g!, this.texts, area, 1, Math.round(LEGEND_ROW_PX * s), s);
  }

  /**
   * Narrow canvases: a strip between map and band with the turn, the figures the band does
   * not show (total frozen, fees, running totals) and the legend in a grid.
   */
  private buildStrip(geo: MapGeometry, scenario: Scenario, money: MoneyFormat, turn?: TurnData): void {
    const s = geo.scale;
    const r = geo.panelRect;
    const pad = stripPadding(s);
    const title = makeText(this.scene, r.x + pad, r.y + pad, { text: turnTitle(turn), role: 'heading', bold: true }, s);
    this.texts.push(title.setDepth(DEPTH.labels));
    const x = title.x + title.width + 10 * s;
    const fm = (usd: number) => formatMoney(usd, money);
    const texts = turn ? stripFigures(turn, fm) : [scenario.title];
    const m = new TextMeasurer(this.scene, s);
    const room = { width: r.x + r.width - pad - x, height: title.height, px: fontPx('small', s), minPx: MIN_FONT_PX, scale: s };
    const line = fitLine({ texts, role: 'small', color: COLORS.textMuted }, room, m.size);
    m.destroy();
    const figures = makeText(this.scene, x, title.y + title.height / 2, line, s);
    figures.setOrigin(0, 0.5).setDepth(DEPTH.labels);
    this.texts.push(figures);
    if (turn) this.rows.push({ items: [figures], window: turn.timeline.missiles });
    let top = title.y + title.height + 4 * s;
    if (geo.flow.compact) {
      // The compact band has no stolen, cash or missile boxes: their figures go here.
      const lineH = fontPx('small', s) * 1.45;
      const width = r.width - 2 * pad;
      const lines = turn ? compactFigures(turn, fm) : [];
      lines.forEach(({ texts: options, window }, i) => {
        const ms = new TextMeasurer(this.scene, s);
        const fitted = fitLine({ texts: options, role: 'small', color: COLORS.text }, { width, height: lineH, px: fontPx('small', s), minPx: MIN_FONT_PX, scale: s }, ms.size);
        ms.destroy();
        const t = makeText(this.scene, r.x + pad, top + i * lineH, fitted, s).setDepth(DEPTH.labels);
        this.texts.push(t);
        this.rows.push({ items: [t], window });
      });
      top += 2 * lineH;
    }
    if (geo.flow.compact) return; // the page's key shows the legend
    const area = { x: r.x + pad, y: top, width: r.width - 2 * pad, height: r.y + r.height - pad / 2 - top };
    drawLegend(this.scene, this.g!, this.texts, area, stripLegendColumns(r.width, s), area.height, s);
  }

  draw(t: number): void {
    for (const row of this.rows) {
      const a = tail(progress(t, row.window), 0.4);
      for (const item of row.items) item.setAlpha(a);
    }
  }

  destroy(): void {
    this.g?.destroy();
    this.g = undefined;
    for (const t of this.texts) t.destroy();
    for (const ig of this.icons) ig.destroy();
    this.icons = [];
    this.texts = [];
    this.rows = [];
  }
}
