// The page's side of the what-if workers: a small pool (one worker per core, at most
// WORKERS_MAX: the page itself is idle while they run), each request's seeds split between them and the answers put back in seed
// order, so the result is the same for any number of workers. Requests are numbered:
// only the newest answer is delivered, and progress is reported as it comes. Nothing here
// runs a game: if no worker can start, callers say so and the plan can still be committed.
import type { PreviewOutcome, ScheduleRun } from '../../engine/preview.ts';
import type { GameState } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ScenarioRef, WhatIfRequest, WhatIfResponse } from './protocol.ts';

export interface Listener<T> {
  progress?(done: number, total: number): void;
  done(result: T): void;
  error(message: string): void;
}

export type WorkerFactory = () => Worker;

/** Two workers keep a two-core laptop's page responsive while halving the wait; more add little. */
export const WORKERS_MAX = 2;

const defaultFactory: WorkerFactory = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cashout-what-if' });

/** How many workers: one per core, at least one, at most WORKERS_MAX. */
export function poolSize(cores: number | undefined): number {
  return Math.max(1, Math.min(WORKERS_MAX, cores ?? 2));
}

type Part = { done: number; total: number; answer: WhatIfResponse | null };

interface Pending {
  id: number;
  kind: 'preview' | 'fan';
  listener: Listener<unknown>;
  started: number;
  parts: Part[];
}

interface Member {
  worker: Worker;
  /** Scenario keys this worker has been sent. */
  sent: Set<number>;
}

/** Split `items` into `n` contiguous parts (earlier parts one longer when it does not divide). */
export function splitEven<T>(items: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const size = Math.floor(items.length / n) + (i < items.length % n ? 1 : 0);
    out.push(items.slice(at, at + size));
    at += size;
  }
  return out.filter((p) => p.length > 0);
}

export class WhatIfClient {
  private pool: Member[] | null = null;
  private failed: string | null = null;
  private nextId = 1;
  private pending: Pending | null = null;
  private readonly keys = new WeakMap<Scenario, number>();
  private nextKey = 1;

  constructor(
    private readonly factory: WorkerFactory = defaultFactory,
    private readonly size = poolSize(typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency),
  ) {}

  /** Why previews are unavailable, or null. */
  get problem(): string | null {
    return this.failed;
  }

  preview(
    scenario: Scenario,
    state: GameState,
    plan: Record<string, number>,
    keep: Record<string, number>,
    seeds: string[],
    listener: Listener<{ plan: PreviewOutcome[]; keep: PreviewOutcome[] }>,
  ): void {
    this.request('preview', listener as Listener<unknown>, seeds, (id, ref, part) => ({ type: 'preview', id, scenario: ref(scenario), state, plan, keep, seeds: part }));
  }

  fan(scenario: Scenario, schedules: Record<string, number>[][], seeds: string[], listener: Listener<ScheduleRun[][]>): void {
    this.request('fan', listener as Listener<unknown>, seeds, (id, ref, part) => ({ type: 'fan', id, scenario: ref(scenario), schedules, seeds: part }));
  }

  /** Drop the request in flight: its answer will not be delivered. */
  cancel(): void {
    if (!this.pending) return;
    this.pending = null;
    const id = this.nextId++;
    for (const m of this.pool ?? []) m.worker.postMessage({ type: 'cancel', id } satisfies WhatIfRequest);
  }

  destroy(): void {
    this.pending = null;
    for (const m of this.pool ?? []) m.worker.terminate();
    this.pool = null;
  }

  private request(
    kind: Pending['kind'],
    listener: Listener<unknown>,
    seeds: string[],
    build: (id: number, ref: (s: Scenario) => ScenarioRef, part: string[]) => WhatIfRequest,
  ): void {
    const pool = this.ensurePool();
    if (!pool) {
      listener.error(this.failed ?? 'The preview could not start.');
      return;
    }
    const id = this.nextId++;
    const parts = splitEven(seeds, pool.length);
    this.pending = { id, kind, listener, started: performance.now(), parts: parts.map((p) => ({ done: 0, total: p.length, answer: null })) };
    parts.forEach((part, i) => {
      const member = pool[i]!;
      const ref = (s: Scenario): ScenarioRef => {
        let key = this.keys.get(s);
        if (key === undefined) {
          key = this.nextKey++;
          this.keys.set(s, key);
        }
        if (member.sent.has(key)) return { key };
        member.sent.add(key);
        return { key, scenario: s };
      };
      member.worker.postMessage(build(id, ref, part));
    });
    // Workers not given a part this time still drop whatever they were doing.
    for (const m of pool.slice(parts.length)) m.worker.postMessage({ type: 'cancel', id } satisfies WhatIfRequest);
  }

  private ensurePool(): Member[] | null {
    if (this.pool || this.failed) return this.pool;
    const pool: Member[] = [];
    try {
      for (let i = 0; i < this.size; i++) {
        const worker = this.factory();
        const index = i;
        worker.onmessage = (ev: MessageEvent<WhatIfResponse>) => this.receive(index, ev.data);
        worker.onerror = (ev) => {
          ev.preventDefault();
          this.fail(`the preview worker stopped (${ev.message || 'it could not load'})`);
        };
        pool.push({ worker, sent: new Set() });
      }
    } catch (err) {
      for (const m of pool) m.worker.terminate();
      this.failed = `this browser cannot run the preview in the background (${err instanceof Error ? err.message : String(err)})`;
      return null;
    }
    this.pool = pool;
    return pool;
  }

  private fail(message: string): void {
    this.failed = message;
    const p = this.pending;
    this.destroy();
    p?.listener.error(message);
  }

  private receive(index: number, m: WhatIfResponse): void {
    const p = this.pending;
    if (!p || m.id !== p.id) return; // an answer to a request since replaced
    const part = p.parts[index];
    if (!part) return;
    switch (m.type) {
      case 'progress': {
        // A worker counts its kept-plan runs too: scale its count to its share of seeds.
        part.done = Math.min(part.total, Math.round((m.done / Math.max(1, m.total)) * part.total));
        const done = p.parts.reduce((a, x) => a + x.done, 0);
        const total = p.parts.reduce((a, x) => a + x.total, 0);
        p.listener.progress?.(done, total);
        return;
      }
      case 'preview':
      case 'fan': {
        part.answer = m;
        part.done = part.total;
        if (p.parts.some((x) => !x.answer)) return;
        this.pending = null;
        // Measured for `npm run bench` (the page benchmark reads these entries).
        performance.measure(`cashout:${m.type}`, { start: p.started, end: performance.now() });
        p.listener.done(merge(p.parts.map((x) => x.answer!)));
        return;
      }
      case 'error':
        this.pending = null;
        p.listener.error(m.message);
        return;
      default: {
        const never: never = m;
        throw new Error(`unknown what-if answer ${JSON.stringify(never)}`);
      }
    }
  }
}

/** The parts' answers, in seed order (parts are contiguous runs of the seed list). */
function merge(answers: WhatIfResponse[]): unknown {
  const first = answers[0]!;
  if (first.type === 'preview') {
    const all = answers as Extract<WhatIfResponse, { type: 'preview' }>[];
    return { plan: all.flatMap((a) => a.plan), keep: all.flatMap((a) => a.keep) };
  }
  const all = answers as Extract<WhatIfResponse, { type: 'fan' }>[];
  return all[0]!.runs.map((_, k) => all.flatMap((a) => a.runs[k]!));
}

/** One client for the page: the workers and their cached scenario outlive screens. */
let shared: WhatIfClient | null = null;
export function whatIf(): WhatIfClient {
  shared ??= new WhatIfClient();
  return shared;
}
