// "Export report": the engine-side debrief report (one self-contained HTML file with SVG
// charts, no script) saved from the page.
import type { Timeline } from '../../../engine/timeline.ts';
import { debriefReportHtml } from '../../../report/debrief-html.ts';
import type { Currency } from '../../app/format.ts';
import { downloadText, replayFileName } from '../download.ts';

/** `cashout-<scenarioId>-seed-<seed>.report.html`, with the seed made safe like the replay's. */
export function reportFileName(scenarioId: string, seed: string): string {
  return replayFileName(scenarioId, seed).replace(/\.replay\.json$/, '.report.html');
}

export function exportReport(opts: {
  timeline: Timeline;
  counterfactual?: { label: string; timeline: Timeline } | null;
  currency: Currency;
  subtitle: string;
}): string {
  const t = opts.timeline;
  const html = debriefReportHtml({
    timeline: t,
    ...(opts.counterfactual ? { counterfactual: opts.counterfactual } : {}),
    currency: opts.currency,
    subtitle: opts.subtitle,
  });
  const name = reportFileName(t.scenario.id, t.seed);
  downloadText(name, html, 'text/html');
  return name;
}
