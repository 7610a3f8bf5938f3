// The self-contained debrief report: one HTML file with inline SVG charts, readable
// offline and printable, no script and no external reference. Used by the browser's
// "Export report" and by `cashout report run.json --out report.html`.
import type { TurnReport } from '../engine/report.ts';
import { evaluateObjectives } from '../engine/summary.ts';
import { type ComparedMetric, compareTimelines, series, type Timeline } from '../engine/timeline.ts';
import type { Scenario } from '../scenario/schema.ts';
import { afterActionHtml } from './after-action-html.ts';
import { type Currency, money } from './format.ts';
import { escapeHtml as e } from './html.ts';
import { eventHeadline, heistSentence } from './outcome-words.ts';
import { lineChartSvg } from './svg.ts';

export interface DebriefInput {
  timeline: Timeline;
  /** The same seed under another policy, with a name for it ("no new measures"). */
  counterfactual?: { label: string; timeline: Timeline };
  currency?: Currency;
  /** Shown under the title, e.g. the replay file name or the student's name. */
  subtitle?: string;
}

export const METRIC_NAMES: Record<ComparedMetric, string> = {
  stolenUsd: 'Stolen',
  frozenUsd: 'Frozen or seized',
  cashedOutUsd: 'Cashed out to the regime',
  missileSpendUsd: 'Missile spending',
  launches: 'Missiles launched',
  collateral: 'Collateral harm (index)',
  escalation: 'Escalation (index)',
  cryptoShare: 'Crypto share of missile money',
  heists: 'Successful heists',
};

const isMoney = (m: string) => m.endsWith('Usd');

export function debriefReportHtml(input: DebriefInput): string {
  const { timeline: t } = input;
  const s = t.scenario;
  const currency = input.currency ?? s.currency.display;
  const rate = s.currency.usdJpy.value;
  const m = (usd: number) => money(usd, currency, rate);
  const val = (metric: string, v: number) =>
    isMoney(metric) ? m(v) : metric === 'cryptoShare' ? `${(v * 100).toFixed(1)} %` : Number.isInteger(v) ? String(v) : v.toFixed(1);
  const last = t.checkpoints.at(-1);
  const labels = t.checkpoints.map((c) => c.report.label);
  const cf = input.counterfactual;

  const objectives = last
    ? evaluateObjectives(s, last.game)
        .map(
          (o) =>
            `<tr><td>${o.met ? 'Met' : 'Missed'}</td><td>${e(o.text)}</td><td>${e(val(o.metric, o.value))}</td><td>${o.op === '<=' ? '≤' : '≥'} ${e(val(o.metric, o.target))}</td></tr>`,
        )
        .join('')
    : '';

  const chart = (metric: ComparedMetric) =>
    lineChartSvg({
      title: `${METRIC_NAMES[metric]} (cumulative)`,
      xLabels: labels,
      series: [
        { label: 'This run', values: series(t, metric) },
        ...(cf ? [{ label: cf.label, values: series(cf.timeline, metric).slice(0, labels.length) }] : []),
      ],
      format: (v) => val(metric, v),
    });

  const diff = cf
    ? compareTimelines(t, cf.timeline)
        .map(
          (d) =>
            `<tr><td>${METRIC_NAMES[d.metric]}</td><td>${e(val(d.metric, d.actual))}</td><td>${e(val(d.metric, d.other))}</td><td>${d.delta > 0 ? '+' : ''}${e(val(d.metric, d.delta))}</td></tr>`,
        )
        .join('')
    : '';

  const timelineRows = t.checkpoints
    .map((c) => {
      const r = c.report;
      const launches = Object.values(r.launched).reduce((a, b) => a + b, 0);
      const events = r.events.map((x) => e(eventHeadline(r, x))).join('; ');
      const documented = r.heists.filter((x) => x.origin === 'event').map((x) => e(heistSentence(s, r, x)));
      const heists = documented.length ? `<br><span class="muted">${documented.join(' ')}</span>` : '';
      return `<tr><td>${c.turn}</td><td>${e(r.label)}</td><td>${e(m(r.stolenUsd))}</td><td>${e(m(r.frozenUsd))}</td><td>${e(m(r.cashedOutUsd))}</td><td>${launches}</td><td>${events}${heists}</td></tr>`;
    })
    .join('');

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Debrief: ${e(s.title)} (seed ${e(t.seed)})</title>
<style>
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#111;max-width:1000px;margin:2em auto;padding:0 1.2em}
h1{margin-bottom:.1em}h3{margin:1.2em 0 .2em}h4{margin:.6em 0 .2em;font-size:1em}h2{margin-top:1.6em;border-bottom:2px solid #0072B2;padding-bottom:.2em}
table{border-collapse:collapse;width:100%;margin:.6em 0}td,th{border:1px solid #bbb;padding:.3em .5em;text-align:left;vertical-align:top}
td:nth-child(n+3){white-space:nowrap}.muted{color:#555}figure{margin:1em 0;break-inside:avoid}svg{max-width:100%;height:auto}
@media print{body{margin:0;max-width:none}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<h1>Debrief: ${e(s.title)}</h1>
<p class="muted">${input.subtitle ? `${e(input.subtitle)} · ` : ''}Seed ${e(t.seed)} · ${t.checkpoints.length} of ${s.calendar.turns} turns played · amounts in ${currency} at ${rate} yen per dollar${s.currency.usdJpy.source ? ` (source: ${e(sourceTitle(s, s.currency.usdJpy.source))})` : ''}</p>
<p>${e(s.summary)}</p>
<h2>Objectives</h2>
<table><thead><tr><th>Result</th><th>Objective</th><th>Outcome</th><th>Target</th></tr></thead><tbody>${objectives}</tbody></table>
${afterActionHtml(t, currency)}
<h2>Outcomes over the game</h2>
${cf ? `<p>Beside this run: <strong>${e(cf.label)}</strong>, the same scenario and seed. Both runs drew the same random numbers for the same purposes, so the difference is the policy's effect, not luck.</p>` : ''}
${(['stolenUsd', 'frozenUsd', 'cashedOutUsd', 'launches'] as const).map((x) => `<figure>${chart(x)}</figure>`).join('\n')}
${cf ? `<h2>Differences: ${e(cf.label)} minus this run</h2><table><thead><tr><th>Outcome</th><th>This run</th><th>${e(cf.label)}</th><th>Difference</th></tr></thead><tbody>${diff}</tbody></table>` : ''}
<h2>Key decisions</h2>
${keyDecisions(t)}
<h2>Timeline</h2>
<table><thead><tr><th>Turn</th><th>Month</th><th>Stolen</th><th>Frozen</th><th>Cashed out</th><th>Launches</th><th>Events</th></tr></thead><tbody>${timelineRows}</tbody></table>
<h2>Sources behind the numbers</h2>
${sourcesSection(s, t.checkpoints.map((c) => c.report))}
<p class="muted">Generated by Cashout. Every figure above comes from the engine's own record of the run; the replay file re-runs it exactly in Cashout's debrief viewer.</p>
</body></html>
`;
}

function keyDecisions(t: Timeline): string {
  const s = t.scenario;
  const items: string[] = [];
  let before: Record<string, number> = {};
  t.levels.forEach((levels, i) => {
    const changes = s.levers
      .filter((l) => (before[l.id] ?? 0) !== (levels[l.id] ?? 0))
      .map((l) => {
        const role = s.roles.find((r) => r.id === l.role)?.name ?? l.role;
        return `${e(role)}: <strong>${e(l.name)}</strong> ${before[l.id] ?? 0} → ${levels[l.id] ?? 0}`;
      });
    if (changes.length) items.push(`<li>Turn ${i + 1} (${e(t.checkpoints[i]!.report.label)}): ${changes.join('; ')}</li>`);
    before = levels;
  });
  return items.length ? `<ul>${items.join('')}</ul>` : '<p>No measures were changed during the game.</p>';
}

function sourceTitle(s: Scenario, key: string): string {
  const src = s.sources[key];
  return src ? `${src.publisher}, ${src.title} (${src.date})` : key;
}

/** Every source the scenario's figures cite, plus those of events that happened in this run. */
function sourcesSection(s: Scenario, reports: TurnReport[]): string {
  const used = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'source' && typeof x === 'string') used.add(x);
        else if (k !== 'sources' && k !== 'events') walk(x);
      }
  };
  walk(s);
  for (const r of reports) for (const ev of r.events) if (ev.source) used.add(ev.source);
  const rows = [...used]
    .filter((k) => s.sources[k])
    .sort()
    .map((k) => {
      const src = s.sources[k]!;
      const url = src.url ? ` <span class="muted">${e(src.url)}</span>` : '';
      return `<li><strong>${e(src.publisher)}</strong>, “${e(src.title)}”, ${e(src.date)}.${url}${src.note ? ` ${e(src.note)}` : ''}</li>`;
    });
  return rows.length
    ? `<ol>${rows.join('')}</ol><p class="muted">Values marked as game-design assumptions in the scenario file are not real-world figures.</p>`
    : '<p>This scenario cites no sources.</p>';
}
