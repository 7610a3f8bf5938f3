// One lever at a time: each lever raised to its maximum on top of a base policy, played on
// the same seeds as the base, so the difference is the lever's alone. This answers "which
// lever matters?" in the batch report (table and tornado chart).
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import { BATCH_METRICS, type BatchMetric, type RunOutcome } from '../batch.ts';
import { spread } from '../stats.ts';
import { affordableLevel, budgetOf, fitBudgets, levelsByTurn, policyFromTurns } from './levels.ts';
import { allMetRate } from './score.ts';

export interface SensitivityPlan {
  lever: string;
  /** The level the lever is held at all game: its maximum, or what its role's whole budget buys. */
  level: number;
  /** Other levers of the role the base policy had to lower to make room within the budget. */
  lowered: string[];
  policy: PolicyDef;
}

/** Levers whose level the base already holds at that maximum all game are left out (nothing to vary). */
export function sensitivityPlans(scenario: Scenario, base: PolicyDef): SensitivityPlan[] {
  const perTurn = levelsByTurn(scenario, base);
  const plans: SensitivityPlan[] = [];
  for (const lever of scenario.levers) {
    const level = affordableLevel(lever, budgetOf(scenario, lever.role));
    if (level === 0 || perTurn.every((t) => (t[lever.id] ?? 0) === level)) continue;
    const lowered = new Set<string>();
    const raised = perTurn.map((t) => {
      const fit = fitBudgets(scenario, { ...t, [lever.id]: level }, [lever.id]);
      for (const id of fit.lowered) lowered.add(id);
      return fit.levels;
    });
    plans.push({
      lever: lever.id,
      level,
      lowered: [...lowered],
      policy: policyFromTurns(scenario, raised, `${base.description} Plus "${lever.name}" at level ${level} all game.`.slice(0, 1000)),
    });
  }
  return plans;
}

export interface MetricEffect {
  /** Median over the runs of the base policy and of the base with the lever raised. */
  base: number;
  value: number;
  change: number;
  /** change / |base|, or null when the base median is 0. */
  changeShare: number | null;
  /** Share of seeds on which the metric came out higher / lower with the lever raised. */
  higher: number;
  lower: number;
}

export interface SensitivityRow {
  lever: string;
  name: string;
  role: string;
  level: number;
  lowered: string[];
  allMetRate: number;
  /** Change of the all-objectives rate against the base (−1..1). */
  allMetChange: number;
  metrics: Record<BatchMetric, MetricEffect>;
}

export function sensitivityRow(
  scenario: Scenario,
  plan: SensitivityPlan,
  base: readonly RunOutcome[],
  raised: readonly RunOutcome[],
): SensitivityRow {
  const lever = scenario.levers.find((l) => l.id === plan.lever)!;
  const metrics = {} as Record<BatchMetric, MetricEffect>;
  for (const m of BATCH_METRICS) {
    const b = spread(base.map((o) => o.metrics[m])).p50;
    const v = spread(raised.map((o) => o.metrics[m])).p50;
    let higher = 0;
    let lower = 0;
    raised.forEach((o, i) => {
      const other = base[i]?.metrics[m] ?? 0;
      if (o.metrics[m] > other) higher++;
      if (o.metrics[m] < other) lower++;
    });
    const n = Math.max(1, raised.length);
    metrics[m] = { base: b, value: v, change: v - b, changeShare: b === 0 ? null : (v - b) / Math.abs(b), higher: higher / n, lower: lower / n };
  }
  const rate = allMetRate(raised);
  return {
    lever: lever.id,
    name: lever.name,
    role: lever.role,
    level: plan.level,
    lowered: plan.lowered,
    allMetRate: rate,
    allMetChange: rate - allMetRate(base),
    metrics,
  };
}

/** The metrics the scenario's objectives are about, each once, in objective order. */
export function objectiveMetrics(scenario: Scenario): BatchMetric[] {
  const out: BatchMetric[] = [];
  for (const o of scenario.objectives)
    if ((BATCH_METRICS as readonly string[]).includes(o.metric) && !out.includes(o.metric as BatchMetric)) out.push(o.metric as BatchMetric);
  return out;
}

/**
 * Most important first: the biggest move of the all-objectives rate, then the biggest move
 * of any objective's metric measured against that objective's target (a lever that moves
 * cash-out by $250 M against a $500 M target matters more than one that doubles a tiny
 * collateral index far below its target).
 */
export function byImportance(scenario: Scenario): (a: SensitivityRow, b: SensitivityRow) => number {
  const weight = (r: SensitivityRow) => {
    let w = 0;
    for (const o of scenario.objectives) {
      const effect = r.metrics[o.metric as BatchMetric];
      if (effect) w = Math.max(w, Math.abs(effect.change) / Math.max(Math.abs(o.target), 1));
    }
    return w;
  };
  return (a, b) => Math.abs(b.allMetChange) - Math.abs(a.allMetChange) || weight(b) - weight(a) || a.lever.localeCompare(b.lever);
}
