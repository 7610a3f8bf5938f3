// What a flow-band channel box says, fitted to the box: the name wraps onto two lines or
// takes a shorter wording (labelText.ts), the figures take their compact form, and only
// then does text shrink (never below MIN_FONT_PX) or, as a last resort, end in an
// ellipsis. Pure: sizes come from a callback, so the fitting is tested in Node.
import { type BoxRoom, fitLine, fitName, type SizeOf } from './labelText.ts';
import type { LineSpec } from './map/TextBlock.ts';

export interface ChannelFigures {
  inText: string;
  frozenText: string;
  /** Px reserved left of the frozen line for the snowflake icon (at scale 1). */
  iconIndent: number;
  colors: { in: number; frozen: number };
}

/** How a channel box shows its figures: on two lines, or sharing one. */
export type FigureLayout = 'split' | 'combined';

/** Which figure layout a box's lines use. */
export function figureLayout(lines: readonly LineSpec[]): FigureLayout {
  return lines.some((l) => l.group === 'frozen') ? 'split' : 'combined';
}

/**
 * A channel box: its name (one or two lines), then what came in and what was frozen on
 * two lines, or on one shared line when the box is too short or the name needs the room.
 * `force` makes every box of a column use the same layout (split only where it fits).
 */
export function channelLines(name: string, id: string, figures: ChannelFigures | undefined, room: BoxRoom, size: SizeOf, force?: FigureLayout): LineSpec[] {
  const lineH = size('Ag', room.px, false).height;
  const fit = Math.max(1, Math.floor(room.height / lineH));
  // A name and a figures line are the least a box shows: in a crowded column a smaller
  // font (never below MIN_FONT_PX) beats figures spilling out of the box.
  if (figures && fit < 2) {
    for (let px = room.px - 1; px >= room.minPx; px--) {
      if (2 * size('Ag', px, false).height <= room.height) return channelLines(name, id, figures, { ...room, px }, size, force);
    }
  }
  const nameFit = (lines: number) => fitName(name, id, room.width, lines, room.px, room.minPx, (t, px) => size(t, px, true).width);
  const nameLines = (f: ReturnType<typeof nameFit>): LineSpec[] => f.lines.map((text) => ({ text, px: f.px, role: 'small', bold: true }));
  if (!figures) return nameLines(nameFit(Math.min(2, fit)));
  const { inText, frozenText, colors } = figures;
  // The band's other boxes show the currency, so the tightest form can leave it out.
  const bare = (t: string) => t.replace(/^(\u2212?)[^\d\s\u2212]+\s/, '$1');
  const combined = fitLine(
    {
      texts: [`${inText} in · ${frozenText} frozen`, `${inText} · ❄ ${frozenText}`, `${bare(inText)} · ❄ ${bare(frozenText)}`],
      role: 'small',
      color: colors.frozen,
      group: 'in',
    },
    room,
    size,
  );
  const oneLine = nameFit(Math.max(1, Math.min(2, fit - 1)));
  if (fit >= 3) {
    const split = nameFit(Math.min(2, fit - 2));
    // Separate lines keep the snowflake beside the frozen figure; worth it unless the
    // name would need a smaller font or lose more than its bracketed aside.
    const worth = split.whole && split.px >= oneLine.px && split.variant <= Math.max(1, oneLine.variant);
    const cut = combined.text.endsWith('…');
    if (force === 'split' || (force === undefined && (worth || (cut && split.whole)))) {
      return [
        ...nameLines(split),
        fitLine({ texts: [`${inText} in`, inText], role: 'small', color: colors.in, group: 'in' }, room, size),
        fitLine({ texts: [`${frozenText} frozen`, frozenText], role: 'small', color: colors.frozen, group: 'frozen', indent: figures.iconIndent }, room, size),
      ];
    }
  }
  return [...nameLines(oneLine), combined];
}
