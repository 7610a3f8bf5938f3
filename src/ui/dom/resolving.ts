// While the world view animates a turn: what is happening, and how to skip it.
import type { TurnReport } from '../../engine/report.ts';
import { h } from './h.ts';
import { type GameView, heading, type Screen } from './screen.ts';

export function resolvingScreen(view: GameView, report: TurnReport, onSkip: () => void): Screen {
  const head = heading(`Turn ${report.turn} is resolving`, `${report.label} · watch the map`);
  const el = h(
    'section',
    { class: 'screen resolving', 'aria-label': `Turn ${report.turn} resolving`, 'aria-busy': 'true' },
    head,
    h(
      'ol',
      { class: 'steps' },
      h('li', null, 'The adversary’s teams strike the sectors — each heist appears where it happened, sized by the amount.'),
      h('li', null, 'Stolen funds flow through the laundering channels; sanctions freeze part of each flow.'),
      h('li', null, 'Cash reaching the regime buys missiles, and launches follow.'),
    ),
    h('p', { class: 'muted' }, `The full report for ${view.scenario.title}, turn ${report.turn}, follows the animation.`),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'btn primary', on: { click: onSkip } }, 'Skip animation'),
      h('span', { class: 'muted small' }, h('kbd', null, 'Esc'), ' also skips'),
    ),
  );
  return { key: `resolve:${report.turn}`, el, heading: head };
}
