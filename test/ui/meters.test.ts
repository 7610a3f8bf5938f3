// Where a meter's bar and limit go, and when an objective reads as over or reached.
import { describe, expect, it } from 'vitest';
import { meterScale } from '../../src/ui/dom/meters.ts';

describe('objective meter scale', () => {
  it('a limit ("at most"): the limit mark at the end until the value passes it, then the bar is full', () => {
    expect(meterScale({ op: '<=', target: 100 }, 25)).toEqual({ max: 100, fill: 0.25, limit: 1, state: 'ok' });
    expect(meterScale({ op: '<=', target: 100 }, 85).state).toBe('near');
    const over = meterScale({ op: '<=', target: 100 }, 200);
    expect(over).toEqual({ max: 200, fill: 1, limit: 0.5, state: 'over' });
  });

  it('a goal ("at least"): progress towards it, reached at the target', () => {
    expect(meterScale({ op: '>=', target: 50 }, 10)).toMatchObject({ fill: 0.2, state: 'ok' });
    expect(meterScale({ op: '>=', target: 50 }, 50).state).toBe('reached');
  });

  it('a zero target never divides by zero', () => {
    const s = meterScale({ op: '<=', target: 0 }, 0);
    expect(Number.isFinite(s.fill) && Number.isFinite(s.limit)).toBe(true);
  });
});
