// The missile programme: money buys missiles at this run's unit costs, no faster than the
// industry can deliver them; tests follow the doctrine (pauses, moratoria, surges), the
// calendar and escalation, and never dip into the reserve or below zero. So launches
// depend on money only when the stockpile runs short.
import type { Scenario } from '../scenario/schema.ts';
import { compile, doctrineOf } from './compiled.ts';
import { clamp, detExp, round6 } from './detmath.ts';
import type { LaunchOdds, Purchase } from './report.ts';
import type { TurnStreams } from './rng.ts';

/** Production not taken up carries over, up to this many months' worth. */
export const PRODUCTION_CARRY_MONTHS = 3;

export interface ProcurementOutcome {
  fundUsd: number;
  bought: Record<string, number>;
  spendUsd: number;
  spentOn: Record<string, number>;
  production: Record<string, number>;
  purchases: Purchase[];
}

/** Unit-cost multiplier from stolen technology; never below 30 % of list price. */
export function missileCostFactor(scenario: Scenario, tech: number): number {
  return round6(clamp(1 - tech * scenario.adversary.techCostReduction, 0.3, 1));
}

/**
 * Buy missiles while the fund and this month's production allow. The regime splits
 * spending between types by preference: the next purchase is the type furthest below its
 * preferred share of spending (it saves up for that type rather than buying a cheaper
 * one), unless production of that type is used up this month.
 */
export function procure(
  scenario: Scenario,
  fundUsd: number,
  spentOn: Record<string, number>,
  production: Record<string, number>,
  params: readonly number[],
  costFactor = 1,
): ProcurementOutcome {
  const c = compile(scenario);
  const missiles = scenario.missiles;
  const n = missiles.length;
  const spent = { ...spentOn };
  const bought: Record<string, number> = {};
  const credit = new Array<number>(n);
  const cost = new Array<number>(n);
  const capacity = new Array<number>(n);
  const count = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    const m = missiles[i]!;
    const perMonth = params[c.missileProductionParam[i]!]!;
    credit[i] = Math.min((production[m.id] ?? 0) + perMonth, Math.max(1, perMonth * PRODUCTION_CARRY_MONTHS));
    capacity[i] = Math.floor(credit[i]!);
    cost[i] = Math.max(1, Math.round(params[c.missileCostParam[i]!]! * costFactor));
  }
  let fund = fundUsd;
  let spendUsd = 0;
  for (;;) {
    let best = -1;
    let bestKey = Number.POSITIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const m = missiles[i]!;
      if (m.preference <= 0 || count[i]! >= capacity[i]!) continue;
      const key = ((spent[m.id] ?? 0) + cost[i]!) / m.preference;
      if (key < bestKey) {
        bestKey = key;
        best = i;
      }
    }
    if (best < 0 || fund < cost[best]!) break;
    const id = missiles[best]!.id;
    fund -= cost[best]!;
    spendUsd += cost[best]!;
    spent[id] = (spent[id] ?? 0) + cost[best]!;
    count[best]! += 1;
  }
  const left: Record<string, number> = {};
  const purchases: Purchase[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const id = missiles[i]!.id;
    bought[id] = count[i]!;
    left[id] = round6(credit[i]! - count[i]!);
    purchases[i] = { missile: id, unitCostUsd: cost[i]!, capacity: capacity[i]!, bought: count[i]! };
  }
  return { fundUsd: fund, bought, spendUsd, spentOn: spent, production: left, purchases };
}

const POISSON_MAX_U = 1 - 1e-9;

/** Poisson count with mean `mean` from one uniform (inverse CDF; exact for the means tests reach). */
export function poisson(mean: number, u: number): number {
  if (mean <= 0) return 0;
  // Above 1 - 1e-9 the summed CDF is within rounding of 1 and the loop would end wherever
  // the float sum happens to saturate, which is not monotone in the mean: cap the draw.
  const v = u < POISSON_MAX_U ? u : POISSON_MAX_U;
  let p = detExp(-mean);
  let cdf = p;
  let k = 0;
  while (v >= cdf && k < 1000) {
    k += 1;
    p = (p * mean) / k;
    cdf += p;
    if (p === 0) break;
  }
  return k;
}

/**
 * Tests this month, per missile type: the doctrine's expected number (a Poisson draw, one
 * uniform per type, so the same seed gives the same luck under any policy), limited by
 * the stock above the reserve, plus scripted launches (documented tests, fired from the
 * arsenal outside the modelled stock).
 */
export function launch(
  scenario: Scenario,
  stock: Record<string, number>,
  turn: number,
  month: number,
  escalation: number,
  tech: number,
  scripted: Record<string, number>,
  params: readonly number[],
  streams: TurnStreams,
): { stock: Record<string, number>; launched: Record<string, number>; scriptedLaunched: Record<string, number>; odds: LaunchOdds[] } {
  const c = compile(scenario);
  const doctrine = doctrineOf(scenario, c, turn);
  const calendar = c.calendarMultiplier[month]!;
  const boost = (1 + escalation / 100) * (1 + tech * scenario.adversary.techLaunchBoost);
  const next = { ...stock };
  const launched: Record<string, number> = {};
  const scriptedLaunched: Record<string, number> = {};
  const odds: LaunchOdds[] = [];
  const draws = streams.get('launch');
  scenario.missiles.forEach((m, i) => {
    const tests = params[c.missileTestsParam[i]!]!;
    const expected = round6(tests * doctrine.tempo[i]! * calendar * boost);
    const planned = poisson(expected, draws.next());
    const available = Math.max(0, (next[m.id] ?? 0) - m.reserve);
    const n = Math.min(planned, available);
    const extra = scripted[m.id] ?? 0;
    next[m.id] = (next[m.id] ?? 0) - n;
    launched[m.id] = n + extra;
    scriptedLaunched[m.id] = extra;
    odds.push({
      missile: m.id,
      expected,
      testsPerMonth: tests,
      doctrineTempo: doctrine.tempo[i]!,
      doctrine: doctrine.names,
      calendarMultiplier: calendar,
      planned,
      available,
      scripted: extra,
      launched: n + extra,
    });
  });
  return { stock: next, launched, scriptedLaunched, odds };
}
