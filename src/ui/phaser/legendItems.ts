// What the legend lists and how much room it needs. Pure (no Phaser), so the map layout
// can reserve space for it before anything is drawn.
import { fontPx } from './theme.ts';

/** [icon key, label, shorter label for a tight grid]: icons are drawn by map/Legend.ts. */
export const LEGEND: readonly [string, string, string?][] = [
  ['arc', 'Heist (circle area shows the amount)', 'Heist (area = amount)'],
  ['blockedArc', 'Blocked attempt (dashed, crossed)', 'Blocked (dashed)'],
  ['sector', 'Target sector'],
  ['channel', 'Laundering channel'],
  ['frozen', 'Frozen by sanctions'],
  ['cash', 'Cash reaching the regime', 'Cash to the regime'],
  ['missile', 'Missile launch'],
  ['nk', 'North Korea'],
];

/** Row height of the legend at full size, in px at the reference size. */
export const LEGEND_ROW_PX = 20;
const STRIP_PAD_PX = 8;
const STRIP_ENTRY_PX = 175; // one legend entry's width in the strip grid

export function legendHeight(columns: number, s: number): number {
  return Math.ceil(LEGEND.length / columns) * Math.round(LEGEND_ROW_PX * s);
}

/** Legend columns that fit a strip `width` px wide. */
export function stripLegendColumns(width: number, s: number): number {
  return Math.min(4, Math.max(2, Math.floor(width / (STRIP_ENTRY_PX * s))));
}

export function stripPadding(s: number): number {
  return STRIP_PAD_PX * s;
}

/**
 * Height of the strip layout (narrow canvases): a title row, `figureLines` lines of figures
 * beyond the first (which shares the title row), and the legend grid unless the page shows
 * the key instead (compact canvases).
 */
export function stripHeight(width: number, s: number, figureLines = 1, legend = true): number {
  const rows = legend ? Math.ceil(LEGEND.length / stripLegendColumns(width, s)) : 0;
  const extra = Math.max(0, figureLines - 1) * fontPx('small', s) * 1.45;
  return Math.round(2 * stripPadding(s) + fontPx('heading', s) * 1.6 + extra + rows * fontPx('legend', s) * 1.45);
}
