// The debrief: each objective met or missed with its numbers, totals, a turn-by-turn table
// (the text twin of the charts), and the replay export.
import { summarize } from '../../engine/summary.ts';
import { formatCount, formatIndex, formatMetric, formatMoney, METRIC_LABELS } from '../app/format.ts';
import { debriefQuestions } from './assessment-view.ts';
import { seedWithCopy } from './facilitator/seed.ts';
import { h } from './h.ts';
import { stat } from './report.ts';
import { type GameView, heading, type Screen } from './screen.ts';
import { cite } from './sources.ts';

export interface DebriefActions {
  exportReplay(): void;
  playAgain(): void;
  /** Debrief tools (src/ui/dom/viewer): step through this game, export the HTML report. */
  openInViewer?(): void;
  exportReport?(): void;
  /** Shown after the totals, e.g. a branched game compared with its original run. */
  comparison?: HTMLElement | null;
}

export function debriefScreen(view: GameView, actions: DebriefActions): Screen {
  const { scenario: s, session, money: m } = view;
  const sum = summarize(s, session.game, session.reports, session.turnHashes);
  const met = sum.objectives.filter((o) => o.met).length;
  const head = heading('Debrief', `${s.title} · ${sum.turns} turn${sum.turns === 1 ? '' : 's'} played · seed ${sum.seed}`);
  const objectives = h(
    'table',
    { class: 'data objectives-table' },
    h(
      'thead',
      null,
      h('tr', null, h('th', { scope: 'col' }, 'Objective'), h('th', { scope: 'col' }, 'Result'), h('th', { scope: 'col' }, 'Target'), h('th', { scope: 'col' }, 'Outcome')),
    ),
    h(
      'tbody',
      null,
      sum.objectives.map((o) => {
        const def = s.objectives.find((x) => x.id === o.id);
        return h(
          'tr',
          null,
          h('th', { scope: 'row' }, o.text, h('span', { class: 'muted small block' }, METRIC_LABELS[def?.metric ?? 'launches'] ?? o.metric), cite(s, def?.source, o.text)),
          h('td', { class: 'num' }, formatMetric(o.metric, o.value, m)),
          h('td', { class: 'num' }, `${o.op === '<=' ? '≤' : '≥'} ${formatMetric(o.metric, o.target, m)}`),
          h(
            'td',
            null,
            o.met
              ? h('span', { class: 'outcome good' }, h('span', { 'aria-hidden': 'true' }, '✔ '), 'Met')
              : h('span', { class: 'outcome bad' }, h('span', { 'aria-hidden': 'true' }, '✘ '), 'Missed'),
          ),
        );
      }),
    ),
  );
  const perTurn = h(
    'table',
    { class: 'data' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        ['Turn', 'Stolen', 'Frozen', 'Cashed out', 'Missile spending', 'Launches'].map((t) => h('th', { scope: 'col' }, t)),
      ),
    ),
    h(
      'tbody',
      null,
      sum.perTurn.map((r) =>
        h(
          'tr',
          null,
          h('th', { scope: 'row', class: 'nowrap' }, `${r.turn}`, h('span', { class: 'muted small' }, ` · ${r.label}`)),
          h('td', { class: 'num' }, formatMoney(r.stolenUsd, m)),
          h('td', { class: 'num' }, formatMoney(r.frozenUsd, m)),
          h('td', { class: 'num' }, formatMoney(r.cashedOutUsd, m)),
          h('td', { class: 'num' }, formatMoney(r.missileSpendUsd, m)),
          h('td', { class: 'num' }, formatCount(r.launches)),
        ),
      ),
    ),
  );
  const launches = s.missiles.map((x) => `${sum.launches[x.id] ?? 0} ${x.name}`).join(', ');
  const bought = s.missiles.map((x) => `${sum.missilesBought[x.id] ?? 0} ${x.name}`).join(', ');
  const el = h(
    'section',
    { class: 'screen debrief', 'aria-label': 'Debrief' },
    head,
    h(
      'p',
      { class: `verdict ${met === sum.objectives.length ? 'good' : 'bad'}` },
      `${met} of ${sum.objectives.length} objective${sum.objectives.length === 1 ? '' : 's'} met.`,
    ),
    sum.turns < session.game.turnsTotal
      ? h('p', { class: 'muted' }, `The facilitator ended the game after ${sum.turns} of ${session.game.turnsTotal} turns.`)
      : null,
    h('section', { class: 'report-section' }, h('h3', null, 'Objectives'), objectives),
    debriefQuestions(s),
    h(
      'section',
      { class: 'report-section' },
      h('h3', null, 'Totals'),
      h(
        'dl',
        { class: 'stats' },
        stat('Crypto stolen', formatMoney(sum.stolenUsd, m), null, 'tone-bad'),
        stat('Frozen', formatMoney(sum.frozenUsd, m), `${formatMoney(sum.lostUsd, m)} lost to fees`, 'tone-good'),
        stat('Cashed out', formatMoney(sum.cashedOutUsd, m), `reached the regime; ${formatMoney(sum.inPipelineUsd, m)} still being laundered`, 'tone-bad'),
        stat('Missile launches', formatCount(sum.launchesTotal), launches),
        stat('Missile spending', formatMoney(sum.missileSpendUsd, m), `bought ${bought}`),
        stat('Side effects', `+${formatIndex(sum.collateral)} / +${formatIndex(sum.escalation)}`, 'collateral harm / escalation risk'),
      ),
    ),
    actions.comparison ?? null,
    h('section', { class: 'report-section' }, h('h3', null, 'Turn by turn'), perTurn),
    h(
      'section',
      { class: 'report-section' },
      h('h3', null, 'Replay'),
      h(
        'p',
        { class: 'muted' },
        'The replay file holds the scenario, the seed and every decision. Anyone can re-run it and get the same game, turn by turn: ',
        h('code', null, 'npx cashout replay verify <file>'),
        '.',
      ),
      seedWithCopy(sum.seed),
      actions.openInViewer || actions.exportReport
        ? h(
            'div',
            { class: 'actions debrief-tools' },
            actions.openInViewer ? h('button', { type: 'button', class: 'btn', on: { click: actions.openInViewer } }, 'Open in debrief viewer') : null,
            actions.exportReport ? h('button', { type: 'button', class: 'btn', on: { click: actions.exportReport } }, 'Export report') : null,
            h('span', { class: 'muted small' }, 'Step through this game turn by turn, compare it with another policy on the same seed, or save a printable report.'),
          )
        : null,
    ),
    h(
      'div',
      { class: 'actions sticky-actions' },
      h('button', { type: 'button', class: 'btn primary', on: { click: actions.exportReplay } }, 'Export replay'),
      h('button', { type: 'button', class: 'btn', on: { click: actions.playAgain } }, 'Play again'),
    ),
  );
  return { key: 'debrief', el, heading: head };
}
