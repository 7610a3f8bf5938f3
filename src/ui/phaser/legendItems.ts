// What the legend lists and how much room it needs. Pure (no Phaser), so the map layout
// can reserve space for it before anything is drawn.
import { fontPx } from './theme.ts';

/** [icon key, label, shorter label for a tight grid]: icons are drawn by map/Legend.ts. */
export const LEGEND: readonly [string, string, string?][] = [
  ['arc', 'Heist (circle area ∝ amount)', 'Heist (area ∝ amount)'],
  ['blockedArc', 'Blocked attempt (dashed, ✕)', 'Blocked (dashed, ✕)'],
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

/** Height of the strip layout (narrow canvases): a title row and the legend grid. */
export function stripHeight(width: number, s: number): number {
  const rows = Math.ceil(LEGEND.length / stripLegendColumns(width, s));
  return Math.round(2 * stripPadding(s) + fontPx('heading', s) * 1.6 + rows * fontPx('legend', s) * 1.45);
}
