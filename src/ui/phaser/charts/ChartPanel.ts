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
  const title = label(cell.x + 10 * s, cell.y + 6 * s, spec.title, COLORS.text, 'heading', true);
  const unit = spec.unit === 'money' ? `${currencySymbol(money.currency)}, ${spec.caption}` : spec.caption;
  const caption = label(title.x + title.width + 6 * s, title.y + 2 * s, unit, COLORS.textMuted, 'small');
  // Narrow panels: shorten the caption with an ellipsis rather than let it leave the panel.
  const room = cell.x + cell.width - 8 * s - caption.x;
  for (let text = unit; caption.width > room && text.length > 1; ) {
    text = text.slice(0, -1);
    caption.setText(`${text.trimEnd()}…`);
  }
  if (caption.width > room) caption.setVisible(false);

  const plot = {
    x: cell.x + L.padLeftPx * s,
    y: cell.y + L.padTopPx * s + 4 * s,
    width: cell.width - (L.padLeftPx + L.padRightPx) * s,
    height: cell.height - (L.padTopPx + L.padBottomPx) * s - 4 * s,
  };
  if (plot.width <= 0 || plot.height <= 0) return;
  const toValue = (r: TurnReport) => (spec.unit === 'money' ? toDisplay(spec.value(r), money) : spec.value(r));
  const ref = spec.reference && spec.unit === 'money' ? toDisplay(spec.reference.value, money) : spec.reference?.value;
  const max = Math.max(0, ref ?? 0, ...runs.flatMap((run) => run.reports.map(toValue)));
  const ticks = niceTicks(max, L.yTicks, spec.unit !== 'money');
  const top = ticks[ticks.length - 1] ?? 1;
  const y = linearScale([0, top], [plot.y + plot.height, plot.y]);
  const pad = Math.min(14 * s, plot.width * 0.05); // keep end markers off the axis
  const x = linearScale(xDomain, [plot.x + pad, plot.x + plot.width - pad]);

  const tickLabels = spec.unit === 'money' ? formatAxisMoney(ticks, money.currency) : ticks.map(formatCount);
  ticks.forEach((v, i) => {
    g.lineStyle(1, COLORS.gridLine, v === 0 ? 0 : 1).lineBetween(plot.x, y(v), plot.x + plot.width, y(v));
    const t = label(plot.x - 6 * s, y(v), tickLabels[i] ?? '', COLORS.textMuted, 'small');
    t.setOrigin(1, 0.5);
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
