// The map's key as page content: the same marks the canvas draws (shape and dash, never
// colour alone), each an inline SVG beside its words. It sits in the world view's bar, so
// on a narrow canvas the map keeps the room a legend grid would take.
import { LEGEND } from '../phaser/legendItems.ts';
import { COLORS, css } from '../phaser/theme.ts';
import { h } from './h.ts';

const c = (n: number) => css(n);

/** 24×16 drawings of the legend's marks, matching src/ui/phaser/map/Legend.ts. */
const MARKS: Record<string, string> = {
  arc: `<path d="M3 13 Q12 0 21 13" fill="none" stroke="${c(COLORS.heist)}" stroke-width="2.5"/>`,
  blockedArc: `<path d="M3 13 Q12 0 21 13" fill="none" stroke="${c(COLORS.blocked)}" stroke-width="2" stroke-dasharray="4 3"/><path d="M9.5 5.5l5 5M14.5 5.5l-5 5" stroke="${c(COLORS.blocked)}" stroke-width="1.5"/>`,
  sector: `<circle cx="12" cy="8" r="4" fill="${c(COLORS.sector)}"/>`,
  channel: `<path d="M12 3 17 8 12 13 7 8z" fill="${c(COLORS.panel)}" stroke="${c(COLORS.channel)}" stroke-width="1.5"/>`,
  frozen: `<path d="M12 2v12M6.8 5l10.4 6M17.2 5 6.8 11" stroke="${c(COLORS.frozen)}" stroke-width="1.8" stroke-linecap="round"/>`,
  cash: `<circle cx="12" cy="8" r="5" fill="none" stroke="${c(COLORS.cash)}" stroke-width="2.5"/>`,
  missile: `<path d="M12 2 18 14H6z" fill="${c(COLORS.missile)}"/>`,
  nk: `<rect x="6" y="4" width="12" height="8" fill="${c(COLORS.northKorea)}"/>`,
};

export function worldKey(): HTMLElement {
  return h(
    'details',
    { class: 'world-key' },
    h('summary', null, 'Key'),
    h(
      'ul',
      { class: 'world-key-list', 'aria-label': 'What the marks on the map mean' },
      LEGEND.map(([mark, label]) => {
        const icon = h('span', { class: 'world-key-mark', 'aria-hidden': 'true' });
        icon.innerHTML = `<svg viewBox="0 0 24 16" width="24" height="16">${MARKS[mark] ?? ''}</svg>`;
        return h('li', null, icon, label.replace(/ \(dashed, ✕\)$/, ' (dashed, crossed)'));
      }),
    ),
  );
}
