// Plausibility warnings about units and scale: numbers that pass the schema but sit orders
// of magnitude away from the documented record (an ICBM costed at $28, a yen rate of
// 0.0066, a $9 tn heist, a share of 0.003). Each names the documented bound and its source
// and says what the author probably meant.
import { formatMoney, type Money, moneyUsd } from './money-text.ts';
import {
  ANY_MISSILE_COST,
  COST_MARGIN,
  LARGEST_HEIST_SOURCE,
  LARGEST_HEIST_USD,
  MISSILE_BILL_2022_USD,
  MISSILE_COSTS,
  MISSILE_SHARE,
  type MissileClass,
  missileClass,
  RATE_MARGIN,
  SMALLEST_HEIST_SOURCE,
  SMALLEST_HEIST_USD,
  USD_JPY_BY_YEAR,
  USD_JPY_RANGE,
  YEAR_RATE_TOLERANCE,
} from './record.ts';
import type { Scenario } from './schema.ts';
import type { Reporter } from './semantic-report.ts';

/** A money figure this far above the largest documented heist is a slip of zeros or currency. */
const ORDERS_OFF = 10;

export function checkScale(s: Scenario, r: Reporter): void {
  const rate = s.currency.usdJpy.value;
  checkRate(s, r);
  // Below 1 the rate is upside down (an error when ≤ 0): every yen amount is off by the same
  // factor, so warnings about them would only repeat the rate's.
  if (!(rate >= 1)) return;
  checkMissileCosts(s, r);
  checkHeists(s, r);
  checkShares(s, r);
  checkMoneyTargets(s, r);
}

function checkRate(s: Scenario, r: Reporter): void {
  const rate = s.currency.usdJpy.value;
  const at = ['currency', 'usdJpy', 'value'];
  if (!(rate > 0)) return;
  if (rate < 1) {
    r.warn(
      at,
      `usdJpy is yen per US dollar, but ${rate} is below 1: it looks like dollars per yen; write ${roundRate(1 / rate)} (1 / ${rate}) instead. Documented ${USD_JPY_RANGE.source}`,
    );
    return;
  }
  const year = Number(s.calendar.start.slice(0, 4));
  const known = USD_JPY_BY_YEAR[year];
  if (known && Math.abs(rate - known.rate) / known.rate > YEAR_RATE_TOLERANCE) {
    r.warn(
      at,
      `${rate} yen per dollar is far from ${year}'s documented annual average of ${known.rate} (${known.source}; calibration.md "USD/JPY annual averages"); use that rate unless you model another one on purpose, and give it a source`,
    );
    return;
  }
  if (rate < USD_JPY_RANGE.low / RATE_MARGIN || rate > USD_JPY_RANGE.high * RATE_MARGIN)
    r.warn(
      at,
      `${rate} yen per dollar is outside the documented ${USD_JPY_RANGE.source}; check the number (yen per one US dollar, e.g. 131.5) and its source`,
    );
}

const roundRate = (x: number) => (x >= 10 ? Math.round(x * 100) / 100 : Number(x.toPrecision(4)));

function checkMissileCosts(s: Scenario, r: Reporter): void {
  const costs = s.missiles.map((m) => ({ m, usd: moneyUsd(m.cost, s), cls: missileClass(m.id, m.name) }));
  costs.forEach(({ m, usd, cls }, i) => {
    const bound = cls ? MISSILE_COSTS[cls] : ANY_MISSILE_COST;
    const what = cls ? article(MISSILE_COSTS[cls].label) : 'a ballistic missile';
    const range = `${formatMoney(bound.low)}–${formatMoney(bound.high)}`;
    if (usd >= bound.low / COST_MARGIN && usd <= bound.high * COST_MARGIN) return;
    const factor = usd < bound.low ? bound.low / Math.max(usd, 1) : usd / bound.high;
    const hint = unitHint(m.cost, usd, bound.low, bound.high, s);
    r.warn(
      ['missiles', i, 'cost', 'value'],
      `${written(m.cost)} (${formatMoney(usd)}) for one ${m.id} is ${factor >= 100 ? `about ${orders(factor)} orders of magnitude` : `${Math.round(factor)} times`} ${usd < bound.low ? 'below' : 'above'} the documented unit cost of ${what}, ${range} (${bound.source})${hint}`,
    );
  });
  // Dearer missiles have the longer range: an SRBM that costs more than an ICBM is a slip.
  // The warning goes to the cost furthest from its own type's range: that is the likely slip.
  const order: MissileClass[] = ['srbm', 'irbm', 'icbm'];
  const strayness = (usd: number, cls: MissileClass) => {
    const { low, high } = MISSILE_COSTS[cls];
    return usd < low ? low / Math.max(usd, 1) : usd > high ? usd / high : 1;
  };
  for (const a of costs)
    for (const b of costs) {
      if (!a.cls || !b.cls || order.indexOf(a.cls) >= order.indexOf(b.cls) || a.usd <= b.usd) continue;
      const [i, j] = [s.missiles.indexOf(a.m), s.missiles.indexOf(b.m)];
      const at = strayness(b.usd, b.cls) > strayness(a.usd, a.cls) ? j : i;
      const range = (c: MissileClass) => `${formatMoney(MISSILE_COSTS[c].low)}–${formatMoney(MISSILE_COSTS[c].high)}`;
      r.warn(
        ['missiles', at, 'cost', 'value'],
        `one ${a.m.id} (${formatMoney(a.usd)}, missiles[${i}]) costs more than one ${b.m.id} (${formatMoney(b.usd)}, missiles[${j}]), but ${article(MISSILE_COSTS[a.cls].label)} is the cheaper type: ${range(a.cls)} against ${range(b.cls)} (${MISSILE_COSTS[b.cls].source}); check both costs and their currencies`,
      );
    }
}

const article = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;

const orders = (factor: number) => Math.round(Math.log10(factor));
const written = (f: Money) => `${f.value} ${f.currency ?? ''}`.trim();

/** What the author probably meant: millions, or the other currency. */
function unitHint(f: Money, usd: number, low: number, high: number, s: Scenario): string {
  const fits = (x: number) => x >= low / COST_MARGIN && x <= high * COST_MARGIN;
  if (fits(usd * 1e6)) return `; did you mean ${f.value * 1e6} (${f.value} million ${f.currency})?`;
  if (fits(usd * 1e3)) return `; did you mean ${f.value * 1e3} (${f.value} thousand ${f.currency})?`;
  const rate = s.currency.usdJpy.value;
  if (f.currency === 'USD' && fits(usd / rate)) return '; is this amount in yen? then write currency: JPY';
  if (f.currency === 'JPY' && fits(usd * rate)) return '; is this amount in US dollars? then write currency: USD';
  return '; check the number of zeros and the currency';
}

function checkHeists(s: Scenario, r: Reporter): void {
  const rate = s.currency.usdJpy.value;
  const tooBig = (path: (string | number)[], f: Money, what: string) => {
    const usd = moneyUsd(f, s);
    const inYen = f.currency === 'USD' && usd / rate <= LARGEST_HEIST_USD;
    if (usd > LARGEST_HEIST_USD * ORDERS_OFF)
      r.warn(
        path,
        `${what} of ${formatMoney(usd)} is ${Math.round(usd / LARGEST_HEIST_USD).toLocaleString('en-US')} times ${LARGEST_HEIST_SOURCE}; ${inYen ? `is this amount in yen (${formatMoney(usd / rate)})? then write currency: JPY` : 'check the number of zeros and the currency'}`,
      );
    return usd;
  };
  const tooSmall = (path: (string | number)[], usd: number, what: string) => {
    if (usd > 0 && usd < SMALLEST_HEIST_USD)
      r.warn(path, `${what} of ${formatMoney(usd)} is tiny for a DPRK theft: ${SMALLEST_HEIST_SOURCE}; did you mean millions (e.g. ${usd * 1e6})?`);
  };
  s.sectors.forEach((sector, i) => {
    if (sector.yields === 'technology') return; // espionage sectors take technology, not money
    const at = ['sectors', i, 'heist'];
    tooSmall([...at, 'median', 'value'], tooBig([...at, 'median', 'value'], sector.heist.median, 'a median heist'), 'a median heist');
    tooBig([...at, 'max', 'value'], sector.heist.max, 'a largest heist');
  });
  const techSectors = new Set(s.sectors.filter((x) => x.yields === 'technology').map((x) => x.id));
  for (const kind of ['scripted', 'random', 'conditional'] as const)
    s.events[kind].forEach((ev, i) => {
      ev.effects.forEach((fx, j) => {
        const at = ['events', kind, i, 'effects', j, 'amount', 'value'];
        if (fx.type === 'heist' && !techSectors.has(fx.sector)) tooSmall(at, tooBig(at, fx.amount, 'a heist'), 'a heist');
        if (fx.type === 'seizure') tooBig(at, fx.amount, 'a seizure');
      });
    });
  s.regime.income.forEach((x, k) => {
    const monthly = moneyUsd(x.perYear, s) / 12;
    if (monthly > MISSILE_BILL_2022_USD)
      r.warn(
        ['regime', 'income', k, 'perYear', 'value'],
        `"${x.id}" brings ${formatMoney(monthly)} every month, more than the whole of 2022's missile bill, $340–530 M for 63 missiles (calibration.md "Missiles", S55); perYear is a yearly figure: check the zeros and the currency`,
      );
  });
}

function checkShares(s: Scenario, r: Reporter): void {
  const share = s.regime.cryptoToMissiles.value;
  if (share > 0 && share < 0.01)
    r.warn(
      ['regime', 'cryptoToMissiles', 'value'],
      `cryptoToMissiles ${share} means ${share * 100} % of the crypto cash buys missiles; it is a fraction (0.3 = 30 %), and with so little crypto could not pay the ${MISSILE_SHARE.low * 100}–${MISSILE_SHARE.high * 100} % of the programme the record gives it (${MISSILE_SHARE.source}); did you mean ${Math.min(1, share * 100)}?`,
    );
}

/** Money targets and thresholds written in millions by mistake ("250" for $250 M). */
function checkMoneyTargets(s: Scenario, r: Reporter): void {
  const hint = (v: number) =>
    `is ${formatMoney(v)}: totals ending in Usd are whole US dollars, so did you mean ${v * 1e6} (${v} million)?`;
  s.objectives.forEach((o, i) => {
    if (o.metric.endsWith('Usd') && o.target > 0 && o.target < SMALLEST_HEIST_USD) r.warn(['objectives', i, 'target'], `the target ${hint(o.target)}`);
  });
  s.events.conditional.forEach((e, i) => {
    const w = e.when;
    if (w.metric?.endsWith('Usd') && w.value > 0 && w.value < SMALLEST_HEIST_USD)
      r.warn(['events', 'conditional', i, 'when', 'value'], `the threshold ${hint(w.value)}`);
  });
}
