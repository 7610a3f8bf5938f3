// Worker thread for `cashout batch` and `cashout balance`: plays the policy it is sent on
// the seeds it is sent, and reports the outcomes back.
import { parentPort, workerData } from 'node:worker_threads';
import { evaluatePolicy } from '../engine/balance/evaluate.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';

export interface WorkerInit {
  scenario: Scenario;
}
export interface WorkerJob {
  /** Index of the job in the pool's queue; the reply carries it back. */
  id: number;
  policy: PolicyDef;
  seeds: string[];
}

const init = workerData as WorkerInit;
parentPort!.on('message', (job: WorkerJob) => {
  parentPort!.postMessage({ id: job.id, outcomes: evaluatePolicy(init.scenario, job.policy, job.seeds) });
});
