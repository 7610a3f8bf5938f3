// The turn report's missiles: the money for missiles this turn by where it came from
// (crypto cash-out, other income, money saved from earlier turns), what it bought, and
// the launches, with each type's sourced unit cost.
import { toUsd } from '../../engine/money.ts';
import type { TurnReport } from '../../engine/report.ts';
import type { Totals } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { formatCount, formatIndex, formatMoney, formatShare, type MoneyView } from '../app/format.ts';
import { boughtIn, launchesIn } from '../app/summary-text.ts';
import { h } from './h.ts';
import { figure } from './sources.ts';

function row(label: string, value: string, note?: string, cls = ''): HTMLElement[] {
  return [
    h('dt', { class: cls }, label),
    h('dd', { class: cls }, h('span', { class: 'num' }, value), note ? h('span', { class: 'muted small' }, ` ${note}`) : null),
  ];
}

/** Where this turn's missile money came from; `before` are the totals before the turn (null on turn 1). */
export function fundingList(s: Scenario, r: TurnReport, before: Totals | null, m: MoneyView): HTMLElement {
  const saved = before?.missileFundUsd ?? 0;
  const available = saved + r.toMissilesUsd + r.otherFundingUsd;
  const share = s.adversary.missileShare.value;
  return h(
    'dl',
    { class: 'funding', 'aria-label': 'Money for missiles this turn' },
    row('From crypto cashed out', formatMoney(r.toMissilesUsd, m), `(${formatShare(share)} of the ${formatMoney(r.cashedOutUsd, m)} that reached the regime)`),
    row('From other income', formatMoney(r.otherFundingUsd, m), '(the regime’s other sources: a fixed amount each turn in this scenario)'),
    row('Saved from earlier turns', formatMoney(saved, m)),
    row('Available', formatMoney(available, m), undefined, 'sum'),
    row('Spent', formatMoney(r.missileSpendUsd, m), `on ${formatCount(boughtIn(r))} missile${boughtIn(r) === 1 ? '' : 's'}`),
    row('Saved for later', formatMoney(r.totals.missileFundUsd, m)),
  );
}

export function missileSection(s: Scenario, r: TurnReport, before: Totals | null, m: MoneyView): HTMLElement {
  const launched = launchesIn(r);
  const crypto = r.toMissilesUsd;
  return h(
    'section',
    { class: 'report-section' },
    h('h3', null, 'Missiles'),
    h('h4', { class: 'report-sub' }, 'Money for missiles this turn'),
    fundingList(s, r, before, m),
    h(
      'p',
      { class: 'muted small' },
      crypto === 0
        ? 'No crypto money reached the missile budget this turn: what was bought was paid from other income and savings. '
        : '',
      `Launches come from the stock of missiles, however they were paid for: ${formatCount(launched)} launched this turn.`,
    ),
    h(
      'table',
      { class: 'data missiles' },
      h(
        'thead',
        null,
        h('tr', null, h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Unit cost'), h('th', { scope: 'col' }, 'Bought'), h('th', { scope: 'col' }, 'Launched')),
      ),
      h(
        'tbody',
        null,
        s.missiles.map((x) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, x.name),
            h('td', null, figure(s, x.cost, formatMoney(toUsd(x.cost, s), m), `the unit cost of a ${x.name}`)),
            h('td', { class: 'num' }, formatCount(r.bought[x.id] ?? 0)),
            h('td', { class: 'num' }, formatCount(r.launched[x.id] ?? 0)),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      `Launch chance this month ×${formatIndex(r.launchMultiplier)} (calendar).`,
      r.missileCostFactor < 1 ? ` Stolen technology brings unit costs down to ${Math.round(r.missileCostFactor * 100)} % of the list prices above.` : '',
    ),
  );
}
