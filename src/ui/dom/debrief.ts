// The debrief: each objective met or missed with its numbers, what the decisions changed
// against no new measures and the historical policy on the same seed, luck told apart from
// choice (fan charts of many seeded runs), the adversary's reasons turn by turn, totals, a
// turn-by-turn table (the text twin of the charts), and the replay export.
import { summarize } from '../../engine/summary.ts';
import { timelineOf } from '../../engine/timeline.ts';
import { formatCount, formatIndex, formatMetric, formatMoney, METRIC_LABELS } from '../app/format.ts';
import { whatIf } from '../whatif/client.ts';
import { debriefQuestions } from './assessment-view.ts';
import { adversarySection, adversaryTurns } from './debrief-adversary.ts';
import { counterfactualSection, defaultCounterfactuals, type StudentCounterfactual } from './debrief-compare.ts';
import { FanSection } from './debrief-fans.ts';
import { seedWithCopy } from './facilitator/seed.ts';
import { h } from './h.ts';
import { icon } from './icons.ts';
import { stat } from './report.ts';
import { type GameView, guidance, heading, type Screen } from './screen.ts';
import { cite } from './sources.ts';

export interface DebriefActions {
  exportReplay(): void;
  /** Start again: the same seed (the same luck, to try other decisions) or a new one. */
  playAgain?(seed: 'same' | 'new'): void;
  /** Instead of "Play again" (classroom play): one button that leaves, e.g. "Leave the table". */
  leave?: { label: string; action(): void };
  /** "No new measures" and the historical policy on this game's seed (computed here if not given). */
  counterfactuals?: { runs: StudentCounterfactual[]; problems: string[] };
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
  const mine = timelineOf(session);
  const cf = actions.counterfactuals ?? defaultCounterfactuals(s, session.seed, session.reports.length);
  const none = cf.runs.find((c) => c.id === 'none')?.timeline ?? null;
  const fans = new FanSection(s, session.reports, session.seed, none, m, whatIf());
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
            o.met ? h('span', { class: 'outcome good' }, icon('check'), 'Met') : h('span', { class: 'outcome bad' }, icon('cross'), 'Missed'),
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
          h('th', { scope: 'row', class: 'nowrap' }, `${r.turn}`, h('span', { class: 'muted small turn-month' }, ` · ${r.label}`)),
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
    guidance(s, { phase: 'debrief' }),
    h('section', { class: 'report-section' }, h('h3', null, 'Objectives'), objectives),
    cf.runs.length ? counterfactualSection(mine, cf.runs, m) : null,
    cf.problems.map((p) => h('p', { class: 'callout warn' }, p)),
    fans.el,
    adversarySection(s, adversaryTurns(session.reports), m),
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
        'The replay file holds the scenario, the seed and every decision: opening it in the debrief viewer (start screen, “Open a replay”) re-runs this game exactly, turn by turn.',
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
      { class: 'actions sticky-actions debrief-actions' },
      h('button', { type: 'button', class: 'btn primary', on: { click: actions.exportReplay } }, 'Export replay'),
      actions.playAgain
        ? [
            h('button', { type: 'button', class: 'btn', on: { click: () => actions.playAgain?.('same') } }, 'Play again: same seed'),
            h('button', { type: 'button', class: 'btn', on: { click: () => actions.playAgain?.('new') } }, 'Play again: new seed'),
            h('span', { class: 'muted small' }, 'The same seed brings the same luck, so only your decisions differ.'),
          ]
        : null,
      actions.leave ? h('button', { type: 'button', class: 'btn', on: { click: () => actions.leave?.action() } }, actions.leave.label) : null,
    ),
  );
  return { key: 'debrief', el, heading: head, destroy: () => fans.destroy() };
}
