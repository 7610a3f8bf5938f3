import { describe, expect, it } from 'vitest';
import { winnableVerdict } from '../../../src/engine/balance/winnable.ts';

describe('winnable verdict', () => {
  it('counts policies meeting all objectives in more than half the runs', () => {
    const v = winnableVerdict([
      { policy: 'none', allMetRate: 0 },
      { policy: 'tough', allMetRate: 0.78 },
      { policy: 'historical', allMetRate: 0.5 },
      { policy: 'smart', allMetRate: 0.6 },
    ]);
    expect(v.winnable).toBe(true);
    expect(v.winners).toEqual(['tough', 'smart']);
    expect(v.sentence).toBe('Winnable: 2 of 4 policies meet all objectives in more than half the runs (best: "tough", 78.0 %).');
  });

  it('says plainly when no policy tried wins, and what to do', () => {
    const v = winnableVerdict([{ policy: 'none', allMetRate: 0.1 }]);
    expect(v.winnable).toBe(false);
    expect(v.sentence).toMatch(/^Not shown winnable: the policy does not meet all objectives .*best: "none", 10\.0 %.*cashout balance/);
  });

  it('does not crown a "best" policy that never meets all objectives', () => {
    const v = winnableVerdict([
      { policy: 'none', allMetRate: 0 },
      { policy: 'tough', allMetRate: 0 },
    ]);
    expect(v.sentence).toMatch(/^Not shown winnable: none of the 2 policies meets all objectives in more than half the runs; none does in any run\./);
  });
});
