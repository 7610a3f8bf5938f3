// The page's side of the what-if worker: one worker per page, requests numbered so that
// only the newest answer is delivered, progress reported as it comes. Nothing here runs
// a game: if the worker cannot start, callers say so and the plan can still be committed.
import type { PreviewOutcome, ScheduleRun } from '../../engine/preview.ts';
import type { GameState } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { ScenarioRef, WhatIfRequest, WhatIfResponse } from './protocol.ts';

export interface Listener<T> {
  progress?(done: number, total: number): void;
  done(result: T): void;
  error(message: string): void;
}

type Pending = { id: number; kind: 'preview' | 'fan'; listener: Listener<unknown>; started: number };

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'cashout-what-if' });

export class WhatIfClient {
  private worker: Worker | null = null;
  private failed: string | null = null;
  private nextId = 1;
  private pending: Pending | null = null;
  private readonly keys = new WeakMap<Scenario, number>();
  private readonly sent = new Set<number>();
  private nextKey = 1;

  constructor(private readonly factory: WorkerFactory = defaultFactory) {}

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
    this.request('preview', listener as Listener<unknown>, (id, ref) => ({ type: 'preview', id, scenario: ref(scenario), state, plan, keep, seeds }));
  }

  fan(scenario: Scenario, schedules: Record<string, number>[][], seeds: string[], listener: Listener<ScheduleRun[][]>): void {
    this.request('fan', listener as Listener<unknown>, (id, ref) => ({ type: 'fan', id, scenario: ref(scenario), schedules, seeds }));
  }

  /** Drop the request in flight: its answer will not be delivered. */
  cancel(): void {
    if (!this.pending) return;
    this.pending = null;
    this.worker?.postMessage({ type: 'cancel', id: this.nextId++ } satisfies WhatIfRequest);
  }

  destroy(): void {
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private request(kind: Pending['kind'], listener: Listener<unknown>, build: (id: number, ref: (s: Scenario) => ScenarioRef) => WhatIfRequest): void {
    const worker = this.ensureWorker();
    if (!worker) {
      listener.error(this.failed ?? 'The preview could not start.');
      return;
    }
    const id = this.nextId++;
    const ref = (s: Scenario): ScenarioRef => {
      let key = this.keys.get(s);
      if (key === undefined) {
        key = this.nextKey++;
        this.keys.set(s, key);
      }
      if (this.sent.has(key)) return { key };
      this.sent.add(key);
      return { key, scenario: s };
    };
    this.pending = { id, kind, listener, started: performance.now() };
    worker.postMessage(build(id, ref));
  }

  private ensureWorker(): Worker | null {
    if (this.worker || this.failed) return this.worker;
    try {
      const w = this.factory();
      w.onmessage = (ev: MessageEvent<WhatIfResponse>) => this.receive(ev.data);
      w.onerror = (ev) => {
        ev.preventDefault();
        this.fail(`the preview worker stopped (${ev.message || 'it could not load'})`);
      };
      this.worker = w;
    } catch (err) {
      this.failed = `this browser cannot run the preview in the background (${err instanceof Error ? err.message : String(err)})`;
    }
    return this.worker;
  }

  private fail(message: string): void {
    this.failed = message;
    const p = this.pending;
    this.pending = null;
    this.worker?.terminate();
    this.worker = null;
    p?.listener.error(message);
  }

  private receive(m: WhatIfResponse): void {
    const p = this.pending;
    if (!p || m.id !== p.id) return; // an answer to a request since replaced
    switch (m.type) {
      case 'progress':
        p.listener.progress?.(m.done, m.total);
        return;
      case 'preview':
      case 'fan':
        this.pending = null;
        // Measured for `npm run bench` (the page benchmark reads these entries).
        performance.measure(`cashout:${m.type}`, { start: p.started, end: performance.now() });
        p.listener.done(m.type === 'preview' ? { plan: m.plan, keep: m.keep } : m.runs);
        return;
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

/** One client for the page: the worker and its cached scenario outlive screens. */
let shared: WhatIfClient | null = null;
export function whatIf(): WhatIfClient {
  shared ??= new WhatIfClient();
  return shared;
}
