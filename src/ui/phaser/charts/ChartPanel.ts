// One small-multiple chart: a titled panel with a zero-based y axis (money in the chosen
// currency, or counts), turn numbers on x, the run as a solid line with filled markers and
// the comparison run as a dashed line with hollow markers in the same colour.
import type * as Phaser from 'phaser';
import type { TurnReport } from '../../../engine/report.ts';
import { linearScale, niceTicks, type SeriesSpec, seriesPoints, xTickTurns } from '../charts.ts';
import { currencySymbol, formatAxisMoney, formatCount, toDisplay } from '../format.ts';
import type { Rect } from '../geo.ts';
import type { MoneyFormat } from '../index.ts';
import { dashedPolyline, polyline } from '../map/draw.ts';
import { makeText } from '../map/TextBlock.ts';
import { CHART_LAYOUT, COLORS, DEPTH, SIZES } from '../theme.ts';

export interface ChartRun {
  reports: readonly TurnReport[];
  dashed: boolean;
}

export function drawChartPanel(
  scene: Phaser.Scene,
  g: Phaser.GameObjects.Graphics,
  texts: Phaser.GameObjects.Text[],
  cell: Rect,
  spec: SeriesSpec,
  runs: readonly ChartRun[],
  xDomain: [number, number],
  money: MoneyFormat,
  s: number,
): void {
  const L = CHART_LAYOUT;
  const color = COLORS[spec.color];
  const label = (x: number, y: number, str: string, c: number, role: 'heading' | 'small', bold = false) => {
    const t = makeText(scene, x, y, { text: str, color: c, role, bold }, s).setDepth(DEPTH.labels);
    texts.push(t);
    return t;
  };

  g.fillStyle(COLORS.panel, 0.92).lineStyle(1, COLORS.panelBorder, 1);
  g.fillRoundedRect(cell.x, cell.y, cell.width, cell.height, SIZES.panelRadius * s);
  g.strokeRoundedRect(cell.x, cell.y, cell.width, cell.height, SIZES.panelRadius * s);
  // Narrow panels: the short caption, then the short title, then no caption; the y tick
  // labels carry the currency anyway.
  const title = label(cell.x + 10 * s, cell.y + 6 * s, spec.title, COLORS.text, 'heading', true);
  const unitOf = (caption: string) => (spec.unit === 'money' ? `${currencySymbol(money.currency)}, ${caption}` : caption);
  const caption = label(0, title.y + 2 * s, unitOf(spec.caption), COLORS.textMuted, 'small');
  const right = cell.x + cell.width - 8 * s;
  const fits = () => title.x + title.width + 6 * s + caption.width <= right;
  const titles = [spec.title, spec.shortTitle ?? spec.title];
  const captions = [spec.caption, spec.shortCaption ?? spec.caption];
  const tries: [number, number][] = [[0, 0], [0, 1], [1, 0], [1, 1]];
  const fit = tries.find(([t, c]) => {
    title.setText(titles[t]!);
    caption.setText(unitOf(captions[c]!));
    return fits();
  });
  if (!fit) {
    caption.setVisible(false);
    title.setText(titles[0]!);
    if (title.x + title.width > right) title.setText(titles[1]!);
  }
  caption.setX(title.x + title.width + 6 * s);

  const toValue = (r: TurnReport) => (spec.unit === 'money' ? toDisplay(spec.value(r), money) : spec.value(r));
  const ref = spec.reference && spec.unit === 'money' ? toDisplay(spec.reference.value, money) : spec.reference?.value;
  const max = Math.max(0, ref ?? 0, ...runs.flatMap((run) => run.reports.map(toValue)));
  // Whole steps on every axis: amounts are whole dollars or yen, so an empty run's axis
  // reads 0–1 rather than "¥ 0.2".
  const ticks = niceTicks(max, L.yTicks, true);
  const tickLabels = spec.unit === 'money' ? formatAxisMoney(ticks, money.currency) : ticks.map(formatCount);
  const tickTexts = tickLabels.map((t) => label(0, 0, t, COLORS.textMuted, 'small').setOrigin(1, 0.5));
  // The plot starts right of the widest tick label ("¥ 1.25 bn"), so none crosses the panel edge.
  const padLeft = Math.max(L.padLeftPx * s, Math.max(0, ...tickTexts.map((t) => t.width)) + 16 * s);
  const plot = {
    x: cell.x + padLeft,
    y: cell.y + L.padTopPx * s + 4 * s,
    width: cell.width - padLeft - L.padRightPx * s,
    height: cell.height - (L.padTopPx + L.padBottomPx) * s - 4 * s,
  };
  if (plot.width <= 0 || plot.height <= 0) {
    for (const t of tickTexts) t.setVisible(false);
    return;
  }
  const top = ticks[ticks.length - 1] ?? 1;
  const y = linearScale([0, top], [plot.y + plot.height, plot.y]);
  const pad = Math.min(14 * s, plot.width * 0.05); // keep end markers off the axis
  const x = linearScale(xDomain, [plot.x + pad, plot.x + plot.width - pad]);

  ticks.forEach((v, i) => {
    g.lineStyle(1, COLORS.gridLine, v === 0 ? 0 : 1).lineBetween(plot.x, y(v), plot.x + plot.width, y(v));
    tickTexts[i]?.setPosition(plot.x - 6 * s, y(v));
  });
  g.lineStyle(1.2 * s, COLORS.axis, 1);
  g.lineBetween(plot.x, plot.y, plot.x, plot.y + plot.height);
  g.lineBetween(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);

  const turns = [...new Set(runs.flatMap((r) => r.reports.map((x) => x.turn)))].sort((a, b) => a - b);
  const maxTicks = Math.max(2, Math.min(L.maxXTicks, Math.floor(plot.width / (34 * s))));
  for (const turn of xTickTurns(turns, maxTicks)) {
    g.lineBetween(x(turn), plot.y + plot.height, x(turn), plot.y + plot.height + 4 * s);
    label(x(turn), plot.y + plot.height + 5 * s, String(turn), COLORS.textMuted, 'small').setOrigin(0.5, 0);
  }
  // The x-axis title sits under the y tick labels, reading "turn 1 2 3 …" along the axis row.
  label(plot.x - 6 * s, plot.y + plot.height + 9 * s, 'turn', COLORS.textMuted, 'small').setOrigin(1, 0);

  if (spec.reference && ref !== undefined) {
    g.lineStyle(1.5 * s, COLORS.budget, 0.9);
    const ry = y(ref);
    dashedPolyline(g, [{ x: plot.x, y: ry }, { x: plot.x + plot.width, y: ry }], 2 * s, 4 * s);
    // Right-aligned, above the line unless that would reach the title row (the budget is
    // often the panel's maximum, so its line runs along the top of the plot).
    const t = label(plot.x + plot.width - 4 * s, ry, `${spec.reference.label} ${formatCount(spec.reference.value)}`, COLORS.budget, 'small');
    const above = ry - t.height - 2 * s >= plot.y;
    t.setOrigin(1, above ? 1 : 0);
    t.setY(above ? ry - 2 * s : ry + 2 * s);
  }

  // The comparison run first, so the main run is drawn on top where they coincide.
  for (const run of [...runs].sort((a, b) => Number(b.dashed) - Number(a.dashed))) {
    const pts = seriesPoints(
      run.reports.map((r) => r.turn),
      run.reports.map(toValue),
      x,
      y,
    );
    g.lineStyle(L.lineWidth * s, color, run.dashed ? 0.85 : 1);
    if (run.dashed) dashedPolyline(g, pts, SIZES.dash * s, SIZES.gap * s);
    else polyline(g, pts);
    const r = L.markerRadius * s;
    for (const p of pts) {
      if (run.dashed) {
        g.fillStyle(COLORS.panel, 1).fillCircle(p.x, p.y, r);
        g.lineStyle(1.5 * s, color, 1).strokeCircle(p.x, p.y, r);
      } else {
        g.fillStyle(color, 1).fillCircle(p.x, p.y, r);
      }
    }
  }
}
