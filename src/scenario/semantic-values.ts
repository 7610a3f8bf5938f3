// Numbers that pass the schema one by one but not together (a median above the maximum),
// and gaps that make a scenario dull rather than broken (warnings).
import type { FigureDef, Scenario } from './schema.ts';
import type { Reporter } from './semantic-report.ts';

/** Money in US dollars for comparisons only (the engine does its own exact conversion). */
function usd(f: FigureDef, s: Scenario): number {
  return f.currency === 'JPY' ? f.value / s.currency.usdJpy.value : f.value;
}

export function checkValues(s: Scenario, r: Reporter): void {
  const rate = s.currency.usdJpy.value;
  if (rate <= 0) r.error(['currency', 'usdJpy', 'value'], `the yen rate must be above 0 (it converts every yen amount), got ${rate}`);

  s.laundering.stages.forEach((stage, i) => {
    stage.channels.forEach((ch, j) => {
      const pred = ch.successor ? stage.channels.find((x) => x.id === ch.successor!.of) : undefined;
      if (pred && ch.haircut + ch.baseFreeze < pred.haircut + pred.baseFreeze)
        r.warn(
          ['laundering', 'stages', i, 'channels', j, 'haircut'],
          `the successor "${ch.id}" costs launderers less (fee + base freeze) than "${pred.id}", which it replaces, so sanctioning "${pred.id}" would help them; give the successor a haircut of at least ${pred.haircut + pred.baseFreeze - ch.baseFreeze}`,
        );
    });
  });

  if (rate > 0)
    s.sectors.forEach((sector, i) => {
      const { median, max } = sector.heist;
      if (usd(median, s) > usd(max, s))
        r.error(
          ['sectors', i, 'heist', 'median'],
          `the median heist is larger than the largest plausible heist (max); lower median or raise max`,
        );
    });

  (s.calibration ?? []).forEach((c, i) => {
    const [low, high] = c.band;
    if (low > high) r.error(['calibration', i, 'band'], `the band is [low, high], but ${low} is above ${high}; swap them`);
  });

  if (s.missiles.every((m) => m.preference === 0))
    r.warn(['missiles'], 'every missile type has preference 0, so the adversary never buys missiles; give at least one a preference above 0', 'key');

  const defended = new Set(s.levers.flatMap((l) => l.effects.flatMap((e) => (e.type === 'defense' ? [e.sector] : []))));
  s.sectors.forEach((sector, i) => {
    if (!defended.has(sector.id) && !defended.has('all'))
      r.warn(
        ['sectors', i, 'id'],
        `no lever defends sector "${sector.id}", so players cannot harden it; add a lever with an effect { type: defense, sector: ${sector.id} } if they should`,
      );
  });

  s.roles.forEach((role, i) => {
    if (!s.levers.some((l) => l.role === role.id))
      r.warn(['roles', i, 'id'], `role "${role.id}" owns no levers, so its player has nothing to decide; give it a lever or remove it`);
  });
}
