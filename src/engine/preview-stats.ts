// What many what-if runs say, reduced to what a student reads: the paired difference a
// plan makes against keeping the current one (same seeds, so luck cancels), with its
// p5-p95 range, and how often each objective is met. Fan charts: per-turn percentiles.
import type { BatchMetric } from './batch.ts';
import type { PreviewOutcome, ScheduleRun } from './preview.ts';
import { percentile } from './stats.ts';

export interface Range {
  p5: number;
  p50: number;
  p95: number;
}

export function range(values: readonly number[]): Range {
  const s = [...values].sort((a, b) => a - b);
  return { p5: percentile(s, 5), p50: percentile(s, 50), p95: percentile(s, 95) };
}

export interface MetricPreview {
  /** End-of-game totals under the plan and under the current plan kept. */
  plan: Range;
  keep: Range;
  /** Plan minus keep, run by run (the same seed on both sides). */
  change: Range;
}

export interface PreviewSummary {
  runs: number;
  metrics: Record<BatchMetric, MetricPreview>;
  /** Share of runs meeting each objective (scenario order), under the plan and kept. */
  objectives: { plan: number; keep: number }[];
}

export function summarisePreview(plan: readonly PreviewOutcome[], keep: readonly PreviewOutcome[]): PreviewSummary {
  if (plan.length !== keep.length) throw new Error(`preview: ${plan.length} plan runs against ${keep.length} kept runs`);
  plan.forEach((p, i) => {
    if (p.seed !== keep[i]!.seed) throw new Error(`preview: run ${i + 1} has seed ${p.seed} on one side and ${keep[i]!.seed} on the other`);
  });
  const metricKeys = Object.keys(plan[0]?.metrics ?? keep[0]?.metrics ?? {}) as BatchMetric[];
  const metrics = {} as Record<BatchMetric, MetricPreview>;
  for (const m of metricKeys) {
    metrics[m] = {
      plan: range(plan.map((r) => r.metrics[m])),
      keep: range(keep.map((r) => r.metrics[m])),
      change: range(plan.map((r, i) => r.metrics[m] - keep[i]!.metrics[m])),
    };
  }
  const n = plan.length;
  const objectives = (plan[0]?.met ?? []).map((_, k) => ({
    plan: n ? plan.filter((r) => r.met[k]).length / n : 0,
    keep: n ? keep.filter((r) => r.met[k]).length / n : 0,
  }));
  return { runs: n, metrics, objectives };
}

/** p5, p50 and p95 of a metric's running total after each turn, over many runs. */
export function fanBands(runs: readonly ScheduleRun[], metric: BatchMetric): Range[] {
  const turns = Math.max(0, ...runs.map((r) => r.perTurn.length));
  return Array.from({ length: turns }, (_, t) => range(runs.flatMap((r) => (r.perTurn[t] ? [r.perTurn[t][metric]] : []))));
}
