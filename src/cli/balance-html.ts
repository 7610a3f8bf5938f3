// The `balance --out report.html` page: self-contained (SVG, no script), printable.
import type { Contender, Matchup } from '../engine/balance/contender.ts';
import type { BalanceReport } from '../engine/balance/run.ts';
import { percent, points } from '../report/batch-metrics.ts';
import { escapeHtml as e } from '../report/html.ts';
import { scheduleHtml } from '../report/policy-schedule.ts';
import { lineChartSvg } from '../report/svg.ts';
import { tornadoSvg } from '../report/tornado.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type RunInfo, settingsText } from './balance-text.ts';
import { REPORT_CSS } from './batch-html.ts';

function contenderTable(r: BalanceReport, list: Contender[], withSearch: boolean): string {
  const head = `<tr><th>Policy</th><th>All objectives</th>${r.objectives.map((o) => `<th title="${e(o.text)}">${e(o.id)}</th>`).join('')}${withSearch ? '<th>All objectives on the search seeds</th>' : ''}<th>Flags</th></tr>`;
  const body = list
    .map(
      (c) =>
        `<tr><td>${e(c.label)}</td><td>${percent(c.evaluation.allMetRate)}</td>${c.evaluation.metRates.map((m) => `<td>${percent(m, 0)}</td>`).join('')}${withSearch ? `<td>${c.searchAllMetRate === undefined ? '' : percent(c.searchAllMetRate)}</td>` : ''}<td class="text">${c.flagText.length ? e(c.flagText.join('; ')) : 'balanced'}</td></tr>`,
    )
    .join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

function matchupTable(list: Matchup[]): string {
  const body = list
    .map(
      (m) =>
        `<tr><td>${e(m.contender.label)}</td><td>${percent(m.contender.evaluation.allMetRate)}</td><td>${points(m.difference)}</td><td>${m.seedsWon} / ${m.seedsLost}</td><td>${m.pValue < 0.001 ? '&lt; 0.001' : m.pValue.toFixed(3)}</td><td class="text">${m.verdict === 'beats' ? '<strong>beats it</strong>' : m.verdict === 'ties' ? 'no clear difference' : 'loses'}</td><td class="text">${e(m.contender.flagText.join('; '))}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>Strategy</th><th>All objectives</th><th>vs balanced</th><th>Seeds won / lost</th><th>p (sign test)</th><th>Verdict</th><th>Flags</th></tr></thead><tbody>${body}</tbody></table>`;
}

function progressChart(r: BalanceReport): string {
  return lineChartSvg({
    title: 'Search progress: best share of search runs meeting all objectives',
    xLabels: r.history.map((h) => String(h.generation)),
    series: [
      { label: 'best candidate', values: r.history.map((h) => h.bestAllMetRate * 100) },
      { label: 'best balanced candidate', values: r.history.map((h) => (h.bestBalancedAllMetRate ?? 0) * 100) },
    ],
    format: (v) => `${v.toFixed(0)} %`,
  });
}

export function balanceHtml(scenario: Scenario, r: BalanceReport, info: RunInfo): string {
  const [title, settings] = settingsText(scenario, r, info);
  const beaten = r.verdict.beats.length > 0 || !r.balanced;
  const strategies = r.balanced
    ? `<h2>Degenerate strategies against the best balanced policy</h2>
<p>The same ${r.settings.checkSeeds.count} check seeds for every strategy. "Beats it" only when the difference in runs meeting all objectives is more than luck explains (exact sign test on the seeds where the two differ, p &lt; 0.05).</p>
<figure>${tornadoSvg({
        title: 'Runs meeting all objectives, against the best balanced policy',
        bars: r.strategies.map((m) => ({ label: m.contender.label, value: m.difference * 100 })),
        format: (v) => `${v.toFixed(1)} pts`,
        better: 'lower',
      })}</figure>
${matchupTable(r.strategies)}
${r.degenerateFound.length ? `<h3>Degenerate policies among the best the search found</h3>${matchupTable(r.degenerateFound)}` : ''}`
    : '';
  const schedules = r.best
    .map((c) => `<details><summary>${e(c.label)}: ${percent(c.evaluation.allMetRate)}${c.flagText.length ? ` (${e(c.flagText.join('; '))})` : ''}</summary>${scheduleHtml(scenario, c.policy)}</details>`)
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Balance: ${e(scenario.title)}</title>
<style>${REPORT_CSS}</style>
</head><body>
<h1>${e(title ?? '')}</h1>
<p>${e(settings ?? '')}</p>
<p class="verdict${beaten ? ' warn' : ''}">${e(r.verdict.sentence)}</p>
<h2>Objectives</h2>
<ul>${r.objectives.map((o) => `<li><strong>${e(o.id)}</strong>: ${e(o.text)}</li>`).join('')}</ul>
<h2>Best policies found</h2>
<p>Played on the check seeds, which the search never saw; the search-seed rate beside it shows how much was luck of the fit.</p>
${contenderTable(r, r.best, true)}
${schedules}
<figure>${progressChart(r)}</figure>
<h2>The scenario's own policies</h2>
${contenderTable(r, r.scenarioPolicies, false)}
${r.balanced ? `<h2>Best balanced policy: ${e(r.balanced.label)} (${percent(r.balanced.evaluation.allMetRate)} of runs meet all objectives)</h2>${scheduleHtml(scenario, r.balanced.policy)}` : '<h2>No balanced policy found</h2>'}
${strategies}
</body></html>
`;
}
