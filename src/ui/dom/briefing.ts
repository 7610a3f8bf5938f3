// The briefing: situation, objectives, roles and every lever with its cost, side effects,
// precedent and source, then the facts behind the model, each with its source.
import { tableSeat } from '../../engine/autoplay.ts';
import { hiddenSources, revealedDoctrine } from '../../engine/history.ts';
import { toUsd } from '../../engine/money.ts';
import type { FigureDef, LeverDef, Scenario } from '../../scenario/schema.ts';
import { describeEffect, describeSideEffects, leverKind, methodName } from '../app/describe.ts';
import { formatMetric, formatMoney, formatPoints, formatShare, METRIC_LABELS, type MoneyView } from '../app/format.ts';
import { citedText } from './cited-text.ts';
import { h } from './h.ts';
import { type GameView, guidance, heading, paragraphs, type Screen } from './screen.ts';
import { cite, figure, sourceList } from './sources.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function briefingScreen(view: GameView): Screen {
  const { scenario: s, money } = view;
  const head = heading(s.title, `Briefing · ${s.calendar.turns} turns from ${s.calendar.start} · ${s.roles.length} role${s.roles.length === 1 ? '' : 's'}`);
  const el = h(
    'section',
    { class: 'screen briefing', 'aria-label': 'Briefing' },
    head,
    section('Situation', paragraphs(s.briefing.situation)),
    section(
      'Objectives',
      s.briefing.objectives ? paragraphs(s.briefing.objectives) : null,
      h(
        'ul',
        { class: 'objectives' },
        s.objectives.map((o) =>
          h(
            'li',
            null,
            h('strong', null, o.text),
            h('span', { class: 'muted' }, ` — ${METRIC_LABELS[o.metric]} ${o.op === '<=' ? 'at most' : 'at least'} ${formatMetric(o.metric, o.target, money)} by the end.`),
            cite(s, o.source, o.text),
          ),
        ),
      ),
    ),
    guidance(s, { phase: 'briefing' }) ?? (s.briefing.guidance ? section('Guidance', paragraphs(s.briefing.guidance)) : null),
    section(
      'Roles and levers',
      s.roles.map((r) =>
        h(
          'div',
          { class: 'role-block' },
          h('h4', null, r.name, h('span', { class: 'muted' }, ` · budget ${formatPoints(r.budgetPerTurn)} per turn`)),
          h('p', null, r.description),
          h('div', { class: 'lever-list' }, s.levers.filter((l) => l.role === r.id).map((l) => leverCard(s, l))),
        ),
      ),
    ),
    facts(s, money),
    section('Sources', sourceList(s, hiddenSources(s, 1))),
    h('div', { class: 'actions sticky-actions' }, h('button', { type: 'button', class: 'btn primary', on: { click: () => view.act(tableSeat(s), { type: 'START' }) } }, 'Start turn 1')),
  );
  return { key: 'briefing', el, heading: head };
}

function section(title: string, ...children: (HTMLElement | HTMLElement[] | null)[]): HTMLElement {
  return h('section', { class: 'brief-section' }, h('h3', null, title), children);
}

function leverCard(s: Scenario, l: LeverDef): HTMLElement {
  return h(
    'article',
    { class: `lever-card kind-${l.kind}` },
    h('h5', null, l.name, ' ', h('span', { class: 'badge' }, leverKind(l))),
    h('p', null, citedText(s, l.description)),
    h(
      'ul',
      { class: 'lever-facts' },
      l.effects.map((e) => h('li', null, describeEffect(s, e))),
      h('li', null, `Cost: ${formatPoints(l.costPerLevel)} per level per turn, levels 0–${l.maxLevel}.`),
      h('li', null, `Side effects: ${describeSideEffects(l)}.`),
    ),
    l.precedent ? h('p', { class: 'precedent' }, h('strong', null, 'Precedent: '), citedText(s, l.precedent)) : null,
    cite(s, l.source, l.name),
  );
}

function money(s: Scenario, fig: FigureDef, m: MoneyView, what: string): HTMLElement {
  const range =
    fig.low !== undefined && fig.high !== undefined
      ? ` (range ${formatMoney(toUsd({ ...fig, value: fig.low }, s), m)} – ${formatMoney(toUsd({ ...fig, value: fig.high }, s), m)})`
      : '';
  return figure(s, fig, `${formatMoney(toUsd(fig, s), m)}${range}`, what);
}

/** A sourced number that is not money: its value and, for a ranged figure, the range drawn from. */
function plain(s: Scenario, fig: FigureDef, fmt: (n: number) => string, what: string): HTMLElement {
  const range = fig.low !== undefined && fig.high !== undefined ? ` (range ${fmt(fig.low)} – ${fmt(fig.high)})` : '';
  return figure(s, fig, `${fmt(fig.value)}${range}`, what);
}

const perMonth = (n: number) => `${Number(n.toFixed(2))} a month`;

function facts(s: Scenario, m: MoneyView): HTMLElement {
  const rate = s.currency.usdJpy;
  return section(
    'The model’s figures',
    h('p', { class: 'muted' }, 'Every number that stands for the real world carries its source; game-design values are marked as assumptions.'),
    h(
      'details',
      { class: 'fact-group', open: true },
      h('summary', null, 'Missiles and money'),
      h(
        'dl',
        { class: 'facts' },
        s.missiles.map((x) => [
          h('dt', null, `${x.name}: cost of one missile`),
          h('dd', null, money(s, x.cost, m, `${x.name} cost`)),
          h('dt', null, `${x.name}: production and tests`),
          h(
            'dd',
            null,
            'Production up to ',
            plain(s, x.productionPerMonth, perMonth, `${x.name} production`),
            '; tests under normal doctrine ',
            plain(s, x.testsPerMonth, perMonth, `${x.name} tests`),
            h('span', { class: 'muted' }, ` · ${x.initialStock} in stock at the start, ${x.reserve} held in reserve`),
          ),
        ]),
        h('dt', null, 'Share of the regime’s crypto cash spent on missiles'),
        h('dd', null, plain(s, s.regime.cryptoToMissiles, formatShare, 'crypto to missiles')),
        s.regime.income.map((x) => [
          h('dt', null, `${x.name}: income per year, and the share spent on missiles`),
          h('dd', null, money(s, x.perYear, m, `${x.name} income`), ' · ', plain(s, x.toMissiles, formatShare, `${x.name} to missiles`)),
        ]),
        h('dt', null, 'Exchange rate'),
        h('dd', null, figure(s, rate, `¥${rate.value} per US dollar`, 'the exchange rate')),
        h(
          'dd',
          { class: 'muted' },
          s.uncertainty.parameters === 'drawn'
            ? 'Figures with a range are drawn from it once per game (the same seed gives the same draws whatever you decide).'
            : 'This game plays every figure at its single value (no draws from ranges).',
        ),
      ),
    ),
    h(
      'details',
      { class: 'fact-group' },
      h('summary', null, `Targets (${s.sectors.length} sectors) — ${s.adversary.name}, ${s.adversary.teams} operations a turn`),
      h(
        'dl',
        { class: 'facts' },
        s.sectors.map((x) => [
          h('dt', null, `${x.name} (${x.location.label})`),
          h(
            'dd',
            null,
            h('p', null, citedText(s, x.description)),
            h('p', null, 'Typical heist: ', money(s, x.heist.median, m, `${x.name} median heist`)),
            h('p', null, 'Largest plausible: ', money(s, x.heist.max, m, `${x.name} largest heist`)),
            h(
              'p',
              { class: 'muted' },
              `Chance one undefended team succeeds in a month: ${Object.entries(x.exposure)
                .map(([method, p]) => `${methodName(s, method).toLowerCase()} ${formatShare(p)}`)
                .join('; ')}.`,
            ),
          ),
        ]),
      ),
    ),
    h(
      'details',
      { class: 'fact-group' },
      h('summary', null, `Laundering (${s.laundering.stages.length} stages)`),
      s.laundering.stages.map((stage, i) =>
        h(
          'div',
          { class: 'stage' },
          h('h5', null, `Stage ${i + 1}: ${stage.name}`),
          h(
            'ul',
            null,
            stage.channels.map((c) =>
              h(
                'li',
                null,
                h('strong', null, c.name),
                ' — ',
                citedText(s, c.description),
                ` Delay ${c.delayTurns} turn${c.delayTurns === 1 ? '' : 's'}, ${formatShare(c.haircut)} lost to fees, ${formatShare(c.baseFreeze)} frozen with no extra sanctions.`,
                c.capacity ? [' Capacity: ', money(s, c.capacity, m, `${c.name} capacity`), ' a month.'] : null,
                cite(s, c.source, c.name),
              ),
            ),
          ),
        ),
      ),
    ),
    s.calendar.launchCalendar.length
      ? h(
          'details',
          { class: 'fact-group' },
          h('summary', null, 'Launch calendar'),
          h(
            'ul',
            null,
            s.calendar.launchCalendar.map((c) =>
              h('li', null, `${c.name} (${MONTHS[c.month - 1]}): tests ×${c.multiplier}.`, cite(s, c.source, c.name)),
            ),
            revealedDoctrine(s, 1).map((d) =>
              h(
                'li',
                null,
                `${d.name} (from ${d.from}): tests ${Object.entries(d.tempo)
                  .map(([id, t]) => `${s.missiles.find((x) => x.id === id)?.name ?? id} ×${t}`)
                  .join(', ')}.`,
                cite(s, d.source, d.name),
              ),
            ),
          ),
        )
      : null,
  );
}
