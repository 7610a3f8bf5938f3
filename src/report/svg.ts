// Small SVG line charts for self-contained reports: no script, no external reference,
// printable. Series differ by colour AND dash pattern AND legend, never colour alone.
import { escapeHtml } from './html.ts';

export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
export const DASHES = ['', '7 4', '2 3', '9 3 2 3'];

export interface Series {
  label: string;
  values: number[];
}

export interface LineChart {
  title: string;
  xLabels: string[];
  series: Series[];
  format: (v: number) => string;
  width?: number;
  height?: number;
}

/** Round numbers for axis ticks: 1, 2 or 5 times a power of ten. */
export function niceTicks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const raw = max / count;
  const pow = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * pow).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(v);
  if (ticks[ticks.length - 1]! < max) ticks.push(ticks[ticks.length - 1]! + step);
  return ticks;
}

export function lineChartSvg(c: LineChart): string {
  const W = c.width ?? 640;
  const H = c.height ?? 260;
  const pad = { l: 78, r: 34, t: 30, b: 44 };
  const n = Math.max(1, ...c.series.map((s) => s.values.length));
  const ticks = niceTicks(Math.max(0, ...c.series.flatMap((s) => s.values)));
  const top = ticks[ticks.length - 1] || 1;
  const x = (i: number) => pad.l + (n === 1 ? 0.5 : i / (n - 1)) * (W - pad.l - pad.r);
  const y = (v: number) => H - pad.b - (v / top) * (H - pad.t - pad.b);
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${pad.l}" x2="${W - pad.r}" y1="${y(t)}" y2="${y(t)}" stroke="#ddd"/><text x="${pad.l - 6}" y="${y(t) + 4}" text-anchor="end" font-size="11">${escapeHtml(c.format(t))}</text>`,
    )
    .join('');
  const every = Math.max(1, Math.ceil(n / 12));
  const xl = c.xLabels
    .map((l, i) =>
      i % every === 0 || i === n - 1
        ? `<text x="${x(i)}" y="${H - pad.b + 16}" text-anchor="middle" font-size="11">${escapeHtml(l)}</text>`
        : '',
    )
    .join('');
  const lines = c.series
    .map((s, k) => {
      const d = s.values.map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
      const marks = s.values
        .map((v, i) => `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${PALETTE[k % PALETTE.length]}"/>`)
        .join('');
      return `<path d="${d}" fill="none" stroke="${PALETTE[k % PALETTE.length]}" stroke-width="2.5" stroke-dasharray="${DASHES[k % DASHES.length]}"><title>${escapeHtml(s.label)}</title></path>${marks}`;
    })
    .join('');
  const legend = c.series
    .map((s, k) => {
      const lx = pad.l + k * 190;
      return `<line x1="${lx}" x2="${lx + 28}" y1="${H - 8}" y2="${H - 8}" stroke="${PALETTE[k % PALETTE.length]}" stroke-width="3" stroke-dasharray="${DASHES[k % DASHES.length]}"/><text x="${lx + 34}" y="${H - 4}" font-size="12">${escapeHtml(s.label)}</text>`;
    })
    .join('');
  const summary = c.series.map((s) => `${s.label}: ${c.format(s.values[s.values.length - 1] ?? 0)} at the end`).join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(`${c.title}. ${summary}`)}"><text x="${pad.l}" y="18" font-size="14" font-weight="bold">${escapeHtml(c.title)}</text>${grid}<line x1="${pad.l}" x2="${pad.l}" y1="${pad.t}" y2="${H - pad.b}" stroke="#333"/>${xl}${lines}${legend}</svg>`;
}
