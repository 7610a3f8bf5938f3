// What a plan costs and what a policy asks for: the one definition the rules, the policy
// player and the scenario loader all use (the loader checks shipped policies against the
// same budgets the rules enforce in play).
import type { PolicyDef, Scenario } from './schema.ts';

/** Budget points a role spends per turn at these lever levels. */
export function roleSpend(scenario: Scenario, levels: Readonly<Record<string, number>>, role: string): number {
  let spend = 0;
  for (const l of scenario.levers) if (l.role === role) spend += l.costPerLevel * (levels[l.id] ?? 0);
  return spend;
}

/** Turn keys of a policy in playing order. */
export function policyTurns(policy: PolicyDef): number[] {
  return Object.keys(policy.turns)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Lever levels a policy wants in force during `turn` (levels persist until changed). */
export function policyLevels(scenario: Scenario, policy: PolicyDef, turn: number): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const l of scenario.levers) levels[l.id] = 0;
  for (const t of policyTurns(policy)) if (t <= turn) Object.assign(levels, policy.turns[String(t)]);
  return levels;
}
