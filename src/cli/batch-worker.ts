// Worker thread for `cashout batch`: runs the seeds it is sent and reports back.
import { parentPort, workerData } from 'node:worker_threads';
import { runOutcome } from '../engine/batch.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';

export interface WorkerInit {
  scenario: Scenario;
  policies: Record<string, PolicyDef>;
}
export interface WorkerJob {
  policy: string;
  start: number;
  seeds: string[];
}

const init = workerData as WorkerInit;
parentPort!.on('message', (job: WorkerJob | null) => {
  if (job === null) {
    process.exit(0);
  }
  const outcomes = job.seeds.map((seed) => runOutcome(init.scenario, init.policies[job.policy]!, seed));
  parentPort!.postMessage({ policy: job.policy, start: job.start, outcomes });
});
