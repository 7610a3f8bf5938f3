// A tornado chart: one horizontal bar per factor, from zero to its effect, biggest first.
// Self-contained SVG; each bar is labelled with its signed value, so colour is never the
// only signal.
import { escapeHtml } from './html.ts';

export interface TornadoBar {
  label: string;
  value: number;
}

export interface TornadoChart {
  title: string;
  bars: TornadoBar[];
  format: (v: number) => string;
  /** Which direction is good for the players; good bars are blue, bad ones orange. */
  better: 'lower' | 'higher';
  width?: number;
}

const GOOD = '#0072B2';
const BAD = '#D55E00';

export function tornadoSvg(c: TornadoChart): string {
  const W = c.width ?? 640;
  const row = 22;
  const pad = { l: 230, r: 90, t: 30, b: 26 };
  const bars = [...c.bars].sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.label.localeCompare(b.label));
  const H = pad.t + pad.b + Math.max(1, bars.length) * row;
  let extent = 0;
  for (const b of bars) extent = Math.max(extent, Math.abs(b.value));
  if (extent === 0) extent = 1;
  const mid = pad.l + (W - pad.l - pad.r) / 2;
  const half = (W - pad.l - pad.r) / 2;
  const x = (v: number) => mid + (v / extent) * half;
  const body = bars
    .map((b, i) => {
      const y = pad.t + i * row;
      const good = c.better === 'lower' ? b.value < 0 : b.value > 0;
      const x0 = Math.min(x(0), x(b.value));
      const w = Math.max(b.value === 0 ? 0 : 1, Math.abs(x(b.value) - x(0)));
      const text = `${b.value > 0 ? '+' : b.value < 0 ? '−' : '±'}${c.format(Math.abs(b.value))}`;
      const tx = b.value < 0 ? x0 - 4 : x0 + w + 4;
      return `<text x="${pad.l - 8}" y="${y + 15}" font-size="12" text-anchor="end">${escapeHtml(b.label)}</text><rect x="${x0.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="${b.value === 0 ? '#999' : good ? GOOD : BAD}"><title>${escapeHtml(`${b.label}: ${text}`)}</title></rect><text x="${tx.toFixed(1)}" y="${y + 15}" font-size="11" text-anchor="${b.value < 0 ? 'end' : 'start'}">${escapeHtml(text)}</text>`;
    })
    .join('');
  const axis = `<line x1="${mid}" y1="${pad.t - 4}" x2="${mid}" y2="${H - pad.b + 4}" stroke="#333"/><text x="${mid}" y="${H - 6}" font-size="11" text-anchor="middle">no change</text>`;
  const summary = bars
    .slice(0, 3)
    .map((b) => `${b.label} ${b.value > 0 ? '+' : b.value < 0 ? '−' : '±'}${c.format(Math.abs(b.value))}`)
    .join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(`${c.title}. Largest: ${summary}`)}"><text x="8" y="18" font-size="14" font-weight="bold">${escapeHtml(c.title)}</text>${axis}${body}</svg>`;
}
