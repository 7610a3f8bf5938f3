// The calibration check: under the "historical" policy, over a fixed set of seeds, the
// median of every calibrated total stays inside the band its scenario states. Wide bands
// on purpose: this guards the model against drifting away from history, it is not a fit.
import { describe, expect, it } from 'vitest';
import type { PlayedRun } from '../../src/engine/autoplay.ts';
import { measure } from '../../src/engine/measure.ts';
import { spread } from '../../src/engine/stats.ts';
import { playRun } from '../../src/engine/uncertainty.ts';
import type { MetricName, Scenario } from '../../src/scenario/schema.ts';
import { calibrated, scenarioOf, shipped } from './shipped.ts';

const SEEDS = Array.from({ length: 60 }, (_, i) => String(i + 1));

const cache = new Map<string, PlayedRun[]>();
function outcomes(s: Scenario, policy: string): PlayedRun[] {
  const key = `${s.id}/${policy}`;
  let runs = cache.get(key);
  if (!runs) {
    const def = s.policies[policy];
    if (!def) throw new Error(`${s.id} has no policy "${policy}"`);
    runs = SEEDS.map((seed) => playRun(s, def, seed));
    cache.set(key, runs);
  }
  return runs;
}
const median = (s: Scenario, policy: string, m: MetricName, year?: number) =>
  spread(outcomes(s, policy).map((o) => measure(o.state, o.reports, m, year))).p50;

describe.each(calibrated.map((s) => [s.name, s] as const))('%s', (_name, shippedScenario) => {
  const s = scenarioOf(shippedScenario);

  it.each((s.calibration ?? []).map((c) => [`${c.metric}${c.year ? ` in ${c.year}` : ''}`, c] as const))(
    'historical-policy median of %s is inside the stated band',
    (_label, c) => {
      const m = median(s, 'historical', c.metric, c.year);
      const [low, high] = c.band;
      expect(m, `median ${m} outside [${low}, ${high}]`).toBeGreaterThanOrEqual(low);
      expect(m, `median ${m} outside [${low}, ${high}]`).toBeLessThanOrEqual(high);
    },
  );
});

describe('policies pull the way they should', () => {
  const withTough = shipped.map((x) => scenarioOf(x)).filter((s) => s.policies.tough);

  it.each(withTough.map((s) => [s.id, s] as const))('%s: "tough" lets less cash reach the regime than "none"', (_id, s) => {
    expect(median(s, 'tough', 'cashedOutUsd')).toBeLessThan(median(s, 'none', 'cashedOutUsd'));
  });

  it('defence-espionage: postures on the technology sectors lower launches against "none"', () => {
    const s = scenarioOf(shipped.find((x) => x.scenario?.id === 'defence-espionage')!);
    const techSectors = s.sectors.filter((x) => x.yields === 'technology').map((x) => x.id);
    expect(techSectors.length).toBeGreaterThanOrEqual(2);
    // The comparison policy adds only postures: defences of the technology sectors, or of every sector at once.
    const policy = s.policies['industry-posture']!;
    const none = s.policies.none!.turns['1'] ?? {};
    for (const [lever, level] of Object.entries(policy.turns['1'] ?? {})) {
      if (none[lever] === level) continue;
      const def = s.levers.find((l) => l.id === lever)!;
      for (const e of def.effects) expect(e.type === 'defense' && (e.sector === 'all' || techSectors.includes(e.sector)), `${lever}`).toBe(true);
    }
    expect(median(s, 'industry-posture', 'launches')).toBeLessThan(median(s, 'none', 'launches'));
  });
});
