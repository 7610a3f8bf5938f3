// The counterfactuals a student sees by default at the debrief: the same scenario and the
// same seed played with no new measures and with the historical policy. Same luck, so the
// differences are the decisions'. The engine plays them (timeline.counterfactual).
import { PolicyError } from '../../engine/autoplay.ts';
import { totalsMetric } from '../../engine/preview.ts';
import { evaluateObjectives } from '../../engine/summary.ts';
import { COMPARED, counterfactual, type Timeline } from '../../engine/timeline.ts';
import { METRIC_NAMES } from '../../report/debrief-html.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { MoneyView } from '../app/format.ts';
import { h } from './h.ts';
import { icon } from './icons.ts';
import { policyLabel } from './viewer/counterfactual.ts';
import { formatCompared, formatDelta } from './viewer/differences.ts';

export interface StudentCounterfactual {
  id: 'none' | 'historical';
  label: string;
  description: string;
  timeline: Timeline;
}

/** "No new measures" and the historical policy on the game's seed, as many turns as were played. */
export function defaultCounterfactuals(s: Scenario, seed: string, turns: number): { runs: StudentCounterfactual[]; problems: string[] } {
  const runs: StudentCounterfactual[] = [];
  const problems: string[] = [];
  for (const id of ['none', 'historical'] as const) {
    const policy = s.policies[id] ?? (id === 'none' ? { description: 'No lever is raised all game.', turns: {} } : null);
    if (!policy) continue;
    try {
      runs.push({ id, label: policyLabel(id), description: policy.description, timeline: counterfactual(s, seed, policy, turns) });
    } catch (err) {
      const why = err instanceof PolicyError ? err.message : String(err);
      problems.push(`${policyLabel(id)} could not be played on this scenario: ${why}`);
    }
  }
  return { runs, problems };
}

export function counterfactualSection(mine: Timeline, cfs: StudentCounterfactual[], m: MoneyView): HTMLElement {
  const n = mine.checkpoints.length;
  const last = (t: Timeline) => t.checkpoints[Math.min(n, t.checkpoints.length) - 1]!.game;
  const mineTotals = last(mine).totals;
  const s = mine.scenario;
  const objectives = (t: Timeline) => evaluateObjectives(s, last(t)).filter((o) => o.met).length;
  return h(
    'section',
    { class: 'report-section counterfactuals', 'aria-label': 'Your decisions against other policies, same luck' },
    h('h3', null, 'What your decisions changed'),
    h(
      'p',
      null,
      `The same months, played again on your seed (${mine.seed}) with other policies. Every random draw is shared, so each game met exactly your luck: the differences are the decisions’ effect.`,
    ),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data counterfactual-table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Outcome'),
            h('th', { scope: 'col', class: 'num' }, 'Your game'),
            cfs.map((c) => h('th', { scope: 'col', class: 'num' }, c.label)),
          ),
        ),
        h(
          'tbody',
          null,
          COMPARED.map((metric) =>
            h(
              'tr',
              { dataset: { metric, mine: String(totalsMetric(mineTotals, metric)), ...Object.fromEntries(cfs.map((c) => [c.id, String(totalsMetric(last(c.timeline).totals, metric))])) } },
              h('th', { scope: 'row' }, METRIC_NAMES[metric]),
              h('td', { class: 'num' }, formatCompared(metric, totalsMetric(mineTotals, metric), m)),
              cfs.map((c) => {
                const v = totalsMetric(last(c.timeline).totals, metric);
                return h(
                  'td',
                  { class: 'num' },
                  formatCompared(metric, v, m),
                  h('span', { class: 'muted small block' }, `you: ${formatDelta(metric, totalsMetric(mineTotals, metric) - v, m)}`),
                );
              }),
            ),
          ),
          h(
            'tr',
            { class: 'objectives-row' },
            h('th', { scope: 'row' }, 'Objectives met'),
            h('td', { class: 'num' }, `${objectives(mine)} of ${s.objectives.length}`),
            cfs.map((c) => h('td', { class: 'num' }, `${objectives(c.timeline)} of ${s.objectives.length}`)),
          ),
        ),
      ),
    ),
    h(
      'ul',
      { class: 'policy-notes muted small' },
      cfs.map((c) => h('li', null, icon('info'), h('strong', null, `${c.label}: `), c.description)),
    ),
    h('p', { class: 'muted small' }, 'The charts beside this page show your game as solid lines and “No new measures” on your seed dashed.'),
  );
}
