// Runs batch jobs on worker threads (or in-process for --workers 1), reporting progress.
// Results are stored by (policy, seed index), so the output is the same for any number of
// workers and any completion order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type RunOutcome, runOutcome } from '../engine/batch.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import type { WorkerJob } from './batch-worker.ts';
import { workerUrl } from './worker-url.ts';

const WORKER_URL = workerUrl('batch-worker');
const CHUNK = 100;
/**
 * A batch keeps little (a few numbers per run), but V8 lets an idle-limit heap grow far
 * beyond that before collecting; a cap keeps each worker's memory flat.
 */
const WORKER_HEAP = { maxOldGenerationSizeMb: 48, maxYoungGenerationSizeMb: 16 };

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

export async function runBatch(
  scenario: Scenario,
  policies: Record<string, PolicyDef>,
  seeds: string[],
  workers: number,
  onProgress: (done: number, total: number) => void,
): Promise<Record<string, RunOutcome[]>> {
  const names = Object.keys(policies);
  const results: Record<string, RunOutcome[]> = {};
  for (const n of names) results[n] = new Array<RunOutcome>(seeds.length);
  const jobs: WorkerJob[] = [];
  for (const policy of names)
    for (let start = 0; start < seeds.length; start += CHUNK)
      jobs.push({ policy, start, seeds: seeds.slice(start, start + CHUNK) });
  const total = names.length * seeds.length;
  let done = 0;
  const store = (job: { policy: string; start: number; outcomes: RunOutcome[] }) => {
    job.outcomes.forEach((o, i) => {
      results[job.policy]![job.start + i] = o;
    });
    done += job.outcomes.length;
    onProgress(done, total);
  };

  if (workers <= 1) {
    for (const job of jobs) {
      store({ ...job, outcomes: job.seeds.map((s) => runOutcome(scenario, policies[job.policy]!, s)) });
      await new Promise((r) => setImmediate(r)); // let the progress bar draw
    }
    return results;
  }

  let next = 0;
  const pool = Array.from({ length: Math.min(workers, jobs.length) }, () => {
    const w = new Worker(WORKER_URL, { workerData: { scenario, policies }, resourceLimits: WORKER_HEAP });
    return new Promise<void>((resolve, reject) => {
      const feed = () => {
        const job = jobs[next++];
        if (job) w.postMessage(job);
        else {
          w.postMessage(null);
        }
      };
      w.on('message', (msg: { policy: string; start: number; outcomes: RunOutcome[] }) => {
        store(msg);
        feed();
      });
      w.on('error', reject);
      w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a batch worker stopped with code ${code}`))));
      feed();
    });
  });
  await Promise.all(pool);
  return results;
}
