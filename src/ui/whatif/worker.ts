// The what-if worker: many seeded runs of the rest of a game, off the page's thread so
// that editing a plan never waits for them. Work goes in chunks; between chunks the worker
// yields to its message queue, so a newer request (or a cancel) stops stale work at once.

import type { PreviewOutcome, ScheduleRun } from '../../engine/preview.ts';
import { previewRuns, scheduleRun } from '../../engine/preview.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ScenarioRef, WhatIfRequest, WhatIfResponse } from './protocol.ts';

/** Runs between two looks at the message queue: about 10 ms of work. */
const CHUNK = 16;

const scenarios = new Map<number, Scenario>();
/** The runs under the plan kept, for the request that computed them last (it rarely changes within a turn). */
let kept: { key: string; runs: PreviewOutcome[] } | null = null;
/** Id of the newest request; older ones stop at their next chunk. */
let newest = 0;

const post = (m: WhatIfResponse) => (self as unknown as Worker).postMessage(m);

// A MessageChannel round trip yields to pending messages without setTimeout's clamping.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToMessages = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

function scenarioOf(ref: ScenarioRef): Scenario {
  if (ref.scenario) scenarios.set(ref.key, ref.scenario);
  const s = scenarios.get(ref.key);
  if (!s) throw new Error(`the what-if worker was not sent scenario ${ref.key}`);
  return s;
}

const levelsKey = (levels: Record<string, number>) =>
  Object.keys(levels)
    .sort()
    .map((k) => `${k}=${levels[k]}`)
    .join(',');

/** Runs `work` over `items` in chunks; null when a newer request arrived meanwhile. */
async function chunked<T, R>(id: number, items: readonly T[], work: (part: readonly T[]) => R[], offset: number, total: number): Promise<R[] | null> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += CHUNK) {
    await yieldToMessages();
    if (newest !== id) return null;
    out.push(...work(items.slice(i, i + CHUNK)));
    post({ type: 'progress', id, done: offset + Math.min(items.length, i + CHUNK), total });
  }
  return out;
}

async function handle(req: Exclude<WhatIfRequest, { type: 'cancel' }>): Promise<void> {
  switch (req.type) {
    case 'preview': {
      const scenario = scenarioOf(req.scenario);
      const { state, seeds } = req;
      const keepKey = `${req.scenario.key}|${state.seed}|${state.turn}|${state.turnsTotal}|${levelsKey(req.keep)}|${seeds.join(',')}`;
      const same = levelsKey(req.plan) === levelsKey(req.keep);
      const needKeep = kept?.key !== keepKey;
      const total = (needKeep ? seeds.length : 0) + (same ? 0 : seeds.length);
      let done = 0;
      if (needKeep) {
        const runs = await chunked(req.id, seeds, (part) => previewRuns(scenario, state, req.keep, part), 0, total);
        if (!runs) return;
        kept = { key: keepKey, runs };
        done = runs.length;
      }
      const keepRuns = kept!.runs;
      const planRuns = same ? keepRuns : await chunked(req.id, seeds, (part) => previewRuns(scenario, state, req.plan, part), done, total);
      if (!planRuns) return;
      post({ type: 'preview', id: req.id, plan: planRuns, keep: keepRuns });
      return;
    }
    case 'fan': {
      const scenario = scenarioOf(req.scenario);
      const total = req.schedules.length * req.seeds.length;
      const runs: ScheduleRun[][] = [];
      for (const [k, schedule] of req.schedules.entries()) {
        const r = await chunked(req.id, req.seeds, (part) => part.map((seed) => scheduleRun(scenario, schedule, seed)), k * req.seeds.length, total);
        if (!r) return;
        runs.push(r);
      }
      post({ type: 'fan', id: req.id, runs });
      return;
    }
    default: {
      const never: never = req;
      throw new Error(`unknown what-if request ${JSON.stringify(never)}`);
    }
  }
}

self.onmessage = (ev: MessageEvent<WhatIfRequest>) => {
  const req = ev.data;
  newest = Math.max(newest, req.id);
  if (req.type === 'cancel') return;
  handle(req).catch((err: unknown) => post({ type: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) }));
};
