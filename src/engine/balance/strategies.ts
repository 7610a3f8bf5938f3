// The classic degenerate strategies the balance report pits against the best balanced
// policy: every lever alone at its maximum, each sector's defence alone, defence raised
// only around the known event months (and, for contrast, the same levers held all game),
// and each role left idle.
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import { defencePerLevel, sectorEvents } from './events.ts';
import {
  affordableLevel,
  budgetOf,
  constantPolicy,
  fitBudgets,
  type Levels,
  levelsByTurn,
  policyFromTurns,
  turnCount,
} from './levels.ts';

export type StrategyKind = 'lever-alone' | 'sector-alone' | 'event-timed' | 'event-levers-held' | 'role-idle';

export interface Strategy {
  id: string;
  kind: StrategyKind;
  /** Short name for tables: "Signing security alone". */
  label: string;
  policy: PolicyDef;
}

const zero = (scenario: Scenario): Levels => Object.fromEntries(scenario.levers.map((l) => [l.id, 0]));

/** One lever at the highest level its role's budget allows, nothing else. */
export function leverAlone(scenario: Scenario, leverId: string): Strategy | null {
  const lever = scenario.levers.find((l) => l.id === leverId);
  if (!lever) return null;
  const level = affordableLevel(lever, budgetOf(scenario, lever.role));
  if (level === 0) return null;
  return {
    id: `lever:${lever.id}`,
    kind: 'lever-alone',
    label: `${lever.name} alone (level ${level})`,
    policy: constantPolicy(scenario, { ...zero(scenario), [lever.id]: level }, `Only "${lever.name}", at level ${level}, all game.`),
  };
}

/**
 * The most defence of `sectors` each role can buy: levers that defend them, best defence per
 * budget point first, each as high as the remaining budget allows. Other levers stay at 0.
 */
export function sectorDefenceLevels(scenario: Scenario, sectors: readonly string[]): Levels {
  const levels = zero(scenario);
  const weight = (id: string) => {
    const d = defencePerLevel(scenario, id);
    return sectors.reduce((a, s) => a + (d.get(s) ?? 0), 0);
  };
  for (const role of scenario.roles) {
    let remaining = role.budgetPerTurn;
    const useful = scenario.levers
      .filter((l) => l.role === role.id && weight(l.id) > 0)
      .map((l, i) => ({ l, i, value: weight(l.id) / Math.max(l.costPerLevel, 1e-9) }))
      .sort((a, b) => b.value - a.value || a.i - b.i);
    for (const { l } of useful) {
      const level = affordableLevel(l, remaining);
      levels[l.id] = level;
      remaining -= level * l.costPerLevel;
    }
  }
  return levels;
}

export function sectorAlone(scenario: Scenario, sectorId: string): Strategy | null {
  const levels = sectorDefenceLevels(scenario, [sectorId]);
  if (!Object.values(levels).some((v) => v > 0)) return null;
  const name = scenario.sectors.find((s) => s.id === sectorId)?.name ?? sectorId;
  return {
    id: `sector:${sectorId}`,
    kind: 'sector-alone',
    label: `Defend ${name} only`,
    policy: constantPolicy(scenario, levels, `Every defence point on ${name}, all game; nothing else.`),
  };
}

/**
 * Defence of the struck sectors raised only on each known event's turn and the turn
 * before, nothing otherwise; plus the same levers held at those levels all game, which a
 * well-balanced model should make worth far more.
 */
export function eventStrategies(scenario: Scenario): Strategy[] {
  const events = sectorEvents(scenario);
  if (events.length === 0) return [];
  const turns = turnCount(scenario);
  const perTurn: Levels[] = Array.from({ length: turns }, () => zero(scenario));
  const held = zero(scenario);
  for (const e of events) {
    const levels = sectorDefenceLevels(scenario, e.sectors);
    for (let t = Math.max(1, e.turn - 1); t <= e.turn; t++) {
      // Two events close together: keep the higher level of each lever, then fit the budgets.
      const merged = perTurn[t - 1]!;
      for (const [id, v] of Object.entries(levels)) merged[id] = Math.max(merged[id] ?? 0, v);
    }
    for (const [id, v] of Object.entries(levels)) held[id] = Math.max(held[id] ?? 0, v);
  }
  const fitted = perTurn.map((levels) => fitBudgets(scenario, levels).levels);
  const months = [...new Set(events.map((e) => e.turn))].join(', ');
  const timed: Strategy = {
    id: 'event-timed',
    kind: 'event-timed',
    label: 'Defence only around known events',
    policy: policyFromTurns(
      scenario,
      fitted,
      `Defence of the struck sector raised only on the turn of each known event and the turn before (turns ${months}); nothing otherwise.`,
    ),
  };
  const heldAll: Strategy = {
    id: 'event-levers-held',
    kind: 'event-levers-held',
    label: 'The same defence held all game',
    policy: constantPolicy(scenario, fitBudgets(scenario, held).levels, 'The levers of the event-timed policy, held all game.'),
  };
  return [timed, heldAll];
}

/** `base` with one role's levers at 0 all game. */
export function roleIdle(scenario: Scenario, base: PolicyDef, roleId: string): Strategy | null {
  const role = scenario.roles.find((r) => r.id === roleId);
  const mine = scenario.levers.filter((l) => l.role === roleId);
  if (!role || mine.length === 0) return null;
  const perTurn = levelsByTurn(scenario, base).map((levels) => ({ ...levels, ...Object.fromEntries(mine.map((l) => [l.id, 0])) }));
  return {
    id: `idle:${roleId}`,
    kind: 'role-idle',
    label: `Best balanced, ${role.name} idle`,
    policy: policyFromTurns(scenario, perTurn, `The best balanced policy with the ${role.name} doing nothing.`),
  };
}

/** Every lever alone, each sector alone, and the event-timed pair. Role-idle needs a base: see roleIdle. */
export function classicStrategies(scenario: Scenario): Strategy[] {
  const out: Strategy[] = [];
  for (const l of scenario.levers) {
    const s = leverAlone(scenario, l.id);
    if (s) out.push(s);
  }
  for (const sector of scenario.sectors) {
    const s = sectorAlone(scenario, sector.id);
    if (s) out.push(s);
  }
  out.push(...eventStrategies(scenario));
  return out;
}
