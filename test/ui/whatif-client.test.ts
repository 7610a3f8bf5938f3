// The what-if client splits a request's seeds between its workers and puts the answers
// back in seed order, so the result does not depend on how many workers there are; only
// the newest request's answer is delivered.
import { describe, expect, it } from 'vitest';
import { initialState } from '../../src/engine/state.ts';
import { poolSize, splitEven, WhatIfClient } from '../../src/ui/whatif/client.ts';
import type { WhatIfRequest, WhatIfResponse } from '../../src/ui/whatif/protocol.ts';
import { mini } from '../fixtures/mini.ts';

/** A stand-in worker that answers each preview with one outcome per seed, tagged by the seed. */
function fakeWorkers(log: WhatIfRequest[]) {
  return () => {
    const w = {
      onmessage: null as ((ev: MessageEvent<WhatIfResponse>) => void) | null,
      onerror: null,
      terminate() {},
      postMessage(req: WhatIfRequest) {
        log.push(req);
        if (req.type !== 'preview') return;
        const out = (tag: string) => req.seeds.map((seed) => ({ seed, metrics: { tag } as never, met: [] }));
        queueMicrotask(() => w.onmessage?.({ data: { type: 'preview', id: req.id, plan: out('plan'), keep: out('keep') } } as unknown as MessageEvent<WhatIfResponse>));
      },
    };
    return w as unknown as Worker;
  };
}

describe('the what-if client', () => {
  it('splits seeds into contiguous, nearly equal parts', () => {
    expect(splitEven([1, 2, 3, 4, 5], 2)).toEqual([[1, 2, 3], [4, 5]]);
    expect(splitEven([1], 2)).toEqual([[1]]);
    expect(poolSize(8)).toBe(2);
    expect(poolSize(1)).toBe(1);
    expect(poolSize(undefined)).toBe(2);
  });

  it('asks each worker for its part and answers in seed order; a newer request wins', async () => {
    const log: WhatIfRequest[] = [];
    const client = new WhatIfClient(fakeWorkers(log), 2);
    const seeds = ['a', 'b', 'c', 'd', 'e'];
    const state = initialState(mini, 's');
    const answers: string[][] = [];
    const listener = { done: (r: { plan: { seed: string }[] }) => answers.push(r.plan.map((x) => x.seed)), error: (m: string) => answers.push([m]) };
    client.preview(mini, state, {}, {}, seeds, listener);
    client.preview(mini, state, {}, {}, seeds, listener); // replaces the first before any answer
    await new Promise((r) => setTimeout(r, 0));
    expect(answers).toEqual([seeds]);
    const asked = log.filter((r): r is Extract<WhatIfRequest, { type: 'preview' }> => r.type === 'preview');
    expect(asked.map((r) => r.seeds)).toEqual([['a', 'b', 'c'], ['d', 'e'], ['a', 'b', 'c'], ['d', 'e']]);
    // The scenario is sent once per worker, then named by its key.
    expect(asked.map((r) => r.scenario.scenario !== undefined)).toEqual([true, true, false, false]);
  });
});
