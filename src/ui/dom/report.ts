// The turn report: headline numbers, heists, laundering flows per channel, missiles, events
// with their sources. Charts are drawn by the world view beside it.
import { tableSeat } from '../../engine/autoplay.ts';
import { toUsd } from '../../engine/money.ts';
import type { TurnReport } from '../../engine/report.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { channelName, missileName, sectorName, stageName } from '../app/describe.ts';
import { formatCount, formatIndex, formatMoney, formatPoints, type MoneyView } from '../app/format.ts';
import { launchesIn } from '../app/summary-text.ts';
import { h } from './h.ts';
import { type GameView, guidance, heading, type Screen } from './screen.ts';
import { cite, figure } from './sources.ts';

export function stat(label: string, value: string, note?: string | null, tone = ''): HTMLElement {
  return h('div', { class: `stat ${tone}` }, h('dt', null, label), h('dd', null, h('span', { class: 'stat-value' }, value), note ? h('span', { class: 'stat-note' }, note) : null));
}

export function reportScreen(view: GameView, report: TurnReport): Screen {
  const { scenario: s, money, session } = view;
  const last = report.turn >= session.game.turnsTotal;
  const head = heading(`Turn ${report.turn} report · ${report.label}`, `${s.title} · turn ${report.turn} of ${session.game.turnsTotal}`);
  const next = h(
    'button',
    { type: 'button', class: 'btn primary', on: { click: () => view.act(tableSeat(s), { type: 'NEXT' }) } },
    last ? 'Go to the debrief' : `Plan turn ${report.turn + 1}`,
  );
  const parts = reportSections(s, report, money);
  const el = h(
    'section',
    { class: 'screen report', 'aria-label': `Turn ${report.turn} report` },
    head,
    parts.headline,
    guidance(s),
    parts.details,
    h('div', { class: 'actions sticky-actions' }, next),
  );
  return { key: `report:${report.turn}`, el, heading: head };
}

/** The body of a turn report (also shown by the replay viewer for a recorded turn). */
export function reportSections(s: Scenario, report: TurnReport, money: MoneyView): { headline: HTMLElement; details: (HTMLElement | null)[] } {
  return {
    headline: headline(s, report, money),
    details: [
      report.calendarNotes.length ? h('p', { class: 'callout' }, h('strong', null, 'Calendar: '), report.calendarNotes.join(' · ')) : null,
      heistSection(s, report, money),
      flowSection(s, report, money),
      missileSection(s, report, money),
      eventSection(s, report),
      totalsSection(report, money),
    ],
  };
}

function headline(s: Scenario, r: TurnReport, m: MoneyView): HTMLElement {
  const heists = r.heists.filter((x) => !x.blocked).length;
  const used = s.roles.reduce((a, role) => a + (r.costByRole[role.id] ?? 0), 0);
  const total = s.roles.reduce((a, role) => a + role.budgetPerTurn, 0);
  const budget = s.roles.map((role) => `${role.name}: ${formatPoints(r.costByRole[role.id] ?? 0)} of ${formatPoints(role.budgetPerTurn)}`);
  return h(
    'dl',
    { class: 'stats', 'aria-label': 'This turn in numbers' },
    stat('Crypto stolen', formatMoney(r.stolenUsd, m), `${heists} successful heist${heists === 1 ? '' : 's'}`, 'tone-bad'),
    stat('Frozen', formatMoney(r.frozenUsd, m), `${formatMoney(r.lostUsd, m)} lost to fees`, 'tone-good'),
    stat('Cashed out', formatMoney(r.cashedOutUsd, m), `reached the regime; ${formatMoney(r.toMissilesUsd, m)} of it for missiles`, 'tone-bad'),
    stat('Missile launches', formatCount(launchesIn(r)), launchSummary(s, r.launched)),
    stat('Missile spending', formatMoney(r.missileSpendUsd, m), `${formatMoney(r.otherFundingUsd, m)} from other funding`),
    stat('Budget used', `${used} / ${formatPoints(total)}`, budget.length > 1 ? budget.join(' · ') : null),
  );
}

function launchSummary(s: Scenario, launched: Record<string, number>): string {
  const parts = Object.entries(launched)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${n} ${missileName(s, id)}`);
  return parts.length ? parts.join(', ') : 'none';
}

function sub(title: string, ...children: (Node | Node[] | null)[]): HTMLElement {
  return h('section', { class: 'report-section' }, h('h3', null, title), children);
}

function heistSection(s: Scenario, r: TurnReport, m: MoneyView): HTMLElement {
  if (r.heists.length === 0) {
    // Failed operations leave no heist record; say whether the teams tried at all.
    const tries = Object.values(r.ops).reduce((a, o) => a + o.teams, 0);
    const text = tries
      ? `The adversary's ${tries} operation${tries === 1 ? '' : 's'} all failed this turn: nothing was stolen.`
      : 'The adversary ran no operations against the sectors this turn.';
    return sub('Heists', h('p', { class: 'muted' }, text));
  }
  const sorted = [...r.heists].sort((a, b) => b.amountUsd - a.amountUsd);
  return sub(
    'Heists',
    h(
      'table',
      { class: 'data' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Target'), h('th', { scope: 'col' }, 'Amount'), h('th', { scope: 'col' }, 'Result'))),
      h(
        'tbody',
        null,
        sorted.map((x) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, sectorName(s, x.sector), x.name ? h('span', { class: 'muted' }, ` — ${x.name}`) : null),
            h('td', { class: 'num' }, formatMoney(x.amountUsd, m)),
            h(
              'td',
              null,
              x.blocked
                ? h('span', { class: 'outcome good' }, h('span', { 'aria-hidden': 'true' }, '🛡 '), 'Blocked by defences')
                : h('span', { class: 'outcome bad' }, h('span', { 'aria-hidden': 'true' }, '⚠ '), 'Stolen'),
              x.origin === 'event' ? h('span', { class: 'muted' }, ' (scripted event)') : null,
            ),
          ),
        ),
      ),
    ),
    opsNote(s, r),
  );
}

function opsNote(s: Scenario, r: TurnReport): HTMLElement | null {
  const parts = Object.entries(r.ops)
    .filter(([, o]) => o.teams > 0)
    .map(([id, o]) => `${sectorName(s, id)}: ${o.teams} team${o.teams === 1 ? '' : 's'}, ${o.successes} succeeded`);
  return parts.length ? h('p', { class: 'muted small' }, `Adversary operations — ${parts.join('; ')}.`) : null;
}

function flowSection(s: Scenario, r: TurnReport, m: MoneyView): HTMLElement {
  if (r.flows.length === 0) return sub('Laundering', h('p', { class: 'muted' }, 'No funds moved through the laundering channels this turn.'));
  return sub(
    'Laundering flows',
    h(
      'table',
      { class: 'data' },
      h(
        'thead',
        null,
        h('tr', null, h('th', { scope: 'col' }, 'Channel'), h('th', { scope: 'col' }, 'In'), h('th', { scope: 'col' }, 'Frozen'), h('th', { scope: 'col' }, 'Lost to fees')),
      ),
      h(
        'tbody',
        null,
        r.flows.map((f) =>
          h(
            'tr',
            null,
            h('th', { scope: 'row' }, channelName(s, f.channel), h('span', { class: 'muted' }, ` · ${stageName(s, f.stage)}`)),
            h('td', { class: 'num' }, formatMoney(f.inUsd, m)),
            h('td', { class: 'num' }, formatMoney(f.frozenUsd, m)),
            h('td', { class: 'num' }, formatMoney(f.lostUsd, m)),
          ),
        ),
      ),
    ),
  );
}

function missileSection(s: Scenario, r: TurnReport, m: MoneyView): HTMLElement {
  return sub(
    'Missiles',
    h(
      'table',
      { class: 'data' },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Type'),
          h('th', { scope: 'col' }, 'Unit cost (with its source)'),
          h('th', { scope: 'col' }, 'Bought'),
          h('th', { scope: 'col' }, 'Launched'),
        ),
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
      `Spent on missiles this turn: ${formatMoney(r.missileSpendUsd, m)}. Launch chance this month ×${formatIndex(r.launchMultiplier)}.`,
      r.missileCostFactor < 1
        ? ` Stolen technology brings unit costs down to ${Math.round(r.missileCostFactor * 100)} % of the list prices above.`
        : '',
    ),
  );
}

function eventSection(s: Scenario, r: TurnReport): HTMLElement {
  if (r.events.length === 0) return sub('Events', h('p', { class: 'muted' }, 'No scripted or random events this turn.'));
  return sub(
    'Events',
    h(
      'ul',
      { class: 'events' },
      r.events.map((e) =>
        h(
          'li',
          { class: 'event' },
          h('h4', null, e.title, ' ', h('span', { class: 'badge' }, e.kind === 'injected' ? 'facilitator' : e.kind)),
          h('p', null, e.text),
          cite(s, e.source, e.title),
        ),
      ),
    ),
    r.collateral || r.escalation
      ? h('p', { class: 'muted small' }, `Side effects this turn: collateral harm +${formatIndex(r.collateral)}, escalation risk +${formatIndex(r.escalation)}.`)
      : null,
  );
}

function totalsSection(r: TurnReport, m: MoneyView): HTMLElement {
  const t = r.totals;
  return sub(
    'Since the start',
    h(
      'dl',
      { class: 'stats compact' },
      stat('Stolen', formatMoney(t.stolenUsd, m)),
      stat('Frozen', formatMoney(t.frozenUsd, m)),
      stat('Still being laundered', formatMoney(t.inPipelineUsd, m)),
      stat('Cashed out', formatMoney(t.cashedOutUsd, m)),
      stat('Missile spending', formatMoney(t.missileSpendUsd, m)),
      stat('Launches', formatCount(t.launches)),
    ),
  );
}
