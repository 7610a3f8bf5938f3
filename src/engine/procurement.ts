// Procurement and launches: cash reaching the regime buys missiles at the scenario's unit
// costs; missiles in stock are launched per doctrine and the calendar.
import type { Scenario } from '../scenario/schema.ts';
import { binomialCount } from './binomial.ts';
import { clamp, round6 } from './detmath.ts';
import { toUsd } from './money.ts';
import type { TurnStreams } from './rng.ts';

export const MAX_LAUNCH_CHANCE = 0.95;

export interface ProcurementOutcome {
  fundUsd: number;
  bought: Record<string, number>;
  spendUsd: number;
  spentOn: Record<string, number>;
}

/**
 * Buy missiles while the fund allows. The regime splits spending between types by
 * preference: the next purchase is the type furthest below its preferred share of
 * spending, and it saves up for that type rather than buying a cheaper one.
 */
/** Unit-cost multiplier from stolen technology; never below 30 % of list price. */
export function missileCostFactor(scenario: Scenario, tech: number): number {
  return round6(clamp(1 - tech * scenario.adversary.techCostReduction, 0.3, 1));
}

export function procure(
  scenario: Scenario,
  fundUsd: number,
  spentOn: Record<string, number>,
  costFactor = 1,
): ProcurementOutcome {
  const types = scenario.missiles.filter((m) => m.preference > 0);
  const bought: Record<string, number> = {};
  const spent = { ...spentOn };
  for (const m of scenario.missiles) bought[m.id] = 0;
  let fund = fundUsd;
  let spendUsd = 0;
  if (types.length === 0) return { fundUsd: fund, bought, spendUsd, spentOn: spent };
  const cost = new Map(types.map((m) => [m.id, Math.max(1, Math.round(toUsd(m.cost, scenario) * costFactor))]));
  for (let guard = 0; guard < 100_000; guard++) {
    let best = types[0]!;
    let bestKey = Number.POSITIVE_INFINITY;
    for (const m of types) {
      const key = ((spent[m.id] ?? 0) + cost.get(m.id)!) / m.preference;
      if (key < bestKey) {
        bestKey = key;
        best = m;
      }
    }
    const c = cost.get(best.id)!;
    if (fund < c) break;
    fund -= c;
    spendUsd += c;
    spent[best.id] = (spent[best.id] ?? 0) + c;
    bought[best.id]! += 1;
  }
  return { fundUsd: fund, bought, spendUsd, spentOn: spent };
}

/** Product of the calendar multipliers for the month, and the names that applied. */
export function calendarMultiplier(scenario: Scenario, month: number): { multiplier: number; notes: string[] } {
  let multiplier = 1;
  const notes: string[] = [];
  for (const c of scenario.calendar.launchCalendar) {
    if (c.month === month) {
      multiplier *= c.multiplier;
      notes.push(c.name);
    }
  }
  return { multiplier: round6(multiplier), notes };
}

export function launchChance(base: number, calendar: number, escalation: number): number {
  return round6(clamp(base * calendar * (1 + escalation / 100), 0, MAX_LAUNCH_CHANCE));
}

/**
 * Each missile in stock is launched with the turn's chance; the count is one binomial
 * draw per missile type, so a turn's work does not grow with the stockpile.
 */
export function launch(
  scenario: Scenario,
  stock: Record<string, number>,
  calendar: number,
  escalation: number,
  streams: TurnStreams,
): { stock: Record<string, number>; launched: Record<string, number> } {
  const next = { ...stock };
  const launched: Record<string, number> = {};
  for (const m of scenario.missiles) {
    const p = launchChance(m.launchChance, calendar, escalation);
    const have = next[m.id] ?? 0;
    const n = binomialCount(have, p, streams.get(`launch:${m.id}`).next());
    next[m.id] = have - n;
    launched[m.id] = n;
  }
  return { stock: next, launched };
}
