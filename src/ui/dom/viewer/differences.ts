// The table of differences between two runs of the same scenario and seed (the engine's
// compareTimelines), with the sentence that says why the difference is the policy's effect.
import type { ComparedMetric, Difference } from '../../../engine/timeline.ts';
import { METRIC_NAMES } from '../../../report/debrief-html.ts';
import { formatCount, formatIndex, formatMoney, type MoneyView } from '../../app/format.ts';
import { h } from '../h.ts';

export function formatCompared(metric: ComparedMetric, value: number, m: MoneyView): string {
  if (metric.endsWith('Usd')) return formatMoney(value, m);
  return metric === 'launches' ? formatCount(value) : formatIndex(value);
}

export function formatDelta(metric: ComparedMetric, delta: number, m: MoneyView): string {
  if (delta === 0) return 'no difference';
  const v = formatCompared(metric, Math.abs(delta), m);
  return `${delta > 0 ? '+' : '−'}${v}`;
}

export interface DifferenceLabels {
  /** Column of the run the table starts from ("This run"). */
  actual: string;
  /** Column of the run compared with it. */
  other: string;
}

/** One row per compared outcome; raw numbers ride along as data attributes for tests and tools. */
export function differencesTable(diffs: Difference[], labels: DifferenceLabels, m: MoneyView, caption: string): HTMLElement {
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { class: 'data differences' },
      h('caption', null, caption),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, 'Outcome'),
          h('th', { scope: 'col', class: 'num' }, labels.actual),
          h('th', { scope: 'col', class: 'num' }, labels.other),
          h('th', { scope: 'col', class: 'num' }, 'Difference'),
        ),
      ),
      h(
        'tbody',
        null,
        diffs.map((d) =>
          h(
            'tr',
            { dataset: { metric: d.metric, actual: String(d.actual), other: String(d.other), delta: String(d.delta) } },
            h('th', { scope: 'row' }, METRIC_NAMES[d.metric]),
            h('td', { class: 'num' }, formatCompared(d.metric, d.actual, m)),
            h('td', { class: 'num' }, formatCompared(d.metric, d.other, m)),
            h('td', { class: `num delta ${d.delta === 0 ? 'zero' : ''}` }, formatDelta(d.metric, d.delta, m)),
          ),
        ),
      ),
    ),
  );
}

/** Why the comparison is fair: the random streams are shared per purpose. */
export function sharedLuckNote(seed: string, other: string): HTMLElement {
  return h(
    'p',
    { class: 'callout shared-luck' },
    h('strong', null, 'Same scenario, same seed (', h('code', null, seed), '). '),
    `Every random draw comes from a stream keyed by the seed, the turn and its purpose, so this run and “${other}” met the same luck. The differences are the effect of the policy, not chance.`,
  );
}
