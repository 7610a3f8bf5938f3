// Measuring a finished run: any metric over the whole game or over one calendar year (the
// calibration compares "launches in 2020" with the record). A pure function of the final
// state and the turn reports.
import type { MetricName } from '../scenario/schema.ts';
import { round6 } from './detmath.ts';
import type { TurnReport } from './report.ts';
import { type GameState, metricValue } from './state.ts';

/** Value of `metric` over the whole run, or over the turns of calendar year `year`. */
export function measure(state: GameState, reports: readonly TurnReport[], metric: MetricName, year?: number): number {
  if (year === undefined) return metricValue(state, metric);
  const prefix = `${year}-`;
  let total = 0;
  let crypto = 0;
  let funding = 0;
  let last = 0;
  for (const r of reports) {
    if (!r.label.startsWith(prefix)) continue;
    switch (metric) {
      case 'stolenUsd':
        total += r.stolenUsd;
        break;
      case 'cashedOutUsd':
        total += r.cashedOutUsd;
        break;
      case 'frozenUsd':
        total += r.frozenUsd;
        break;
      case 'missileSpendUsd':
        total += r.missileSpendUsd;
        break;
      case 'launches':
        for (const n of Object.values(r.launched)) total += n;
        break;
      case 'collateral':
        total += r.collateral;
        break;
      case 'escalation':
        last = r.escalation;
        break;
      case 'cryptoShare':
        for (const [k, v] of Object.entries(r.fundingUsd)) {
          funding += v;
          if (k === 'crypto') crypto += v;
        }
        break;
      case 'heists':
        for (const h of r.heists) if (!h.blocked) total += 1;
        break;
    }
  }
  if (metric === 'escalation') return last;
  if (metric === 'cryptoShare') return funding > 0 ? round6(crypto / funding) : 0;
  return metric === 'collateral' ? round6(total) : total;
}
