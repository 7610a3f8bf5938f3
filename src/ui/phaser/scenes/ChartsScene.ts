// Charts over the turns played: one small multiple per measure (stolen, frozen, cashed out,
// cumulative launches, missile spending, cost of measures), with an optional comparison
// run (e.g. the same seed without new sanctions) as paired dashed lines.
import * as Phaser from 'phaser';
import type { TurnReport } from '../../../engine/report.ts';
import { type ChartRun, drawChartPanel } from '../charts/ChartPanel.ts';
import { chartSeries, panelGrid, turnDomain } from '../charts.ts';
import type { MoneyFormat } from '../index.ts';
import { fitLine } from '../labelText.ts';
import { dashedPolyline, polyline } from '../map/draw.ts';
import { TextMeasurer } from '../map/measure.ts';
import { makeText } from '../map/TextBlock.ts';
import { isDrawable } from '../mapGeometry.ts';
import { CHART_LAYOUT, COLORS, DEPTH, DURATIONS, fontPx, MIN_FONT_PX, SIZES, uiScale } from '../theme.ts';

export interface ChartsInput {
  reports: TurnReport[];
  money: MoneyFormat;
  /** A second run, dashed; `short` names it where the full label does not fit. */
  compare?: { label: string; short?: string; reports: TurnReport[] };
  /** The players' total budget per turn, drawn as a reference on the cost panel. */
  budget?: number;
}

const MAIN_LABEL = 'This run';

export class ChartsScene extends Phaser.Scene {
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};
  private shown?: ChartsInput;
  private g?: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];

  constructor() {
    // Second in the game's scene list, so it must ask to start; hidden until setMode('charts').
    super({ key: 'ChartsScene', active: true, visible: false });
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  create(): void {
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this));
    this.markReady();
  }

  showCharts(input: ChartsInput): void {
    this.shown = input;
    this.rebuild();
  }

  setMoney(money: MoneyFormat): void {
    if (this.shown) this.showCharts({ ...this.shown, money });
  }

  private clear(): void {
    this.g?.destroy();
    this.g = undefined;
    for (const t of this.texts) t.destroy();
    this.texts = [];
  }

  private pendingResize?: Phaser.Time.TimerEvent;

  private onResize(): void {
    this.pendingResize?.remove();
    this.pendingResize = this.time.delayedCall(DURATIONS.resizeSettle, () => this.rebuild());
  }

  private rebuild(): void {
    this.clear();
    const { width, height } = this.scale;
    this.cameras.main.setSize(width, height);
    const input = this.shown;
    if (!input || !isDrawable(width, height)) return;
    const s = uiScale(width, height);
    const L = CHART_LAYOUT;
    const m = L.marginPx * s;
    const g = this.add.graphics().setDepth(DEPTH.chrome);
    this.g = g;
    const title = makeText(this, m, m, { text: 'Over the turns', role: 'title', bold: true }, s).setDepth(DEPTH.labels);
    this.texts.push(title);
    this.drawLegend(g, title.x + title.width + 16 * s, width - m, m + title.height / 2, input, s);

    if (input.reports.length === 0) {
      const t = makeText(this, width / 2, height / 2, { text: 'No turns played yet', color: COLORS.textMuted, role: 'heading' }, s);
      this.texts.push(t.setOrigin(0.5).setDepth(DEPTH.labels));
      return;
    }
    const series = chartSeries(input.budget);
    const top = m + L.headerPx * s;
    const area = { x: m, y: top, width: width - 2 * m, height: height - top - m };
    const cols = width / height < 1.1 ? 2 : L.columns; // portrait-ish parents get two columns
    const cells = panelGrid(area, series.length, cols, L.gapPx * s);
    const runs: ChartRun[] = [{ reports: input.reports, dashed: false }];
    if (input.compare) runs.push({ reports: input.compare.reports, dashed: true });
    const xDomain = turnDomain(...runs.map((r) => r.reports));
    series.forEach((spec, i) => {
      const cell = cells[i];
      if (cell) drawChartPanel(this, g, this.texts, cell, spec, runs, xDomain, input.money, s);
    });
  }

  /**
   * Right-aligned key for the two line styles (solid = this run, dashed = comparison),
   * between `left` (the title's end) and `right`: a long comparison label shrinks, then
   * is cut with an ellipsis, rather than run into the title.
   */
  private drawLegend(g: Phaser.GameObjects.Graphics, left: number, right: number, cy: number, input: ChartsInput, s: number): void {
    const items: { label: string; dashed: boolean }[] = [{ label: MAIN_LABEL, dashed: false }];
    if (input.compare) items.push({ label: input.compare.label, dashed: true });
    const swatch = 30 * s;
    const m = new TextMeasurer(this, s);
    const px = fontPx('legend', s);
    const others = items.slice(0, -1).reduce((a, it) => a + m.size(it.label, px, false).width + 6 * s + swatch + 18 * s, 0);
    const room = { width: right - left - others - 6 * s - swatch, height: Number.POSITIVE_INFINITY, px, minPx: MIN_FONT_PX, scale: s };
    let x = right;
    for (const [i, item] of [...items].reverse().entries()) {
      const texts = input.compare?.short ? [item.label, input.compare.short] : [item.label];
      const line = i === 0 && input.compare ? fitLine({ texts, role: 'legend' }, room, m.size) : { text: item.label, role: 'legend' as const };
      const t = makeText(this, x, cy, line, s).setOrigin(1, 0.5).setDepth(DEPTH.labels);
      this.texts.push(t);
      x -= t.width + 6 * s;
      const pts = [
        { x: x - swatch, y: cy },
        { x, y: cy },
      ];
      g.lineStyle(CHART_LAYOUT.lineWidth * s, COLORS.text, 1);
      if (item.dashed) dashedPolyline(g, pts, SIZES.dash * s, SIZES.gap * s);
      else polyline(g, pts);
      const r = CHART_LAYOUT.markerRadius * s;
      if (item.dashed) g.fillStyle(COLORS.panel, 1).fillCircle(x - swatch / 2, cy, r).lineStyle(1.5 * s, COLORS.text, 1).strokeCircle(x - swatch / 2, cy, r);
      else g.fillStyle(COLORS.text, 1).fillCircle(x - swatch / 2, cy, r);
      x -= swatch + 18 * s;
    }
    m.destroy();
  }
}
