// Worst-case bounds: the engine keeps money in whole US dollars in JavaScript numbers,
// which are exact integers only up to 2^53 (≈ 9 × 10^15). A scenario is refused when the
// most it could ever put into play — every team (and a renewed campaign's) succeeding at
// its sector's largest heist, every scripted heist and a facilitator injecting the biggest
// events, plus the top of every other income stream's range, every turn of the longest
// game (240 turns, after extensions) — could pass
// MONEY_BOUND, well below 2^53 so sums and shares stay exact. That bound, not big
// integers, is what keeps conservation exact to the dollar for every legal scenario.
// The same worst case bounds how many missiles one turn can buy, which bounds a turn's work.
import type { DataPath } from './diagnostics.ts';
import { MAX_INJECTS_PER_TURN, MAX_TOTAL_TURNS } from './limits.ts';
import type { Scenario } from './schema.ts';
import type { Reporter } from './semantic-report.ts';

/** Most whole dollars a game may ever put into play (≈ 1.1 × 10^15, 2^50). */
export const MONEY_BOUND = 2 ** 50;
/** Most missiles one turn may buy in the worst case. */
export const MAX_MISSILES_PER_TURN = 100_000;

const usd = (s: Scenario, f: { value: number; currency?: 'USD' | 'JPY' | undefined }) =>
  f.currency === 'JPY' ? f.value / s.currency.usdJpy.value : f.value;
/** The top (or bottom) of a ranged figure's range, in dollars for money. */
const high = (s: Scenario, f: { value: number; high?: number | undefined; currency?: 'USD' | 'JPY' | undefined }) => usd(s, { ...f, value: f.high ?? f.value });
const low = (s: Scenario, f: { value: number; low?: number | undefined; currency?: 'USD' | 'JPY' | undefined }) => usd(s, { ...f, value: f.low ?? f.value });

const fmt = (x: number) => (x >= 1e12 ? `$${(x / 1e12).toPrecision(3)} trillion` : x >= 1e9 ? `$${(x / 1e9).toPrecision(3)} billion` : `$${Math.round(x).toLocaleString('en-US')}`);

export function checkBounds(s: Scenario, r: Reporter): void {
  // Operations: each team may succeed once a turn, at most at its sector's max.
  let opsMax = 0;
  let opsPath: DataPath = ['adversary', 'teams'];
  s.sectors.forEach((sec, i) => {
    if (sec.yields === 'technology') return;
    const m = usd(s, sec.heist.max);
    if (m > opsMax) {
      opsMax = m;
      opsPath = ['sectors', i, 'heist', 'max', 'value'];
    }
  });
  const teams = s.adversary.teams + s.adversary.displacement.teams;
  const perTurnOps = teams * opsMax;

  // Events: the heists of any one turn's scripted events, plus a facilitator injecting
  // the largest event as often as a turn allows.
  const events = [...s.events.scripted, ...s.events.random, ...s.events.conditional];
  const heistSum = (e: (typeof events)[number]) => e.effects.reduce((a, fx) => a + (fx.type === 'heist' ? usd(s, fx.amount) : 0), 0);
  const byTurn = new Map<number, number>();
  for (const e of s.events.scripted) byTurn.set(e.turn, (byTurn.get(e.turn) ?? 0) + heistSum(e));
  const scriptedMax = Math.max(0, ...byTurn.values());
  const randomAll = [...s.events.random, ...s.events.conditional].reduce((a, e) => a + heistSum(e), 0);
  const biggestEvent = Math.max(0, ...events.map(heistSum));
  const perTurnEvents = scriptedMax + randomAll + MAX_INJECTS_PER_TURN * biggestEvent;

  const other = s.regime.income.reduce((a, x) => a + high(s, x.perYear) / 12, 0);
  const perTurn = perTurnOps + perTurnEvents + other;
  const worst = perTurn * MAX_TOTAL_TURNS;
  if (worst > MONEY_BOUND) {
    const biggest = perTurnOps >= perTurnEvents && perTurnOps >= other ? opsPath : perTurnEvents >= other ? ['events'] : ['regime', 'income'];
    r.error(
      biggest,
      `in the worst case this scenario could put ${fmt(worst)} into play over ${MAX_TOTAL_TURNS} turns (${fmt(perTurn)} a turn: ${teams} teams × the largest heist ${fmt(opsMax)}, scripted and injected heists, other income); the engine keeps exact dollars only up to ${fmt(MONEY_BOUND)}. Lower the largest amounts or the number of teams (is a figure in the wrong unit?)`,
    );
  }

  // Missiles bought in one turn, at most: the turn's worst-case money over the cheapest missile.
  let dearest = 0;
  let cheapest = Number.POSITIVE_INFINITY;
  let cheapestPath: DataPath = ['missiles'];
  s.missiles.forEach((m, i) => {
    if (m.preference <= 0) return;
    const c = Math.max(1, low(s, m.cost));
    dearest = Math.max(dearest, high(s, m.cost));
    if (c < cheapest) {
      cheapest = c;
      cheapestPath = ['missiles', i, 'cost', 'value'];
    }
  });
  if (Number.isFinite(cheapest) && worst <= MONEY_BOUND) {
    // Unspent funds pile up only while the regime saves for its dearest missile, and no
    // more can be bought than production delivers (three months' carry-over at most).
    const production = s.missiles.reduce((a, m) => a + Math.max(1, 3 * high(s, m.productionPerMonth)), 0);
    const count = Math.min((perTurn + dearest) / cheapest, production);
    if (count > MAX_MISSILES_PER_TURN)
      r.error(
        cheapestPath,
        `at ${fmt(cheapest)} a missile, the regime could buy about ${Math.round(count).toLocaleString('en-US')} missiles in one turn in the worst case; the engine handles at most ${MAX_MISSILES_PER_TURN.toLocaleString('en-US')}. Is the cost in the wrong unit (e.g. 28 instead of 28000000)?`,
      );
  }
}
