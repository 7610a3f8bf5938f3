// Plays policies on seeds on worker threads (or in-process for one worker), reporting
// progress. Results are stored by (policy, seed index), so the output is the same for any
// number of workers and any completion order. The pool stays up between calls, so the
// balance search pays the workers' start-up once, not once per generation.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { evaluatePolicy } from '../engine/balance/evaluate.ts';
import type { RunOutcome } from '../engine/batch.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import type { WorkerJob } from './batch-worker.ts';
import { workerUrl } from './worker-url.ts';

const WORKER_URL = workerUrl('batch-worker');
/** Seeds per message: large enough to amortise messaging, small enough to balance load. */
const CHUNK = 100;
/**
 * A batch keeps little (a few numbers per run), but V8 lets an idle-limit heap grow far
 * beyond that before collecting; a cap keeps each worker's memory flat.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 };

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

interface Pending {
  job: WorkerJob;
  policy: number;
  start: number;
}

export class WorkerPool {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly scenario: Scenario,
    readonly size: number,
  ) {}

  /**
   * Plays every policy on every seed; `onRuns(n)` after each finished chunk of n games.
   * Chunks are cut from `chunk` seeds (smaller chunks spread few policies over workers).
   */
  async run(
    policies: readonly PolicyDef[],
    seeds: readonly string[],
    onRuns: (n: number) => void = () => {},
    chunk = CHUNK,
  ): Promise<RunOutcome[][]> {
    const results = policies.map(() => new Array<RunOutcome>(seeds.length));
    const queue: Pending[] = [];
    policies.forEach((policy, p) => {
      for (let start = 0; start < seeds.length; start += chunk)
        queue.push({ policy: p, start, job: { id: queue.length, policy, seeds: seeds.slice(start, start + chunk) } });
    });
    const store = (pending: Pending, outcomes: RunOutcome[]) => {
      outcomes.forEach((o, i) => {
        results[pending.policy]![pending.start + i] = o;
      });
      onRuns(outcomes.length);
    };

    if (this.size <= 1) {
      for (const pending of queue) {
        store(pending, evaluatePolicy(this.scenario, pending.job.policy, pending.job.seeds));
        await new Promise((r) => setImmediate(r)); // let the progress bar draw
      }
      return results;
    }

    this.start(Math.min(this.size, queue.length));
    let next = 0;
    const drive = (w: Worker) =>
      new Promise<void>((resolve, reject) => {
        const finish = (error?: Error) => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
          if (error) reject(error);
          else resolve();
        };
        const feed = () => {
          const pending = queue[next++];
          if (pending) w.postMessage(pending.job);
          else finish();
        };
        const onMessage = (msg: { id: number; outcomes: RunOutcome[] }) => {
          store(queue[msg.id]!, msg.outcomes);
          feed();
        };
        const onError = (e: Error) => finish(e);
        const onExit = (code: number) => finish(new Error(`a batch worker stopped with code ${code}`));
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        feed();
      });
    await Promise.all(this.workers.map(drive));
    return results;
  }

  private start(count: number): void {
    while (this.workers.length < count)
      this.workers.push(new Worker(WORKER_URL, { workerData: { scenario: this.scenario }, resourceLimits: WORKER_HEAP }));
  }

  /** Stops the workers (idle between runs, so nothing is lost). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers.length = 0;
  }
}

/** One batch: every named policy on every seed, on a pool that lives for this call. */
export async function runBatch(
  scenario: Scenario,
  policies: Record<string, PolicyDef>,
  seeds: string[],
  workers: number,
  onProgress: (done: number, total: number) => void,
): Promise<Record<string, RunOutcome[]>> {
  const names = Object.keys(policies);
  const total = names.length * seeds.length;
  let done = 0;
  const pool = new WorkerPool(scenario, workers);
  try {
    const outcomes = await pool.run(
      names.map((n) => policies[n]!),
      seeds,
      (n) => {
        done += n;
        onProgress(done, total);
      },
    );
    return Object.fromEntries(names.map((n, i) => [n, outcomes[i]!]));
  } finally {
    await pool.close();
  }
}
