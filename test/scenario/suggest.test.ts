import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, listOf } from '../../src/scenario/suggest.ts';

describe('suggestions', () => {
  it('measures edit distance', () => {
    expect(editDistance('defence', 'defense')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('suggests a close match and nothing for an unrelated word', () => {
    expect(didYouMean('sanction', ['sanctions', 'defence'])).toBe(' (did you mean "sanctions"?)');
    expect(didYouMean('weather', ['start', 'turns'])).toBe('');
  });

  it('offers both candidates when two are equally close', () => {
    expect(didYouMean('irbm', ['srbm', 'icbm'])).toBe(' (did you mean "srbm" or "icbm"?)');
  });

  it('shortens long lists', () => {
    expect(listOf(['a', 'b'])).toBe('a, b');
    expect(listOf(['a', 'b', 'c'], 2)).toBe('a, b, … (3 in all)');
    expect(listOf([])).toBe('(none defined)');
  });
});
