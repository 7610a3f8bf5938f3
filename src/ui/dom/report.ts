// The turn report: headline numbers, heists, laundering flows per channel, missiles, events
// with their sources. Charts are drawn by the world view beside it.
import { tableSeat } from '../../engine/autoplay.ts';
import type { TurnReport } from '../../engine/report.ts';
import type { Totals } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { channelName, missileName, stageName } from '../app/describe.ts';
import { formatCount, formatMoney, formatPoints, type MoneyView } from '../app/format.ts';
import { launchesIn } from '../app/summary-text.ts';
import { h } from './h.ts';
import { eventSection, heistSection } from './report-heists.ts';
import { missileSection } from './report-missiles.ts';
import { type GameView, guidance, heading, type Screen } from './screen.ts';

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
  const before = session.reports.length > 1 ? session.reports[session.reports.length - 2]!.totals : null;
  const parts = reportSections(s, report, money, before);
  const el = h(
    'section',
    { class: 'screen report', 'aria-label': `Turn ${report.turn} report` },
    head,
    parts.headline,
    guidance(s, { phase: 'report', turn: report.turn }),
    parts.details,
    h('div', { class: 'actions sticky-actions' }, next),
  );
  return { key: `report:${report.turn}`, el, heading: head };
}

/**
 * The body of a turn report (also shown by the replay viewer for a recorded turn); `before`
 * are the totals after the previous turn (null for turn 1).
 */
export function reportSections(
  s: Scenario,
  report: TurnReport,
  money: MoneyView,
  before: Totals | null,
): { headline: HTMLElement; details: (HTMLElement | null)[] } {
  return {
    headline: headline(s, report, money),
    details: [
      report.calendarNotes.length ? h('p', { class: 'callout' }, h('strong', null, 'Calendar: '), report.calendarNotes.join(' · ')) : null,
      heistSection(s, report, money),
      flowSection(s, report, money),
      missileSection(s, report, before, money),
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
    stat('Missile spending', formatMoney(r.missileSpendUsd, m), `${formatMoney(r.toMissilesUsd, m)} came from crypto, ${formatMoney(r.otherFundingUsd, m)} from other income`),
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
