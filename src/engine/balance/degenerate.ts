// Degenerate policies: ones that win (or try to) with a trick a tabletop should not
// reward. A policy is "balanced" when none of these flags applies.
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import { defencePerLevel, eventWindow } from './events.ts';
import { levelsByTurn } from './levels.ts';

export type Flag =
  | { kind: 'no-levers' }
  | { kind: 'one-lever'; lever: string }
  | { kind: 'one-sector'; sector: string; share: number }
  | { kind: 'event-timed'; levers: string[] }
  | { kind: 'role-idle'; role: string };

/** Share of all the defence a policy buys that goes to one sector before it counts as "one sector". */
export const ONE_SECTOR_SHARE = 0.75;

export function degenerateFlags(scenario: Scenario, policy: PolicyDef): Flag[] {
  const perTurn = levelsByTurn(scenario, policy);
  const used = scenario.levers.filter((l) => perTurn.some((t) => (t[l.id] ?? 0) > 0));
  const flags: Flag[] = [];
  if (used.length === 0) return [{ kind: 'no-levers' }];
  if (used.length === 1) flags.push({ kind: 'one-lever', lever: used[0]!.id });

  const sector = dominantSector(scenario, perTurn);
  if (sector) flags.push({ kind: 'one-sector', ...sector });

  const timed = eventTimedLevers(scenario, perTurn);
  if (timed.length) flags.push({ kind: 'event-timed', levers: timed });

  for (const role of scenario.roles) {
    const mine = scenario.levers.filter((l) => l.role === role.id);
    if (role.budgetPerTurn > 0 && mine.length > 0 && !mine.some((l) => used.includes(l)))
      flags.push({ kind: 'role-idle', role: role.id });
  }
  return flags;
}

/** The sector that gets most of the defence, when it gets at least ONE_SECTOR_SHARE of it. */
function dominantSector(scenario: Scenario, perTurn: Record<string, number>[]): { sector: string; share: number } | null {
  const defensible = new Set(scenario.levers.flatMap((l) => [...defencePerLevel(scenario, l.id).keys()]));
  if (defensible.size < 2) return null;
  const bySector = new Map<string, number>();
  for (const levels of perTurn)
    for (const l of scenario.levers)
      for (const [s, w] of defencePerLevel(scenario, l.id)) bySector.set(s, (bySector.get(s) ?? 0) + w * (levels[l.id] ?? 0));
  const total = [...bySector.values()].reduce((a, b) => a + b, 0);
  if (total <= 0) return null;
  const [sector, weight] = [...bySector.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!;
  const share = weight / total;
  return share >= ONE_SECTOR_SHARE ? { sector, share } : null;
}

/**
 * Levers raised only around the known event months: every turn on which the lever is above
 * its lowest level lies in the event window, and the window is at most a third of the game
 * (otherwise "around events" means "much of the time").
 */
function eventTimedLevers(scenario: Scenario, perTurn: Record<string, number>[]): string[] {
  const window = eventWindow(scenario);
  if (window.size === 0 || window.size * 3 > perTurn.length) return [];
  const out: string[] = [];
  for (const l of scenario.levers) {
    const levels = perTurn.map((t) => t[l.id] ?? 0);
    const low = Math.min(...levels);
    const raised = levels.flatMap((v, i) => (v > low ? [i + 1] : []));
    if (raised.length > 0 && raised.every((t) => window.has(t))) out.push(l.id);
  }
  return out;
}

export function isBalanced(flags: readonly Flag[]): boolean {
  return flags.length === 0;
}

export function describeFlag(scenario: Scenario, flag: Flag): string {
  const lever = (id: string) => scenario.levers.find((l) => l.id === id)?.name ?? id;
  switch (flag.kind) {
    case 'no-levers':
      return 'no lever raised at all';
    case 'one-lever':
      return `one lever only (${lever(flag.lever)})`;
    case 'one-sector':
      return `${Math.round(flag.share * 100)} % of its defence on one sector (${scenario.sectors.find((s) => s.id === flag.sector)?.name ?? flag.sector})`;
    case 'event-timed':
      return `raised only around known event months (${flag.levers.map(lever).join(', ')})`;
    case 'role-idle':
      return `the ${scenario.roles.find((r) => r.id === flag.role)?.name ?? flag.role} does nothing`;
    default: {
      const never: never = flag;
      return never;
    }
  }
}
