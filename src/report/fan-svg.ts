// Fan charts: the p5-p95 band of many seeded runs behind the lines of single runs, so a
// reader can tell luck (the band's width) from choice (the distance between bands). An SVG
// string with no script: the debrief screen inlines it, a printed report could too.
import type { Range } from '../engine/preview-stats.ts';
import { escapeHtml as e } from './html.ts';
import { niceTicks } from './svg.ts';

export interface FanBand {
  label: string;
  values: readonly Range[];
  color: string;
}

export interface FanLine {
  label: string;
  values: readonly number[];
  color: string;
  dash?: string;
}

export interface FanChart {
  title: string;
  xLabels: readonly string[];
  bands: readonly FanBand[];
  lines: readonly FanLine[];
  format: (v: number) => string;
  /** Values are multiplied by this for display (yen per dollar): ticks are round numbers of the shown unit. */
  displayScale?: number;
  /** Drawing size in CSS pixels: the chart is laid out for it, so text keeps its size. */
  width: number;
  height: number;
}

/** Pixel width of a string at `px`, estimated generously (no text measurement in an SVG string). */
const textWidth = (s: string, px: number) => s.length * px * 0.62;

export function fanChartSvg(c: FanChart): string {
  const W = Math.max(260, Math.round(c.width));
  const H = Math.max(160, Math.round(c.height));
  const fs = 12;
  const top = Math.max(0, ...c.bands.flatMap((b) => b.values.map((v) => v.p95)), ...c.lines.flatMap((l) => l.values));
  const k = c.displayScale ?? 1;
  const ticks = niceTicks(top * k, 4).map((t) => t / k);
  const max = ticks[ticks.length - 1] || 1;
  const left = Math.ceil(Math.max(...ticks.map((t) => textWidth(c.format(t), fs)))) + 10;
  // Legend rows under the plot: as many items per row as fit.
  const items = [...c.bands.map((b) => ({ label: `${b.label} (p5–p95)`, kind: 'band' as const, color: b.color })), ...c.lines.map((l) => ({ label: l.label, kind: 'line' as const, color: l.color, dash: l.dash }))];
  const rows: (typeof items)[] = [[]];
  let x = 0;
  for (const it of items) {
    const w = 30 + textWidth(it.label, fs) + 16;
    if (x + w > W - 8 && rows[rows.length - 1]!.length) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1]!.push(it);
    x += w;
  }
  const legendH = rows.length * (fs + 8);
  const widest = Math.max(...c.xLabels.map((l) => textWidth(l, fs))) + 8;
  // Room on the right for half of the last month's label, which is centred on its point.
  const pad = { l: left, r: Math.max(14, Math.ceil(widest / 2)), t: 26, b: 22 + legendH + 6 };
  const n = Math.max(1, c.xLabels.length);
  const px = (i: number) => pad.l + (n === 1 ? 0.5 : i / (n - 1)) * (W - pad.l - pad.r);
  const py = (v: number) => H - pad.b - (v / max) * (H - pad.t - pad.b);
  const grid = ticks
    .map((t) => `<line x1="${pad.l}" x2="${W - pad.r}" y1="${py(t).toFixed(1)}" y2="${py(t).toFixed(1)}" stroke="currentColor" stroke-opacity="0.15"/><text x="${pad.l - 6}" y="${(py(t) + 4).toFixed(1)}" text-anchor="end" font-size="${fs}" fill="currentColor">${e(c.format(t))}</text>`)
    .join('');
  // X labels: as many as fit without touching, always including the last.
  const every = Math.max(1, Math.ceil((widest * n) / (W - pad.l - pad.r)));
  const xl = c.xLabels
    .map((l, i) => ((i % every === 0 && (n - 1 - i >= every || i === n - 1)) || i === n - 1 ? `<text x="${px(i).toFixed(1)}" y="${H - pad.b + fs + 4}" text-anchor="middle" font-size="${fs}" fill="currentColor">${e(l)}</text>` : ''))
    .join('');
  const bands = c.bands
    .map((b) => {
      const upper = b.values.map((v, i) => `${px(i).toFixed(1)},${py(v.p95).toFixed(1)}`);
      const lower = b.values.map((v, i) => `${px(i).toFixed(1)},${py(v.p5).toFixed(1)}`).reverse();
      return `<polygon points="${[...upper, ...lower].join(' ')}" fill="${b.color}" fill-opacity="0.22" stroke="${b.color}" stroke-opacity="0.6" stroke-width="1"><title>${e(b.label)}: p5 to p95</title></polygon>`;
    })
    .join('');
  const lines = c.lines
    .map((l) => {
      const d = l.values.map((v, i) => `${i ? 'L' : 'M'}${px(i).toFixed(1)},${py(v).toFixed(1)}`).join(' ');
      const dots = l.dash ? '' : l.values.map((v, i) => `<circle cx="${px(i).toFixed(1)}" cy="${py(v).toFixed(1)}" r="2.5" fill="${l.color}"/>`).join('');
      return `<path d="${d}" fill="none" stroke="${l.color}" stroke-width="2.5"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}><title>${e(l.label)}</title></path>${dots}`;
    })
    .join('');
  const legend = rows
    .map((row, r) => {
      let lx = pad.l;
      const ly = H - legendH + r * (fs + 8) + fs;
      return row
        .map((it) => {
          const swatch =
            it.kind === 'band'
              ? `<rect x="${lx}" y="${ly - fs + 2}" width="24" height="${fs - 2}" fill="${it.color}" fill-opacity="0.3" stroke="${it.color}"/>`
              : `<line x1="${lx}" x2="${lx + 24}" y1="${ly - fs / 2 + 1}" y2="${ly - fs / 2 + 1}" stroke="${it.color}" stroke-width="3"${it.dash ? ` stroke-dasharray="${it.dash}"` : ''}/>`;
          const t = `<text x="${lx + 30}" y="${ly}" font-size="${fs}" fill="currentColor">${e(it.label)}</text>`;
          lx += 30 + textWidth(it.label, fs) + 16;
          return swatch + t;
        })
        .join('');
    })
    .join('');
  const summary = [
    ...c.bands.map((b) => {
      const last = b.values[b.values.length - 1];
      return last ? `${b.label}: ${c.format(last.p5)} to ${c.format(last.p95)} at the end` : '';
    }),
    ...c.lines.map((l) => `${l.label}: ${c.format(l.values[l.values.length - 1] ?? 0)} at the end`),
  ].join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" class="fan-chart" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${e(`${c.title}. ${summary}.`)}"><text x="0" y="16" font-size="${fs + 2}" font-weight="bold" fill="currentColor">${e(c.title)}</text>${grid}<line x1="${pad.l}" x2="${pad.l}" y1="${pad.t}" y2="${H - pad.b}" stroke="currentColor" stroke-opacity="0.5"/>${xl}${bands}${lines}${legend}</svg>`;
}
