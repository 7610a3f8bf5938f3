// The regime's money for missiles: a share of the crypto cash that reaches it plus a share
// of each other income stream (IT workers abroad, trade), so crypto pays only part of the
// bill. Pressure on a stream (vetting, raids) cuts it with diminishing returns.
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compiled.ts';

export interface IncomeOutcome {
  /** Crypto cash put towards missiles. */
  cryptoToMissilesUsd: number;
  /** Income of each other stream this month, by id (after pressure). */
  incomeUsd: Record<string, number>;
  /** Missile money by source: "crypto" and each stream id. */
  fundingUsd: Record<string, number>;
  /** Missile money from the other streams together. */
  otherFundingUsd: number;
  /** Everything the missile fund receives this month. */
  fundInUsd: number;
}

export function regimeIncome(
  scenario: Scenario,
  cashedOutUsd: number,
  streamCut: readonly number[],
  params: readonly number[],
): IncomeOutcome {
  const c = compile(scenario);
  const cryptoToMissilesUsd = Math.floor(cashedOutUsd * params[c.cryptoToMissilesParam]!);
  const incomeUsd: Record<string, number> = {};
  const fundingUsd: Record<string, number> = { crypto: cryptoToMissilesUsd };
  let otherFundingUsd = 0;
  c.streamIds.forEach((id, k) => {
    const monthly = Math.floor((params[c.streamPerYearParam[k]!]! / 12) * (1 - streamCut[k]!));
    const toMissiles = Math.floor(monthly * params[c.streamToMissilesParam[k]!]!);
    incomeUsd[id] = monthly;
    fundingUsd[id] = toMissiles;
    otherFundingUsd += toMissiles;
  });
  return { cryptoToMissilesUsd, incomeUsd, fundingUsd, otherFundingUsd, fundInUsd: cryptoToMissilesUsd + otherFundingUsd };
}
