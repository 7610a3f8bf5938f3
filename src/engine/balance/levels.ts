// Lever levels turn by turn, and the budget arithmetic every generated policy obeys. The
// balance search and the sensitivity table build policies only through these helpers, so
// a policy they produce is never refused by the rules (src/scenario/plans.ts roleSpend).

import { policyLevels, roleSpend } from '../../scenario/plans.ts';
import type { LeverDef, PolicyDef, Scenario } from '../../scenario/schema.ts';

export type Levels = Record<string, number>;

export function turnCount(scenario: Scenario): number {
  return scenario.calendar.turns;
}

/** The levels a policy has in force on each turn: index 0 is turn 1. */
export function levelsByTurn(scenario: Scenario, policy: PolicyDef): Levels[] {
  return Array.from({ length: turnCount(scenario) }, (_, i) => policyLevels(scenario, policy, i + 1));
}

export function budgetOf(scenario: Scenario, role: string): number {
  return scenario.roles.find((r) => r.id === role)?.budgetPerTurn ?? 0;
}

/** The highest level of `lever` its role can still pay for when it already spends `spent`. */
export function affordableLevel(lever: LeverDef, remaining: number): number {
  if (lever.costPerLevel <= 0) return lever.maxLevel;
  return Math.max(0, Math.min(lever.maxLevel, Math.floor(remaining / lever.costPerLevel)));
}

/** Whether every role stays within its budget at these levels. */
export function withinBudgets(scenario: Scenario, levels: Levels): boolean {
  return scenario.roles.every((r) => roleSpend(scenario, levels, r.id) <= r.budgetPerTurn);
}

/**
 * Lowers levers of any role that is over budget, one level at a time, until every role
 * fits. `keep` lists levers to lower last (the lever under study in a sensitivity run);
 * otherwise the lever listed last in the scenario gives way first, so the result does not
 * depend on anything but the scenario's order.
 */
export function fitBudgets(scenario: Scenario, levels: Levels, keep: readonly string[] = []): { levels: Levels; lowered: string[] } {
  const out = { ...levels };
  const lowered = new Set<string>();
  for (const role of scenario.roles) {
    const mine = scenario.levers.filter((l) => l.role === role.id);
    const order = [...mine.filter((l) => !keep.includes(l.id)).reverse(), ...mine.filter((l) => keep.includes(l.id))];
    while (roleSpend(scenario, out, role.id) > role.budgetPerTurn) {
      const lever = order.find((l) => (out[l.id] ?? 0) > 0 && l.costPerLevel > 0);
      if (!lever) break; // nothing left that costs anything; cannot happen with a valid scenario
      out[lever.id] = (out[lever.id] ?? 0) - 1;
      lowered.add(lever.id);
    }
  }
  return { levels: out, lowered: [...lowered] };
}

/**
 * A policy that puts exactly these levels in force on each turn (index 0 is turn 1). Only
 * changes are written, so the policy reads like one an instructor would write.
 */
export function policyFromTurns(scenario: Scenario, perTurn: Levels[], description: string): PolicyDef {
  const turns: PolicyDef['turns'] = {};
  let previous: Levels = Object.fromEntries(scenario.levers.map((l) => [l.id, 0]));
  perTurn.forEach((levels, i) => {
    const changes: Levels = {};
    for (const l of scenario.levers) {
      const v = levels[l.id] ?? 0;
      if (v !== (previous[l.id] ?? 0)) changes[l.id] = v;
    }
    if (Object.keys(changes).length) turns[String(i + 1)] = changes;
    previous = { ...previous, ...changes };
  });
  return { description, turns };
}

/** The same levels on every turn. */
export function constantPolicy(scenario: Scenario, levels: Levels, description: string): PolicyDef {
  return policyFromTurns(scenario, [levels], description);
}

export interface Segment {
  from: number;
  to: number;
  levels: Levels;
}

/** Runs of turns with identical levels, for showing a policy as a schedule. */
export function policySegments(scenario: Scenario, policy: PolicyDef): Segment[] {
  const out: Segment[] = [];
  levelsByTurn(scenario, policy).forEach((levels, i) => {
    const last = out[out.length - 1];
    if (last && scenario.levers.every((l) => (last.levels[l.id] ?? 0) === (levels[l.id] ?? 0))) last.to = i + 1;
    else out.push({ from: i + 1, to: i + 1, levels });
  });
  return out;
}
