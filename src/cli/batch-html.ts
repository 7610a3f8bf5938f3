// The `batch --html` report: one self-contained page (SVG charts, no script, no external
// reference) that answers "is my scenario winnable, and which lever matters?": the
// verdict, each policy with its description and all-objectives rate, percentiles,
// histograms with the objective targets, and the one-lever-at-a-time table and tornadoes.
import { objectiveMetrics, type SensitivityRow } from '../engine/balance/sensitivity.ts';
import { BATCH_METRICS, type BatchMetric, type RunOutcome } from '../engine/batch.ts';
import { formatChange, formatMetric, METRIC_LABELS, percent, points, relative, targetText } from '../report/batch-metrics.ts';
import { COLOURS, DASHES, histogramSvg } from '../report/histogram.ts';
import { escapeHtml as e } from '../report/html.ts';
import { tornadoSvg } from '../report/tornado.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { BatchReport } from './batch.ts';
import type { SensitivityReport } from './batch-sensitivity.ts';

export const REPORT_CSS =
  'body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#111}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:right;vertical-align:top}td:first-child,th{text-align:left}td.text{text-align:left}figure{display:inline-block;margin:.5em}ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1.5em}.verdict{font-size:1.15em;border-left:4px solid #0072B2;padding:.4em .8em;background:#f3f7fb}.warn{border-left-color:#D55E00;background:#fdf3ec}.muted{color:#555}';

function objectiveTargets(scenario: Scenario, metric: BatchMetric) {
  return scenario.objectives.filter((o) => o.metric === metric).map((o) => ({ value: o.target, text: targetText(o.metric, o.op, o.target) }));
}

function legend(report: BatchReport): string {
  return report.policies
    .map(
      (s, k) =>
        `<li><svg width="36" height="10" aria-hidden="true"><line x1="0" y1="5" x2="36" y2="5" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="3" stroke-dasharray="${DASHES[k % DASHES.length]}"/></svg> ${e(s.policy)}</li>`,
    )
    .join('');
}

function policyTable(report: BatchReport): string {
  const rows = report.policies
    .map((s) => `<tr><td>${e(s.policy)}</td><td class="text">${e(s.description)}</td><td>${percent(s.allMetRate)}</td></tr>`)
    .join('');
  return `<table><thead><tr><th>Policy</th><th>What it does</th><th>Runs meeting all objectives</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function outcomeTable(scenario: Scenario, report: BatchReport): string {
  const rows = report.policies
    .flatMap((s) =>
      BATCH_METRICS.map((m) => {
        const t = objectiveTargets(scenario, m)
          .map((x) => x.text)
          .join(', ');
        return `<tr><td>${e(s.policy)}</td><td class="text">${METRIC_LABELS[m]}</td><td>${e(formatMetric(m, s.metrics[m].p5))}</td><td>${e(formatMetric(m, s.metrics[m].p50))}</td><td>${e(formatMetric(m, s.metrics[m].p95))}</td><td class="text">${e(t)}</td></tr>`;
      }),
    )
    .join('');
  return `<table><thead><tr><th>Policy</th><th>Outcome</th><th>p5</th><th>median</th><th>p95</th><th>Target</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function objectiveTable(report: BatchReport): string {
  const rows = report.policies
    .flatMap((s) => [
      ...s.objectives.map((o) => `<tr><td>${e(s.policy)}</td><td class="text">${e(o.text)}</td><td>${percent(o.metRate)}</td></tr>`),
      `<tr><td>${e(s.policy)}</td><td class="text"><strong>All objectives at once</strong></td><td><strong>${percent(s.allMetRate)}</strong></td></tr>`,
    ])
    .join('');
  return `<table><thead><tr><th>Policy</th><th>Objective</th><th>Runs meeting it</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function changeCell(m: BatchMetric, r: SensitivityRow): string {
  const x = r.metrics[m];
  const share = x.changeShare === null ? '' : ` (${relative(x.changeShare)})`;
  return `<td title="${e(`median ${formatMetric(m, x.base)} → ${formatMetric(m, x.value)}; lower in ${percent(x.lower, 0)} of runs, higher in ${percent(x.higher, 0)}`)}">${e(formatChange(m, x.change) + share)}</td>`;
}

export function sensitivitySection(scenario: Scenario, s: SensitivityReport): string {
  const intro = `<p>Each lever raised to its maximum (or what its role's whole budget buys) on top of <strong>${e(s.base)}</strong> (${e(s.baseDescription)}), all game, on seeds ${e(s.seeds.from)}–${e(s.seeds.to)}: the same ${s.runs} seeds as the base, so each difference is that lever's alone. The base meets all objectives in ${percent(s.baseAllMetRate)} of these runs. Cells give the change of the median; hover for the medians and how many runs went each way.</p>`;
  if (s.rows.length === 0) return `${intro}<p>Every lever is already at its maximum in the base policy.</p>`;
  const rows = s.rows
    .map(
      (r) =>
        `<tr><td>${e(r.name)}${r.lowered.length ? ' *' : ''}</td><td>${r.level}</td><td>${percent(r.allMetRate)} (${points(r.allMetChange)})</td>${BATCH_METRICS.map((m) => changeCell(m, r)).join('')}</tr>`,
    )
    .join('');
  const note = s.rows.some((r) => r.lowered.length) ? '<p class="muted">* other levers of its role were lowered to stay within the budget.</p>' : '';
  const table = `<table><thead><tr><th>Lever</th><th>Level</th><th>All objectives (change)</th>${BATCH_METRICS.map((m) => `<th>${METRIC_LABELS[m]}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table>${note}`;
  const charts = [
    tornadoSvg({
      title: 'Runs meeting all objectives: change per lever',
      bars: s.rows.map((r) => ({ label: r.name, value: r.allMetChange * 100 })),
      format: (v) => `${v.toFixed(1)} pts`,
      better: 'higher',
    }),
    ...objectiveMetrics(scenario).map((m) => {
      const better = scenario.objectives.find((o) => o.metric === m)?.op === '>=' ? 'higher' : 'lower';
      return tornadoSvg({
        title: `${METRIC_LABELS[m]}: change of the median per lever`,
        bars: s.rows.map((r) => ({ label: r.name, value: r.metrics[m].change })),
        format: (v) => formatMetric(m, v),
        better,
      });
    }),
  ]
    .map((svg) => `<figure>${svg}</figure>`)
    .join('');
  return `${intro}${charts}${table}`;
}

export function batchHtml(scenario: Scenario, report: BatchReport, results: Record<string, RunOutcome[]>): string {
  const charts = BATCH_METRICS.map(
    (m) =>
      `<figure><figcaption>${METRIC_LABELS[m]}</figcaption>${histogramSvg({
        label: METRIC_LABELS[m],
        series: Object.entries(results).map(([name, runs]) => ({ name, values: runs.map((o) => o.metrics[m]) })),
        targets: objectiveTargets(scenario, m),
        format: (v) => formatMetric(m, v),
      })}</figure>`,
  ).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Batch analysis: ${e(scenario.title)}</title>
<style>${REPORT_CSS}</style>
</head><body>
<h1>Batch analysis: ${e(scenario.title)}</h1>
<p>${report.runs} runs per policy, seeds ${report.seeds.from}–${report.seeds.to}: every policy faced the same seeds, so differences are the policies' effect, not luck.</p>
<p class="verdict${report.verdict.winnable ? '' : ' warn'}">${e(report.verdict.sentence)}</p>
<h2>Policies</h2>
${policyTable(report)}
<h2>Objectives met</h2>
${objectiveTable(report)}
<h2>Outcomes (p5 / median / p95)</h2>
${outcomeTable(scenario, report)}
<h2>Distributions</h2>
<p>Dashed black lines are the objectives' targets.</p>
<ul class="legend">${legend(report)}</ul>
${charts}
${report.sensitivity ? `<h2>Which lever matters</h2>\n${sensitivitySection(scenario, report.sensitivity)}` : ''}
</body></html>
`;
}
