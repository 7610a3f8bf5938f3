// The last plausibility check of `cashout check`: one quick seeded game. Some slips only
// show in play (an ICBM costed at $28 buys hundreds of thousands of missiles), so the game's
// theft and launches are compared with the scenario's own documented figures (its
// calibration entries), or failing those with the documented record, and a result orders
// of magnitude away is reported where the author can fix it.
import { simulatePolicy } from '../engine/autoplay.ts';
import { measure } from '../engine/measure.ts';
import { toUsd } from '../engine/money.ts';
import type { DataPath, Diagnostic } from '../scenario/diagnostics.ts';
import { formatPath } from '../scenario/diagnostics.ts';
import { formatMoney } from '../scenario/money-text.ts';
import {
  LAUNCHES_PEAK_SOURCE,
  LAUNCHES_PER_YEAR_PEAK,
  THEFT_PEAK_SOURCE,
  THEFT_PER_YEAR_PEAK_USD,
} from '../scenario/record.ts';
import type { MetricName, Scenario } from '../scenario/schema.ts';
import type { Locate } from '../scenario/source-text.ts';

export const QUICK_GAME_SEED = 'check';
/** A result this many times the documented figure (or a tenth of it) is "orders of magnitude" off. */
export const ORDERS = 10;

const CHECKED: MetricName[] = ['stolenUsd', 'cashedOutUsd', 'frozenUsd', 'missileSpendUsd', 'launches'];

const HINTS: Partial<Record<MetricName, string>> = {
  stolenUsd: 'check the sectors\u2019 heist median and max, adversary.teams, the sectors\u2019 exposure and currency.usdJpy',
  cashedOutUsd: 'check the heist sizes, the channels\u2019 capacity, haircuts and freezes, and the delays',
  frozenUsd: 'check the channels\u2019 baseFreeze and the seizure amounts',
  missileSpendUsd: 'check regime.cryptoToMissiles, the regime\u2019s income streams and the missiles\u2019 costs',
  launches: 'check the missiles\u2019 testsPerMonth, productionPerMonth, cost (value and currency) and the doctrine',
};

export function quickGameWarnings(s: Scenario, locate: Locate, file: string): Diagnostic[] {
  const policyName = Object.hasOwn(s.policies, 'historical') ? 'historical' : 'none';
  const policy = s.policies[policyName];
  if (!policy) return [];
  let played: ReturnType<typeof simulatePolicy>;
  try {
    played = simulatePolicy(s, QUICK_GAME_SEED, policy);
  } catch {
    return []; // a policy the rules refuse is reported by the loader's own checks
  }
  const out: Diagnostic[] = [];
  const warn = (path: DataPath, message: string, part?: 'key') => {
    const p = locate(path, part);
    out.push({ file: p.file ?? file, line: p.line, column: p.column, path: formatPath(path), message, severity: 'warning' });
  };
  const game = `one seeded game (seed "${QUICK_GAME_SEED}", policy "${policyName}", ${s.calendar.turns} turns)`;
  const show = (m: MetricName, v: number) => (m.endsWith('Usd') ? formatMoney(v) : v.toLocaleString('en-US'));
  const covered = new Set<MetricName>();

  (s.calibration ?? []).forEach((c, i) => {
    if (!CHECKED.includes(c.metric)) return;
    covered.add(c.metric);
    const documented = c.metric.endsWith('Usd') ? toUsd(c.documented, s) : c.documented.value;
    // A calibration entry may be for one calendar year: compare the game's figure for it.
    const got = measure(played.state, played.reports, c.metric, c.year);
    if (documented <= 0) return;
    const high = got >= documented * ORDERS;
    const low = got * ORDERS <= documented && (c.metric !== 'launches' || documented >= ORDERS);
    if (!high && !low) return;
    const how = got === 0 ? 'none at all' : `${Math.round(high ? got / documented : documented / got).toLocaleString('en-US')} times ${high ? 'more' : 'less'}`;
    warn(
      ['calibration', i, 'documented', 'value'],
      `${game} gives ${c.metric} = ${show(c.metric, got)}, against the ${show(c.metric, documented)} this scenario documents here${c.documented.source ? ` (source ${c.documented.source})` : ''}: ${how}. A result orders of magnitude away is usually a unit slip: ${HINTS[c.metric]}`,
    );
  });

  const totals = played.state.totals;
  const years = s.calendar.turns / 12;
  if (!covered.has('stolenUsd') && totals.stolenUsd > THEFT_PER_YEAR_PEAK_USD * ORDERS * Math.max(1, years))
    warn(
      ['sectors'],
      `${game} steals ${formatMoney(totals.stolenUsd)}, more than ${ORDERS} times the record of ${formatMoney(THEFT_PER_YEAR_PEAK_USD)} a year (${THEFT_PEAK_SOURCE}); ${HINTS.stolenUsd}`,
      'key',
    );
  if (!covered.has('launches') && totals.launches > LAUNCHES_PER_YEAR_PEAK * ORDERS * Math.max(1, years))
    warn(
      ['missiles'],
      `${game} launches ${totals.launches.toLocaleString('en-US')} missiles, more than ${ORDERS} times the record of ${LAUNCHES_PER_YEAR_PEAK} a year (${LAUNCHES_PEAK_SOURCE}); ${HINTS.launches}`,
      'key',
    );
  return out;
}
