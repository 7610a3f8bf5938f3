// The live plan preview (En-ROADS style): while a role edits its plan, what the plan is
// expected to do over the rest of the game against keeping the levers in force now, in
// money and missiles with a p5-p95 range. The runs happen in the what-if worker; this
// view debounces edits, drops stale answers, shows progress and never blocks input.
import type { BatchMetric } from '../../engine/batch.ts';
import { whatIfSeeds } from '../../engine/preview.ts';
import { type PreviewSummary, summarisePreview } from '../../engine/preview-stats.ts';
import type { GameState } from '../../engine/state.ts';
import type { MetricName, Scenario } from '../../scenario/schema.ts';
import { formatCount, formatIndex, formatMetric, formatMoney, formatShare, METRIC_LABELS, type MoneyView } from '../app/format.ts';
import type { WhatIfClient } from '../whatif/client.ts';
import { h, newId, setChildren } from './h.ts';

/** Runs per preview: enough for a stable p5-p95, few enough to answer within a quarter second. */
export const PREVIEW_RUNS = 200;
/** Wait this long after the last edit before starting the runs (several quick clicks, one request). */
export const PREVIEW_DEBOUNCE_MS = 150;

const SHOWN: readonly BatchMetric[] = ['cashedOutUsd', 'launches'];

interface Request {
  key: string;
  plan: Record<string, number>;
  keep: Record<string, number>;
}

const levelsKey = (l: Record<string, number>) =>
  Object.keys(l)
    .sort()
    .map((k) => `${k}=${l[k]}`)
    .join(',');

export class LivePreview {
  /** The full preview: every metric with its range, and each objective's chance. */
  readonly el: HTMLElement;
  /** One line for the sticky footer beside Commit, so the effect stays in view while editing. */
  readonly line: HTMLElement;
  private readonly status: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private readonly progressText: HTMLElement;
  private readonly results: HTMLElement;
  private readonly summaryLine: HTMLElement;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private wanted: Request | null = null;
  private shownKey: string | null = null;
  private destroyed = false;

  constructor(
    private readonly scenario: Scenario,
    private readonly state: () => GameState,
    private money: MoneyView,
    private readonly client: WhatIfClient,
  ) {
    const head = newId('whatif');
    const g = state();
    const last = g.turnsTotal;
    this.bar = h('progress', { class: 'whatif-bar', max: PREVIEW_RUNS, value: 0, 'aria-hidden': 'true' });
    this.progressText = h('span', { class: 'whatif-progress-text' });
    this.status = h('div', { class: 'whatif-status', hidden: true }, this.bar, this.progressText);
    this.summaryLine = h('span', { class: 'whatif-summary' }, 'Working out what this plan is expected to do…');
    this.results = h('div', { class: 'whatif-results' });
    this.line = h(
      'p',
      { class: 'whatif-line', role: 'status' },
      this.status,
      this.summaryLine,
      ' ',
      h('a', { href: `#${head}`, class: 'whatif-more', on: { click: (ev) => this.reveal(ev) } }, 'Details'),
    );
    this.el = h(
      'section',
      { class: 'whatif', id: `${head}-section`, 'aria-labelledby': head },
      h('h3', { id: head, tabindex: -1 }, 'Expected effect of this plan'),
      h(
        'p',
        { class: 'whatif-scope muted small' },
        `Over the rest of the game (${g.turn < last ? `turns ${g.turn}–${last}` : `turn ${last}`}), against keeping the levers in force now: `,
        `${PREVIEW_RUNS} runs with other luck than your game’s. “About” is the middle run; the range holds 90 % of runs (p5–p95).`,
      ),
      this.results,
    );
  }

  private reveal(ev: Event): void {
    ev.preventDefault();
    this.el.scrollIntoView({ block: 'start', behavior: 'smooth' });
    this.el.querySelector<HTMLElement>('h3')?.focus({ preventScroll: true });
  }

  /** The plan being edited and the plan in force; a changed plan is previewed after a short pause. */
  update(plan: Record<string, number>, keep: Record<string, number>, immediately = false): void {
    const key = `${this.state().turn}|${levelsKey(plan)}|${levelsKey(keep)}`;
    if (this.wanted?.key === key) return;
    this.wanted = { key, plan: { ...plan }, keep: { ...keep } };
    if (this.shownKey !== key) {
      this.el.classList.add('stale');
      this.line.classList.add('stale');
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.run(), immediately ? 0 : PREVIEW_DEBOUNCE_MS);
  }

  setMoney(money: MoneyView): void {
    this.money = money;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.client.cancel();
  }

  private run(): void {
    this.timer = null;
    const req = this.wanted;
    if (!req || this.destroyed) return;
    const game = this.state();
    this.status.hidden = false;
    this.el.setAttribute('aria-busy', 'true');
    this.showProgress(0, PREVIEW_RUNS);
    this.client.preview(this.scenario, game, req.plan, req.keep, whatIfSeeds(game.seed, PREVIEW_RUNS), {
      progress: (done, total) => this.showProgress(done, total),
      done: (r) => {
        if (this.destroyed || this.wanted?.key !== req.key) return;
        this.show(req.key, summarisePreview(r.plan, r.keep), req.plan === req.keep || levelsKey(req.plan) === levelsKey(req.keep));
      },
      error: (message) => {
        if (this.destroyed) return;
        this.status.hidden = true;
        this.el.removeAttribute('aria-busy');
        setChildren(this.summaryLine, `The preview is not available: ${message}. The plan can still be committed.`);
        setChildren(this.results);
      },
    });
  }

  private showProgress(done: number, total: number): void {
    this.bar.max = total || 1;
    this.bar.value = done;
    this.progressText.textContent = total ? `Running what-ifs… ${done} of ${total}` : 'Running what-ifs…';
  }

  private show(key: string, sum: PreviewSummary, unchanged: boolean): void {
    this.shownKey = key;
    this.el.classList.remove('stale');
    this.line.classList.remove('stale');
    this.el.removeAttribute('aria-busy');
    this.status.hidden = true;
    this.el.dataset.runs = String(sum.runs);
    const m = this.money;
    const change = (metric: BatchMetric) => sum.metrics[metric].change;
    setChildren(
      this.summaryLine,
      unchanged
        ? `No change from the levers in force. Expected by the end: ${SHOWN.map((x) => `${endText(x, sum.metrics[x].keep.p50, m)}`).join(', ')}.`
        : `This plan: about ${SHOWN.map((x) => changeText(x, change(x).p50, m)).join(', ')} by the end, against the levers in force.`,
    );
    const metrics = [...SHOWN, ...this.scenario.objectives.map((o) => o.metric).filter((x) => !SHOWN.includes(x))];
    const rows = [...new Set(metrics)].map((metric) => {
      const r = sum.metrics[metric];
      const c = r.change;
      return h(
        'div',
        { class: 'whatif-row', dataset: { metric, p5: String(c.p5), p50: String(c.p50), p95: String(c.p95), plan: String(r.plan.p50), keep: String(r.keep.p50) } },
        h('dt', null, METRIC_LABELS[metric]),
        h(
          'dd',
          null,
          unchanged
            ? h('strong', { class: 'whatif-main' }, `about ${value(metric, r.keep.p50, m)}`)
            : h('strong', { class: `whatif-main ${tone(metric, c.p50)}` }, `about ${signed(metric, c.p50, m)}`),
          h(
            'span',
            { class: 'whatif-range' },
            unchanged
              ? `range ${value(metric, r.keep.p5, m)} to ${value(metric, r.keep.p95, m)} by the end`
              : `range ${signed(metric, c.p5, m)} to ${signed(metric, c.p95, m)}`,
          ),
          unchanged
            ? null
            : h('span', { class: 'whatif-ends muted small' }, `by the end: ${value(metric, r.plan.p50, m)} with this plan, ${value(metric, r.keep.p50, m)} if kept`),
        ),
      );
    });
    const objectives = this.scenario.objectives.map((o, i) => {
      const rate = sum.objectives[i]!;
      return h(
        'li',
        { dataset: { objective: o.id, plan: String(rate.plan), keep: String(rate.keep) } },
        h('span', { class: 'whatif-objective' }, o.text),
        ' ',
        h(
          'span',
          { class: 'muted' },
          unchanged ? `met in ${formatShare(rate.keep)} of runs` : `met in ${formatShare(rate.plan)} of runs with this plan, ${formatShare(rate.keep)} if kept`,
        ),
      );
    });
    setChildren(
      this.results,
      h('dl', { class: 'whatif-list' }, rows),
      objectives.length ? h('ul', { class: 'whatif-objectives', 'aria-label': 'Chance of meeting each objective' }, objectives) : null,
    );
  }
}

const isMoney = (metric: MetricName) => metric.endsWith('Usd');

function value(metric: MetricName, v: number, m: MoneyView): string {
  if (metric === 'launches') return `${formatCount(v)} missile${Math.round(v) === 1 ? '' : 's'}`;
  return formatMetric(metric, v, m);
}

/** A change with its sign: "−¥ 58.0 bn", "+3 missiles", "no change". */
function signed(metric: MetricName, d: number, m: MoneyView): string {
  if (Math.abs(d) < 1e-9) return 'no change';
  const sign = d > 0 ? '+' : '−';
  if (isMoney(metric)) return `${sign}${formatMoney(Math.abs(d), m)}`;
  if (metric === 'launches') return `${sign}${formatCount(Math.abs(d))} missile${Math.round(Math.abs(d)) === 1 ? '' : 's'}`;
  return `${sign}${formatIndex(Math.abs(d))}`;
}

function changeText(metric: BatchMetric, d: number, m: MoneyView): string {
  if (Math.abs(d) < 1e-9) return `no change in ${METRIC_LABELS[metric].toLowerCase()}`;
  if (metric === 'launches') return signed(metric, d, m);
  return `${signed(metric, d, m)} ${metric === 'cashedOutUsd' ? 'cash to the regime' : METRIC_LABELS[metric].toLowerCase()}`;
}

function endText(metric: BatchMetric, v: number, m: MoneyView): string {
  if (metric === 'launches') return `${value(metric, v, m)} launched`;
  return `${value(metric, v, m)} ${metric === 'cashedOutUsd' ? 'cash to the regime' : METRIC_LABELS[metric].toLowerCase()}`;
}

/** Less of every shown metric is better for the players, except money frozen. */
function tone(metric: MetricName, d: number): string {
  if (Math.abs(d) < 1e-9) return '';
  const better = metric === 'frozenUsd' ? d > 0 : d < 0;
  return better ? 'tone-good' : 'tone-bad';
}
