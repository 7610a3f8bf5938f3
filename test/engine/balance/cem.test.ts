import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { initialCem, PROBABILITY_FLOOR, sampleSchedule, updateCem } from '../../../src/engine/balance/cem.ts';
import { withinBudgets } from '../../../src/engine/balance/levels.ts';
import { phaseStarts, scheduleLevels, scheduleToPolicy } from '../../../src/engine/balance/schedule.ts';
import { openStream } from '../../../src/engine/rng.ts';
import { parsePolicyText } from '../../../src/io/policy-load.ts';
import { mini, twoSectors } from './fixtures.ts';

describe('phases', () => {
  it('cuts the game into near-equal phases, never more than turns', () => {
    expect(phaseStarts(36, 6)).toEqual([1, 7, 13, 19, 25, 31]);
    expect(phaseStarts(12, 5)).toEqual([1, 3, 5, 8, 10]);
    expect(phaseStarts(6, 10)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(phaseStarts(6, 1)).toEqual([1]);
  });
});

describe('cross-entropy sampling', () => {
  it('every sampled schedule keeps every role within its budget in every phase, and the rules accept it', () => {
    for (const s of [mini, twoSectors]) {
      const cem = initialCem(s, phaseStarts(6, 3));
      const stream = openStream('t', 1, 'cem');
      for (let i = 0; i < 200; i++) {
        const schedule = sampleSchedule(s, cem, stream);
        for (let p = 0; p < schedule.starts.length; p++) expect(withinBudgets(s, scheduleLevels(s, schedule, p))).toBe(true);
        if (i % 40 === 0) {
          const file = stringify(scheduleToPolicy(s, schedule, 'sampled'));
          expect(parsePolicyText(file, 'p.yaml', s).ok).toBe(true);
        }
      }
    }
  });

  it('is reproducible from the stream and differs between streams', () => {
    const cem = initialCem(mini, phaseStarts(6, 6));
    const draw = (seed: string) => {
      const stream = openStream(seed, 1, 'cem');
      return Array.from({ length: 5 }, () => sampleSchedule(mini, cem, stream));
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('moves the distributions towards the elites, keeping a floor on every level', () => {
    const cem = initialCem(mini, [1]);
    const elite = { starts: [1], levels: [[3, 0, 2]] };
    let next = cem;
    for (let i = 0; i < 10; i++) next = updateCem(next, [elite], 0.7);
    const mixers = next.probs[0]![0]!;
    expect(mixers[3]).toBeGreaterThan(0.9);
    expect(Math.min(...mixers)).toBeGreaterThanOrEqual(PROBABILITY_FLOOR / 1.1);
    expect(mixers.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // An elite that cannot be sampled more often than always: sampling now mostly gives it.
    const stream = openStream('x', 1, 'cem');
    const draws = Array.from({ length: 100 }, () => sampleSchedule(mini, next, stream).levels[0]![0]);
    expect(draws.filter((l) => l === 3).length).toBeGreaterThan(70);
  });
});
