// The turn report's heists and events: each heist stolen or blocked (an SVG icon beside
// the words, never a font glyph), each documented heist with the odds the defences gave,
// and events whose heist was blocked headed as blocked, with the record framed as history.
import type { TurnReport } from '../../engine/report.ts';
import { eventHeadline, eventOutcome, heistSentence, heistsOf, oddsPhrase } from '../../report/outcome-words.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { methodName, sectorName } from '../app/describe.ts';
import { formatIndex, formatMoney, formatShare, type MoneyView } from '../app/format.ts';
import { citedText } from './cited-text.ts';
import { h } from './h.ts';
import { icon } from './icons.ts';
import { cite } from './sources.ts';

function sub(title: string, ...children: (Node | Node[] | null)[]): HTMLElement {
  return h('section', { class: 'report-section' }, h('h3', null, title), children);
}

/** "Blocked" with a shield, "Stolen" with a warning sign: words first, icon as decoration. */
export function heistOutcome(blocked: boolean): HTMLElement {
  return blocked
    ? h('span', { class: 'outcome good', dataset: { outcome: 'blocked' } }, icon('shield'), 'Blocked by defences')
    : h('span', { class: 'outcome bad', dataset: { outcome: 'stolen' } }, icon('alert'), 'Stolen');
}

export function heistSection(s: Scenario, r: TurnReport, m: MoneyView): HTMLElement {
  if (r.heists.length === 0) {
    // Failed operations leave no heist record; say whether the teams tried at all.
    const tries = Object.values(r.ops).reduce((a, o) => a + o.teams, 0);
    const text = tries
      ? `The adversary's ${tries} operation${tries === 1 ? '' : 's'} all failed this turn: nothing was stolen.`
      : 'The adversary ran no operations against the sectors this turn.';
    return sub('Heists', h('p', { class: 'muted' }, text), opsNote(s, r));
  }
  const sorted = [...r.heists].sort((a, b) => b.amountUsd - a.amountUsd);
  return sub(
    'Heists',
    h(
      'table',
      { class: 'data heists' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Target'), h('th', { scope: 'col' }, 'Amount'), h('th', { scope: 'col' }, 'Result'))),
      h(
        'tbody',
        null,
        sorted.map((x) =>
          h(
            'tr',
            { dataset: { outcome: x.blocked ? 'blocked' : 'stolen' } },
            h(
              'th',
              { scope: 'row' },
              sectorName(s, x.sector),
              x.name ? h('span', { class: 'muted' }, ` — ${x.name}`) : null,
              h('span', { class: 'muted small block' }, methodName(s, x.method)),
            ),
            h('td', { class: 'num' }, formatMoney(x.amountUsd, m), x.blocked ? h('span', { class: 'muted small block' }, 'at stake') : null),
            h(
              'td',
              null,
              heistOutcome(x.blocked),
              x.origin === 'event' ? h('span', { class: 'muted small block heist-odds' }, `Documented heist: ${oddsPhrase(r, x)}.`) : null,
              x.origin === 'campaign'
                ? h('span', { class: 'muted small block heist-odds' }, `The team behind a blocked documented heist tried again here: ${oddsPhrase(r, x)}.`)
                : null,
            ),
          ),
        ),
      ),
    ),
    opsNote(s, r),
  );
}

/** Every sector the adversary's teams tried, how many succeeded, and the odds each attempt had. */
function opsNote(s: Scenario, r: TurnReport): HTMLElement | null {
  const parts = Object.entries(r.ops)
    .filter(([, o]) => o.teams > 0)
    .map(
      ([id, o]) =>
        `${sectorName(s, id)}: ${o.successes} of ${o.teams} operation${o.teams === 1 ? '' : 's'} succeeded (each had a ${formatShare(o.successChance)} chance)`,
    );
  return parts.length ? h('p', { class: 'muted small' }, `Adversary operations — ${parts.join('; ')}.`) : null;
}

export function eventSection(s: Scenario, r: TurnReport): HTMLElement {
  if (r.events.length === 0) return sub('Events', h('p', { class: 'muted' }, 'No scripted or random events this turn.'));
  return sub(
    'Events',
    h(
      'ul',
      { class: 'events' },
      r.events.map((e) => {
        const kind = eventOutcome(r, e);
        return h(
          'li',
          { class: `event${kind ? ` heist-${kind}` : ''}`, dataset: kind ? { outcome: kind } : {} },
          h(
            'h4',
            null,
            kind === 'blocked' ? icon('shield', 'event-icon') : null,
            eventHeadline(r, e),
            ' ',
            h('span', { class: 'badge' }, e.kind === 'injected' ? 'facilitator' : e.kind),
          ),
          heistsOf(r, e).map((x) => h('p', { class: `heist-line ${x.blocked ? 'good' : 'bad'}` }, heistSentence(s, r, x))),
          kind === 'blocked' || kind === 'partly'
            ? h('p', null, h('strong', null, 'What happened in history: '), citedText(s, e.text))
            : h('p', null, citedText(s, e.text)),
          cite(s, e.source, e.title),
        );
      }),
    ),
    r.collateral || r.escalation
      ? h('p', { class: 'muted small' }, `Side effects this turn: collateral harm +${formatIndex(r.collateral)}; escalation now ${formatIndex(r.escalation)}.`)
      : null,
  );
}
