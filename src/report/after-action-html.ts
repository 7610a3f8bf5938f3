// The after-action report as a section of the printable debrief (debrief-html.ts).
import type { Timeline } from '../engine/timeline.ts';
import { type AfterAction, afterAction, type Finding } from './after-action.ts';
import type { Currency } from './format.ts';
import { escapeHtml as e } from './html.ts';

export function afterActionHtml(t: Timeline, currency?: Currency): string {
  const aar = afterAction(t, currency);
  return aar ? render(aar, t) : '';
}

function finding(f: Finding, t: Timeline): string {
  const src = f.source ? t.scenario.sources[f.source] : undefined;
  const cite = src ? ` <span class="muted">(source: ${e(src.publisher)}, ${e(src.title)}, ${e(src.date)})</span>` : '';
  return `<li>${e(f.text)}<br><span class="muted">Evidence: ${e(f.evidence)}</span>${cite}</li>`;
}

function render(aar: AfterAction, t: Timeline): string {
  const strengths = aar.objectives.reduce((n, o) => n + o.strengths.length, 0);
  const improvements = aar.objectives.reduce((n, o) => n + o.improvements.length, 0);
  const objectives = aar.objectives
    .map(
      (o) => `<section class="aar-objective" data-objective="${e(o.id)}"><h3>${e(o.text)}</h3>
<h4>Strengths</h4>${o.strengths.length ? `<ul>${o.strengths.map((f) => finding(f, t)).join('')}</ul>` : '<p class="muted">None observed in this run.</p>'}
<h4>Areas for improvement</h4>${o.improvements.length ? `<ul>${o.improvements.map((f) => finding(f, t)).join('')}</ul>` : '<p class="muted">None observed in this run.</p>'}
</section>`,
    )
    .join('\n');
  return `<h2>After-action report</h2>
<p>Each learning objective of the scenario is judged on this run: ${strengths} strength${strengths === 1 ? '' : 's'} and ${improvements} area${improvements === 1 ? '' : 's'} for improvement, each with the run's own figures as evidence. The indicators are the scenario author's; they prompt discussion and do not grade the players.</p>
${objectives}
<h2>Debrief questions</h2>
<ol>${aar.debrief.map((q) => `<li>${e(q)}</li>`).join('')}</ol>`;
}
