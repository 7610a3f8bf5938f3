// "Luck or choice?": the game's own line in front of two fans, p5-p95 of many runs on
// other seeds with the player's decisions and with no new measures. The band's width is
// luck; the gap between the bands is the decisions' effect. The runs happen in the
// what-if worker; the chart is drawn at the width it gets and redrawn when that changes.
import { policyLevels } from '../../engine/autoplay.ts';
import type { BatchMetric } from '../../engine/batch.ts';
import { type ScheduleRun, totalsMetric, whatIfSeeds } from '../../engine/preview.ts';
import { fanBands, type Range } from '../../engine/preview-stats.ts';
import type { TurnReport } from '../../engine/report.ts';
import { percentile } from '../../engine/stats.ts';
import type { Timeline } from '../../engine/timeline.ts';
import { fanChartSvg } from '../../report/fan-svg.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { formatCount, formatMetric, METRIC_LABELS, type MoneyView } from '../app/format.ts';
import type { WhatIfClient } from '../whatif/client.ts';
import { h, setChildren } from './h.ts';

/** Runs per fan: a stable p5-p95 within about a second for the longest scenario. */
export const FAN_RUNS = 100;

const COLORS = { mine: '#56b4e9', none: '#e69f00', played: '#f0e442' } as const;
const FAN_METRICS: readonly BatchMetric[] = ['cashedOutUsd', 'launches'];

/** Lever levels in force each turn under "no new measures" (the scenario's `none` policy, or all off). */
export function noneSchedule(s: Scenario, turns: number): Record<string, number>[] {
  const none = s.policies.none ?? { description: 'No new measures', turns: {} };
  return Array.from({ length: turns }, (_, i) => policyLevels(s, none, i + 1));
}

/** Share of runs that ended with more than the played value (for "less is better" metrics). */
function shareWorse(runs: readonly ScheduleRun[], metric: BatchMetric, played: number): number {
  const ends = runs.map((r) => r.perTurn[r.perTurn.length - 1]?.[metric] ?? 0);
  return ends.length ? ends.filter((v) => v > played).length / ends.length : 0;
}

export class FanSection {
  readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private runs: ScheduleRun[][] | null = null;
  private observer: ResizeObserver | null = null;
  private width = 0;

  constructor(
    scenario: Scenario,
    private readonly reports: readonly TurnReport[],
    seed: string,
    private readonly none: Timeline | null,
    private readonly money: MoneyView,
    client: WhatIfClient,
  ) {
    this.status = h('p', { class: 'fan-status muted', role: 'status' }, `Running ${FAN_RUNS} games with your decisions and ${FAN_RUNS} with no new measures, on other seeds…`);
    this.body = h('div', { class: 'fan-body' });
    this.el = h(
      'section',
      { class: 'report-section fans', 'aria-label': 'Luck or choice' },
      h('h3', null, 'Luck or choice?'),
      h(
        'p',
        null,
        `Your game is one roll of the dice. The shaded bands show where ${FAN_RUNS} other games ended, each with other luck: `,
        'blue with your decisions, orange with no new measures (90 % of games fall inside a band). ',
        'The width of a band is luck; the gap between the bands is what your decisions changed.',
      ),
      this.status,
      this.body,
    );
    const schedules = [this.reports.map((r) => ({ ...r.levers })), noneSchedule(scenario, this.reports.length)];
    client.fan(scenario, schedules, whatIfSeeds(seed, FAN_RUNS, 'fan'), {
      progress: (done, total) => {
        this.status.textContent = `Running what-if games… ${done} of ${total}`;
      },
      done: (runs) => {
        this.runs = runs;
        this.status.textContent = '';
        this.el.dataset.runs = String(runs[0]?.length ?? 0);
        this.render();
        this.observe();
      },
      error: (message) => {
        this.status.textContent = `The what-if games could not run: ${message}.`;
      },
    });
  }

  destroy(): void {
    this.observer?.disconnect();
  }

  private observe(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.observer = new ResizeObserver(() => {
      if (Math.abs(this.body.clientWidth - this.width) > 8) this.render();
    });
    this.observer.observe(this.body);
  }

  private render(): void {
    const runs = this.runs;
    if (!runs) return;
    const [mine = [], none = []] = runs;
    this.width = this.body.clientWidth || 480;
    const labels = this.reports.map((r) => r.label);
    setChildren(
      this.body,
      FAN_METRICS.map((metric) => {
        const played = this.reports.map((r) => totalsMetric(r.totals, metric));
        const mineBands = fanBands(mine, metric);
        const noneBands = fanBands(none, metric);
        const svg = fanChartSvg({
          title: `${METRIC_LABELS[metric]}, running total`,
          xLabels: labels,
          bands: [
            { label: 'Your decisions', values: mineBands, color: COLORS.mine },
            { label: 'No new measures', values: noneBands, color: COLORS.none },
          ],
          lines: [
            { label: 'Your game', values: played, color: COLORS.played },
            ...(this.none ? [{ label: 'No new measures, your seed', values: this.none.checkpoints.map((c) => totalsMetric(c.game.totals, metric)), color: COLORS.none, dash: '6 4' }] : []),
          ],
          format: (v) => formatMetric(metric, v, this.money),
          displayScale: metric.endsWith('Usd') && this.money.currency === 'JPY' ? this.money.usdJpy : 1,
          width: this.width,
          height: Math.round(Math.min(300, Math.max(210, this.width * 0.5))),
        });
        const figure = h('figure', { class: 'fan-figure', dataset: { metric } });
        figure.innerHTML = svg; // built from escaped text by fanChartSvg
        figure.append(h('figcaption', null, this.caption(metric, mineBands, noneBands, played[played.length - 1] ?? 0, mine)));
        return figure;
      }),
    );
  }

  private caption(metric: BatchMetric, mine: Range[], none: Range[], played: number, runs: ScheduleRun[]): string {
    const f = (v: number) => (metric === 'launches' ? formatCount(v) : formatMetric(metric, v, this.money));
    const a = mine[mine.length - 1];
    const b = none[none.length - 1];
    if (!a || !b) return '';
    const luck = shareWorse(runs, metric, played);
    const ends = runs.map((r) => r.perTurn[r.perTurn.length - 1]?.[metric] ?? 0).sort((x, y) => x - y);
    const verdict = luck >= 0.7 ? ' Your luck was good.' : luck <= 0.3 ? ' Your luck was bad.' : ' Your luck was about average.';
    return `With your decisions, 90 % of games ended between ${f(a.p5)} and ${f(a.p95)} (middle ${f(percentile(ends, 50))}); with no new measures, between ${f(b.p5)} and ${f(b.p95)}. Your game ended at ${f(played)}: ${Math.round(luck * 100)} % of games with your decisions ended higher.${verdict}`;
  }
}
