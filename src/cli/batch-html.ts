// The `batch --html` report: one self-contained page with a percentile table and an SVG
// histogram per outcome, every policy overlaid. No script, no external reference.
import { BATCH_METRICS, type PolicyStats, type RunOutcome } from '../engine/batch.ts';
import { histogram } from '../engine/stats.ts';
import { escapeHtml } from '../report/html.ts';
import type { Scenario } from '../scenario/schema.ts';
import { formatMetric, METRIC_LABELS } from './batch.ts';

const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];
const DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4'];


function histogramSvg(metric: (typeof BATCH_METRICS)[number], results: Record<string, RunOutcome[]>): string {
  const W = 560;
  const H = 200;
  const pad = { l: 48, r: 12, t: 12, b: 36 };
  const all = Object.values(results).flatMap((o) => o.map((x) => x.metrics[metric]));
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const bins = 24;
  const series = Object.entries(results).map(([name, outs]) => {
    const h = histogram(
      outs.map((o) => o.metrics[metric]),
      bins,
      { lo, hi },
    );
    return { name, counts: h.counts, n: outs.length };
  });
  const maxShare = Math.max(1e-9, ...series.flatMap((s) => s.counts.map((c) => c / s.n)));
  const x = (i: number) => pad.l + (i / bins) * (W - pad.l - pad.r);
  const y = (share: number) => H - pad.b - (share / maxShare) * (H - pad.t - pad.b);
  const paths = series.map((s, k) => {
    let d = `M${x(0)},${y(0)}`;
    s.counts.forEach((c, i) => {
      d += ` L${x(i)},${y(c / s.n)} L${x(i + 1)},${y(c / s.n)}`;
    });
    d += ` L${x(bins)},${y(0)}`;
    return `<path d="${d}" fill="none" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="2" stroke-dasharray="${DASHES[k % DASHES.length]}"><title>${escapeHtml(s.name)}</title></path>`;
  });
  const axis = `<line x1="${pad.l}" y1="${H - pad.b}" x2="${W - pad.r}" y2="${H - pad.b}" stroke="#333"/><line x1="${pad.l}" y1="${pad.t}" x2="${pad.l}" y2="${H - pad.b}" stroke="#333"/>`;
  const labels = `<text x="${pad.l}" y="${H - pad.b + 16}" font-size="11">${escapeHtml(formatMetric(metric, lo))}</text><text x="${W - pad.r}" y="${H - pad.b + 16}" font-size="11" text-anchor="end">${escapeHtml(formatMetric(metric, hi))}</text><text x="${(W + pad.l) / 2}" y="${H - 6}" font-size="12" text-anchor="middle">${METRIC_LABELS[metric]} per run</text><text x="12" y="${(H - pad.b) / 2}" font-size="12" transform="rotate(-90 12 ${(H - pad.b) / 2})" text-anchor="middle">share of runs</text>`;
  return `<svg role="img" aria-label="Histogram of ${METRIC_LABELS[metric]} per policy" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" xmlns="http://www.w3.org/2000/svg">${axis}${paths.join('')}${labels}</svg>`;
}

export function batchHtml(
  scenario: Scenario,
  meta: { runs: number; seeds: { from: number; to: number }; workers: number },
  stats: PolicyStats[],
  results: Record<string, RunOutcome[]>,
): string {
  const legend = stats
    .map(
      (s, k) =>
        `<li><svg width="36" height="10" aria-hidden="true"><line x1="0" y1="5" x2="36" y2="5" stroke="${COLOURS[k % COLOURS.length]}" stroke-width="3" stroke-dasharray="${DASHES[k % DASHES.length]}"/></svg> ${escapeHtml(s.policy)}</li>`,
    )
    .join('');
  const rows = stats
    .flatMap((s) =>
      BATCH_METRICS.map(
        (m) =>
          `<tr><td>${escapeHtml(s.policy)}</td><td>${METRIC_LABELS[m]}</td><td>${formatMetric(m, s.metrics[m].p5)}</td><td>${formatMetric(m, s.metrics[m].p50)}</td><td>${formatMetric(m, s.metrics[m].p95)}</td></tr>`,
      ),
    )
    .join('');
  const objectives = stats
    .flatMap((s) => s.objectives.map((o) => `<tr><td>${escapeHtml(s.policy)}</td><td>${escapeHtml(o.text)}</td><td>${(o.metRate * 100).toFixed(1)} %</td></tr>`))
    .join('');
  const charts = BATCH_METRICS.map((m) => `<figure><figcaption>${METRIC_LABELS[m]}</figcaption>${histogramSvg(m, results)}</figure>`).join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Batch analysis: ${escapeHtml(scenario.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:1200px;margin:2em auto;padding:0 1em;color:#111}table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:right}td:first-child,td:nth-child(2),th{text-align:left}figure{display:inline-block;margin:.5em}ul.legend{list-style:none;padding:0;display:flex;gap:1.5em}</style>
</head><body>
<h1>Batch analysis: ${escapeHtml(scenario.title)}</h1>
<p>${meta.runs} runs per policy, seeds ${meta.seeds.from}–${meta.seeds.to}: every policy faced the same seeds, so differences are the policies' effect, not luck.</p>
<ul class="legend">${legend}</ul>
<h2>Outcomes (p5 / median / p95)</h2>
<table><thead><tr><th>Policy</th><th>Outcome</th><th>p5</th><th>median</th><th>p95</th></tr></thead><tbody>${rows}</tbody></table>
<h2>Objectives met</h2>
<table><thead><tr><th>Policy</th><th>Objective</th><th>Runs meeting it</th></tr></thead><tbody>${objectives}</tbody></table>
<h2>Distributions</h2>
${charts}
</body></html>
`;
}
