// Overlaid step histograms (one per policy) with the objective targets drawn as labelled
// vertical lines. Self-contained SVG; series differ by colour and dash pattern.
import { histogram } from '../engine/stats.ts';
import { escapeHtml } from './html.ts';

export const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
export const DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4'];

export interface HistogramChart {
  label: string;
  series: { name: string; values: readonly number[] }[];
  targets: { value: number; text: string }[];
  format: (v: number) => string;
  bins?: number;
}

export function histogramSvg(c: HistogramChart): string {
  const W = 560;
  const H = 210;
  const pad = { l: 48, r: 12, t: 22, b: 36 };
  const bins = c.bins ?? 24;
  // Loops, not Math.min(...values): a million-run batch would overflow the call stack.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const s of c.series)
    for (const v of s.values) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  for (const t of c.targets) {
    lo = Math.min(lo, t.value);
    hi = Math.max(hi, t.value);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  if (hi === lo) hi = lo + 1;
  const series = c.series.map((s) => ({ name: s.name, counts: histogram([...s.values], bins, { lo, hi }).counts, n: Math.max(1, s.values.length) }));
  let maxShare = 1e-9;
  for (const s of series) for (const k of s.counts) maxShare = Math.max(maxShare, k / s.n);
  const x = (i: number) => pad.l + (i / bins) * (W - pad.l - pad.r);
  const xv = (v: number) => pad.l + ((v - lo) / (hi - lo)) * (W - pad.l - pad.r);
  const y = (share: number) => H - pad.b - (share / maxShare) * (H - pad.t - pad.b);
  const paths = series.map((s, k) => {
    let d = `M${x(0)},${y(0)}`;
    s.counts.forEach((count, i) => {
      d += ` L${x(i).toFixed(1)},${y(count / s.n).toFixed(1)} L${x(i + 1).toFixed(1)},${y(count / s.n).toFixed(1)}`;
    });
    d += ` L${x(bins)},${y(0)}`;
    return `<path d="${d}" fill="none" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="2" stroke-dasharray="${DASHES[k % DASHES.length]}"><title>${escapeHtml(s.name)}</title></path>`;
  });
  const targets = c.targets.map((t, i) => {
    const tx = xv(t.value);
    const anchor = tx > W * 0.7 ? 'end' : 'start';
    return `<g class="target"><line x1="${tx.toFixed(1)}" y1="${pad.t - 4}" x2="${tx.toFixed(1)}" y2="${H - pad.b}" stroke="#111" stroke-width="1.5" stroke-dasharray="4 2"/><text x="${(tx + (anchor === 'end' ? -4 : 4)).toFixed(1)}" y="${pad.t + 6 + i * 12}" font-size="11" text-anchor="${anchor}" paint-order="stroke" stroke="#fff" stroke-width="3">${escapeHtml(`target ${t.text}`)}</text></g>`;
  });
  const axis = `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#333"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#333"/>`;
  const labels = `<text x="${pad.l}" y="${H - pad.b + 16}" font-size="11">${escapeHtml(c.format(lo))}</text><text x="${W - pad.r}" y="${H - pad.b + 16}" font-size="11" text-anchor="end">${escapeHtml(c.format(hi))}</text><text x="${(W + pad.l) / 2}" y="${H - 6}" font-size="12" text-anchor="middle">${escapeHtml(c.label)} per run</text><text x="12" y="${(H - pad.b) / 2}" font-size="12" transform="rotate(-90 12 ${(H - pad.b) / 2})" text-anchor="middle">share of runs</text>`;
  const targetWords = c.targets.length ? `; target ${c.targets.map((t) => t.text).join(', ')}` : '';
  return `<svg role="img" aria-label="${escapeHtml(`Histogram of ${c.label} per policy${targetWords}`)}" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">${axis}${paths.join('')}${targets.join('')}${labels}</svg>`;
}
