// The readable `cashout batch` report: verdict first, then each policy, then which lever
// matters.
import { objectiveMetrics } from '../engine/balance/sensitivity.ts';
import { BATCH_METRICS } from '../engine/batch.ts';
import { formatChange, formatMetric, METRIC_LABELS, percent, points, relative, targetText } from '../report/batch-metrics.ts';
import { table } from '../report/format.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { BatchReport } from './batch.ts';
import type { SensitivityReport } from './batch-sensitivity.ts';

/** How many levers the text table lists (the JSON and HTML reports list them all). */
const TEXT_LEVERS = 12;

function targets(scenario: Scenario, metric: string): string {
  return scenario.objectives
    .filter((o) => o.metric === metric)
    .map((o) => targetText(o.metric, o.op, o.target))
    .join(', ');
}

export function batchText(scenario: Scenario, report: BatchReport, seconds: number): string {
  const lines = [
    `${scenario.title}: ${report.runs} runs per policy, seeds ${report.seeds.from}–${report.seeds.to} (the same seeds for every policy), ${report.workers} worker${report.workers === 1 ? '' : 's'}, ${seconds.toFixed(1)} s`,
    '',
    report.verdict.sentence,
    '',
    report.parameters === 'point'
      ? 'Every ranged figure at its point value: the spread is luck alone.'
      : 'p5–p95 with luck and parameter uncertainty together (each run draws the ranged figures); "luck alone" replays the same seeds with every figure at its point value.',
  ];
  for (const s of report.policies) {
    const l = s.luckOnly;
    lines.push('', `Policy "${s.policy}"${s.description ? ` — ${s.description}` : ''}`);
    lines.push(
      table(
        ['Outcome', 'p5', 'median', 'p95', ...(l ? ['p5–p95, luck alone'] : []), 'target'],
        BATCH_METRICS.map((m) => [
          METRIC_LABELS[m],
          formatMetric(m, s.metrics[m].p5),
          formatMetric(m, s.metrics[m].p50),
          formatMetric(m, s.metrics[m].p95),
          ...(l ? [`${formatMetric(m, l.metrics[m].p5)} – ${formatMetric(m, l.metrics[m].p95)}`] : []),
          targets(scenario, m),
        ]),
        ['left', 'right', 'right', 'right', ...(l ? (['right'] as const) : []), 'left'],
      ),
    );
    lines.push(`All objectives met: ${percent(s.allMetRate)} of runs`);
    lines.push('Objectives met:');
    for (const o of s.objectives) lines.push(`  ${(o.metRate * 100).toFixed(1).padStart(5)} %  ${o.text}`);
  }
  if (report.sensitivity) lines.push('', ...sensitivityText(scenario, report.sensitivity));
  return lines.join('\n');
}

export function sensitivityText(scenario: Scenario, s: SensitivityReport): string[] {
  const metrics = objectiveMetrics(scenario);
  const lines = [
    `Which lever matters: each lever at its maximum on top of "${s.base}", ${s.runs} runs (seeds ${s.seeds.from}–${s.seeds.to}, the same for every row). "${s.base}" meets all objectives in ${percent(s.baseAllMetRate)} of these runs.`,
  ];
  if (s.rows.length === 0) return [...lines, 'Every lever is already at its maximum in the base policy.'];
  const shown = s.rows.slice(0, TEXT_LEVERS);
  lines.push(
    table(
      ['Lever', 'level', 'all objectives', ...metrics.map((m) => `${METRIC_LABELS[m]} (median)`)],
      shown.map((r) => [
        `${r.name}${r.lowered.length ? ' *' : ''}`,
        String(r.level),
        `${percent(r.allMetRate)} (${points(r.allMetChange)})`,
        ...metrics.map((m) => {
          const e = r.metrics[m];
          return `${formatChange(m, e.change)}${e.changeShare === null ? '' : ` (${relative(e.changeShare)})`}`;
        }),
      ]),
      ['left', 'right', 'right', ...metrics.map(() => 'right' as const)],
    ),
  );
  if (s.rows.length > shown.length) lines.push(`(${s.rows.length - shown.length} more levers in --json and --html)`);
  if (shown.some((r) => r.lowered.length)) lines.push('* other levers of its role were lowered to stay within the budget');
  for (const m of metrics) {
    const top = [...s.rows].sort((a, b) => Math.abs(b.metrics[m].change) - Math.abs(a.metrics[m].change))[0];
    if (top && top.metrics[m].change !== 0)
      lines.push(
        `Biggest effect on ${METRIC_LABELS[m].toLowerCase()}: ${top.name} (median ${formatMetric(m, top.metrics[m].base)} → ${formatMetric(m, top.metrics[m].value)}; ${percent(top.metrics[m].lower, 0)} of runs lower, ${percent(top.metrics[m].higher, 0)} higher).`,
      );
  }
  return lines;
}
