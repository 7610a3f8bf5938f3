// The turn report's missiles: the money for missiles this turn by where it came from
// (crypto cash-out and each of the regime's other income streams, plus what was saved from
// earlier turns), what it bought within the industry's capacity at this run's unit costs,
// and why as many missiles were tested as were (doctrine, calendar, escalation, stock).
import type { TurnReport } from '../../engine/report.ts';
import type { Totals } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { missileName, streamName } from '../app/describe.ts';
import { formatCount, formatIndex, formatMoney, type MoneyView } from '../app/format.ts';
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
  const funding = r.fundingUsd ?? { crypto: r.toMissilesUsd };
  const received = Object.values(funding).reduce((a, b) => a + b, 0);
  const available = saved + received;
  const crypto = funding.crypto ?? 0;
  const streams = Object.keys(funding).filter((k) => k !== 'crypto');
  return h(
    'dl',
    { class: 'funding', 'aria-label': 'Money for missiles this turn', dataset: { cryptoUsd: String(crypto), receivedUsd: String(received) } },
    row('From stolen crypto', formatMoney(crypto, m), `(part of the ${formatMoney(r.cashedOutUsd, m)} that reached the regime this turn)`),
    streams.map((id) =>
      row(`From ${streamName(s, id).toLowerCase()}`, formatMoney(funding[id] ?? 0, m), r.incomeUsd?.[id] !== undefined ? `(part of ${formatMoney(r.incomeUsd[id]!, m)} earned this month)` : undefined),
    ),
    row('Saved from earlier turns', formatMoney(saved, m)),
    row('Available', formatMoney(available, m), received > 0 ? `crypto paid ${Math.round((crypto / received) * 100)} % of this turn’s new money` : undefined, 'sum'),
    row('Spent', formatMoney(r.missileSpendUsd, m), `on ${formatCount(boughtIn(r))} missile${boughtIn(r) === 1 ? '' : 's'}`),
    row('Saved for later', formatMoney(r.totals.missileFundUsd, m)),
  );
}

/** Why as many missiles were tested as were: the model's own launch odds. */
function launchWhy(s: Scenario, r: TurnReport): HTMLElement | null {
  const odds = (r.launchOdds ?? []).filter((o) => o.expected > 0 || o.launched > 0);
  if (!odds.length) return null;
  return h(
    'ul',
    { class: 'launch-why muted small' },
    odds.map((o) => {
      const stock = o.planned > o.available ? ` but only ${formatCount(o.available)} were in stock above the reserve` : '';
      const scripted = o.scripted > 0 ? `, plus ${formatCount(o.scripted)} documented test${o.scripted === 1 ? '' : 's'}` : '';
      const doctrine = o.doctrine.length ? ` (${o.doctrine.join(', ')})` : '';
      return h(
        'li',
        null,
        `${missileName(s, o.missile)}: doctrine${doctrine} and the calendar (×${formatIndex(o.calendarMultiplier)}) with escalation called for about ${formatIndex(Math.round(o.expected * 10) / 10)} tests; ${formatCount(o.planned)} were planned${stock}${scripted}: ${formatCount(o.launched)} launched.`,
      );
    }),
  );
}

export function missileSection(s: Scenario, r: TurnReport, before: Totals | null, m: MoneyView): HTMLElement {
  const launched = launchesIn(r);
  const purchase = new Map((r.purchases ?? []).map((p) => [p.missile, p]));
  return h(
    'section',
    { class: 'report-section' },
    h('h3', null, 'Missiles'),
    h('h4', { class: 'report-sub' }, 'Money for missiles this turn'),
    fundingList(s, r, before, m),
    h(
      'p',
      { class: 'muted small' },
      `Launches come from the stock of missiles, however they were paid for: ${formatCount(launched)} launched this turn.`,
    ),
    launchWhy(s, r),
    h(
      'table',
      { class: 'data missiles' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Type'),
          h('th', { scope: 'col' }, 'Unit cost'),
          h('th', { scope: 'col' }, 'Bought'),
          h('th', { scope: 'col' }, 'Launched'),
        ),
      ),
      h(
        'tbody',
        null,
        s.missiles.map((x) => {
          const p = purchase.get(x.id);
          return h(
            'tr',
            null,
            h('th', { scope: 'row' }, x.name),
            h('td', null, figure(s, x.cost, p ? formatMoney(p.unitCostUsd, m) : '–', `the unit cost of a ${x.name}`), p ? h('span', { class: 'muted small block' }, 'this game’s draw from the documented range') : null),
            h('td', { class: 'num' }, formatCount(r.bought[x.id] ?? 0), p ? h('span', { class: 'muted small block' }, `of ${formatCount(p.capacity)} the industry could deliver`) : null),
            h('td', { class: 'num' }, formatCount(r.launched[x.id] ?? 0)),
          );
        }),
      ),
    ),
    r.missileCostFactor < 1
      ? h('p', { class: 'muted small' }, `Stolen technology brings unit costs down to ${Math.round(r.missileCostFactor * 100)} % of the list prices above.`)
      : null,
  );
}
