// The documented record that plausibility warnings compare a scenario with, each bound
// with the calibration.md row and source key it comes from. These are not rules of the
// game: a scenario may model another period or a what-if, so falling outside them is a
// warning ("is this what you meant?"), never an error.

export interface Range {
  low: number;
  high: number;
  /** Where the range comes from, as a reader can look it up. */
  source: string;
}

/**
 * Missile unit costs in US dollars: KIDA's estimates (Chosun Ilbo, 9 Jun 2022, S55) and
 * RAND's per-shot figures they draw on (B. Bennett: SRBM $3–5 M, later $2–3 M).
 */
export const MISSILE_COSTS = {
  srbm: {
    label: 'short-range ballistic missile',
    low: 2_000_000,
    high: 5_000_000,
    source: 'KIDA ₩3.8–6.3 bn ≈ $3–5 M, RAND later $2–3 M (calibration.md "Seed articles", S55)',
  },
  irbm: {
    label: 'medium- or intermediate-range ballistic missile',
    low: 10_000_000,
    high: 30_000_000,
    source: 'KIDA ₩12.5–37.5 bn, RAND $10–15 M (calibration.md "Seed articles", S55)',
  },
  icbm: {
    label: 'intercontinental ballistic missile',
    low: 20_000_000,
    high: 30_000_000,
    source: 'KIDA ₩25–37.5 bn ≈ $20–30 M (calibration.md "Seed articles", S55)',
  },
} as const;
export type MissileClass = keyof typeof MISSILE_COSTS;

/** Every DPRK ballistic missile type KIDA prices: from the cheapest SRBM to the dearest ICBM. */
export const ANY_MISSILE_COST: Range = {
  low: 2_000_000,
  high: 30_000_000,
  source: 'KIDA/RAND unit costs, SRBM $2–5 M to ICBM $20–30 M (calibration.md "Seed articles", S55)',
};

/** A cost may sit this far outside the documented range before we ask (alternative estimates differ). */
export const COST_MARGIN = 2;

/** The class a missile type belongs to, from its id or name; undefined when neither says. */
export function missileClass(id: string, name: string): MissileClass | undefined {
  const text = `${id} ${name}`.toLowerCase();
  if (/\bicbm\b|intercontinental|hwasong-?1[4-9]/.test(text)) return 'icbm';
  if (/\b[im]rbm\b|intermediate|medium-range|hwasong-?1[0-2]\b/.test(text)) return 'irbm';
  if (/\bsrbm\b|short-range|kn-?2[3-5]\b|scud/.test(text)) return 'srbm';
  return undefined;
}

/** USD/JPY annual averages (calibration.md "USD/JPY annual averages"): yen per dollar. */
export const USD_JPY_BY_YEAR: Record<number, { rate: number; source: string }> = {
  2017: { rate: 112.17, source: 'IMF IFS via IndexMundi, S64' },
  2018: { rate: 110.42, source: 'IMF IFS via IndexMundi, S64' },
  2019: { rate: 109.01, source: 'IMF IFS via IndexMundi, S64' },
  2020: { rate: 106.77, source: 'IMF IFS via IndexMundi, S64' },
  2021: { rate: 109.75, source: 'IMF IFS via IndexMundi, S64' },
  2022: { rate: 131.5, source: 'S66, to verify' },
  2023: { rate: 140, source: 'S66, to verify' },
  2025: { rate: 149.57, source: 'FRED AEXJPUS, S65' },
};
export const USD_JPY_RANGE: Range = {
  low: 106.77,
  high: 149.57,
  source: 'annual averages 2017–2025, 106.77 (2020) to 149.57 (2025) (calibration.md "USD/JPY annual averages", S64–S66)',
};
/** How far a rate may stray from the documented years before we ask (other periods differ). */
export const RATE_MARGIN = 1.25;
/** Within a documented year, a rate this far off that year's average is worth a look. */
export const YEAR_RATE_TOLERANCE = 0.15;

/** The largest documented theft: Bybit, 21 Feb 2025, ≈ $1.46–1.5 B (S8, S28). */
export const LARGEST_HEIST_USD = 1_500_000_000;
export const LARGEST_HEIST_SOURCE = 'the largest documented theft, Bybit, ≈ $1.46–1.5 B (calibration.md "Major heists", S8 S28)';
/** Below this a cash heist is no longer a DPRK exchange, bridge or wallet theft of the record. */
export const SMALLEST_HEIST_USD = 100_000;
export const SMALLEST_HEIST_SOURCE =
  'documented DPRK heists run from ≈ $41 M (Stake.com) up, and even laundering tranches are "< $500k" (calibration.md "Major heists", "Laundering", S3 S24)';

/** Theft per year and launches per year at their documented peaks. */
export const THEFT_PER_YEAR_PEAK_USD = 2_020_000_000;
export const THEFT_PEAK_SOURCE = 'Chainalysis: $2.02 B in 2025, the highest yearly DPRK theft on record (calibration.md, S3)';
export const LAUNCHES_PER_YEAR_PEAK = 68;
export const LAUNCHES_PEAK_SOURCE = '2022, the record year: 59–68 missiles in 31–38 events (calibration.md "Missiles", S48–S54)';

/** Share of cash spent on missiles: "up to a third" to "about half" (S57); UN ≈ 40 % of WMD funding (S13). */
export const MISSILE_SHARE: Range = {
  low: 0.3,
  high: 0.5,
  source: '"up to a third" to "about half" of the weapons programme from cyber theft (US deputy NSA Neuberger, S57; UN Panel ≈ 40 %, S13)',
};

/** 2022's whole missile bill: $340–530 M for 63 missiles (S55). */
export const MISSILE_BILL_2022_USD = 530_000_000;
