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
  /** Default: the label column plus 560 px. */
  width?: number;
}

const GOOD = '#0072B2';
const BAD = '#D55E00';

/** Rough width of a 12 px system-font character, for sizing the label column. */
const CHAR_PX = 6.6;
/** Room beside each bar end for its value label. */
const VALUE_PX = 78;

export function tornadoSvg(c: TornadoChart): string {
  const bars = [...c.bars].sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.label.localeCompare(b.label));
  const longest = bars.reduce((m, b) => Math.max(m, b.label.length), 0);
  const labelW = Math.min(380, Math.max(80, Math.ceil(longest * CHAR_PX)));
  const W = c.width ?? labelW + 560;
  const row = 22;
  const pad = { t: 30, b: 26 };
  const H = pad.t + pad.b + Math.max(1, bars.length) * row;
  // Bars grow from zero to each side only as far as the data goes, so one-sided charts use the whole width.
  let lo = 0;
  let hi = 0;
  for (const b of bars) {
    lo = Math.min(lo, b.value);
    hi = Math.max(hi, b.value);
  }
  if (lo === 0 && hi === 0) hi = 1;
  const x0 = labelW + 12 + (lo < 0 ? VALUE_PX : 0);
  const x1 = W - (hi > 0 ? VALUE_PX : 8);
  const x = (v: number) => x0 + ((v - lo) / (hi - lo)) * (x1 - x0);
  const zero = x(0);
  const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : '±'}${c.format(Math.abs(v))}`;
  const body = bars
    .map((b, i) => {
      const y = pad.t + i * row;
      const good = c.better === 'lower' ? b.value < 0 : b.value > 0;
      const left = Math.min(zero, x(b.value));
      const w = Math.max(b.value === 0 ? 0 : 1, Math.abs(x(b.value) - zero));
      const text = signed(b.value);
      // Values go outside the bar end; a zero goes to whichever side of the axis has room.
      const leftward = b.value < 0 || (b.value === 0 && hi === 0);
      const tx = leftward ? left - 4 : left + w + 4;
      return `<text x="${labelW}" y="${y + 15}" font-size="12" text-anchor="end">${escapeHtml(b.label)}</text><rect x="${left.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${row - 8}" fill="${b.value === 0 ? '#999' : good ? GOOD : BAD}"><title>${escapeHtml(`${b.label}: ${text}`)}</title></rect><text x="${tx.toFixed(1)}" y="${y + 15}" font-size="11" text-anchor="${leftward ? 'end' : 'start'}">${escapeHtml(text)}</text>`;
    })
    .join('');
  const axis = `<line x1="${zero.toFixed(1)}" y1="${pad.t - 4}" x2="${zero.toFixed(1)}" y2="${H - pad.b + 4}" stroke="#333"/><text x="${zero.toFixed(1)}" y="${H - 6}" font-size="11" text-anchor="${zero > W - 40 ? 'end' : 'middle'}">no change</text>`;
  const summary = bars
    .slice(0, 3)
    .map((b) => `${b.label} ${signed(b.value)}`)
    .join('; ');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeHtml(`${c.title}. Largest: ${summary}`)}"><text x="8" y="18" font-size="14" font-weight="bold">${escapeHtml(c.title)}</text>${axis}${body}</svg>`;
}
