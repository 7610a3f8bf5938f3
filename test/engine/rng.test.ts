import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { openStream, openStreamFromSeed, type Stream, seedHash, streamSeed, TurnStreams } from '../../src/engine/rng.ts';

const take = (n: number, s: Stream) => Array.from({ length: n }, () => s.next());

describe('openStream', () => {
  it('pins the first three draws for seed "42", turn 1, purpose "attempt:exchanges"', () => {
    const s = openStream('42', 1, 'attempt:exchanges');
    expect(take(3, s)).toEqual([0.056140874745324254, 0.9605143710505217, 0.7924061426892877]);
  });

  it('replays the same sequence for the same (seed, turn, purpose)', () => {
    const a = openStream('seed', 3, 'size:bridges');
    const b = openStream('seed', 3, 'size:bridges');
    expect(take(20, a)).toEqual(take(20, b));
  });

  it.each([
    ['purpose', openStream('42', 1, 'attempt:bridges')],
    ['turn', openStream('42', 2, 'attempt:exchanges')],
    ['seed', openStream('43', 1, 'attempt:exchanges')],
  ])('gives a different sequence for a different %s', (_, other) => {
    const base = openStream('42', 1, 'attempt:exchanges');
    expect(take(5, other)).not.toEqual(take(5, base));
  });

  it('draws uniform numbers in [0, 1)', () => {
    const s = openStream('x', 1, 'p');
    for (const u of take(2000, s)) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  it('counts its draws', () => {
    const s = openStream('x', 1, 'p');
    take(7, s);
    expect(s.draws).toBe(7);
  });

  it('is seedrandom’s tychei bit for bit, for every kind of 53-bit seed', () => {
    const tychei = seedrandom.tychei as unknown as (seed: number) => () => number;
    for (const g of [0, 1, 0xffffffff, 0x100000000, 2 ** 53 - 1, 123_456_789_012_345, streamSeed(seedHash('42'), 7, 'ops')]) {
      const ours = openStreamFromSeed(g);
      const theirs = tychei(g);
      for (let i = 0; i < 50; i++) expect(ours.next()).toBe(theirs());
    }
  });

  it('keys cannot collide by shifting text between seed and purpose', () => {
    expect(streamSeed(seedHash('4'), 21, 'x')).not.toBe(streamSeed(seedHash('42'), 1, 'x'));
  });
});

describe('TurnStreams', () => {
  it('returns the same stream object for a purpose, so draws continue rather than restart', () => {
    const ts = new TurnStreams('42', 1);
    const first = ts.get('attempt:exchanges');
    first.next();
    const again = ts.get('attempt:exchanges');
    expect(again).toBe(first);
    expect(again.next()).toBe(0.9605143710505217);
    expect(again.draws).toBe(2);
  });

  it('keeps purposes independent: draws from one do not shift another', () => {
    const ts = new TurnStreams('42', 4);
    take(10, ts.get('launch:srbm'));
    expect(ts.get('event:crash').next()).toBe(openStream('42', 4, 'event:crash').next());
  });

  it('uses its seed and turn as the stream key', () => {
    const ts = new TurnStreams('s', 9);
    expect(take(3, ts.get('p'))).toEqual(take(3, openStream('s', 9, 'p')));
  });
});
