// Runs inside the batch benchmark's child process: one batch as `cashout batch` runs it
// (fresh workers), then its wall time and peak memory. It imports only what `cashout batch`
// does, so the memory is the batch's own. Then the same runs again on a pool whose workers
// have already played (started and warmed up by the JIT), to separate the workers' fixed
// start-up cost from how the work itself spreads over the cores.
import { runBatch, WorkerPool } from '../cli/pool.ts';
import { batchSeeds } from '../engine/batch.ts';
import { HISTORICAL_24, load } from './scenarios.ts';

const secondsSince = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e9;

export async function batchChild(runs: number, workers: number): Promise<void> {
  const s = await load(HISTORICAL_24);
  const policy = s.policies.historical!;
  const seeds = batchSeeds(runs);
  const t0 = process.hrtime.bigint();
  await runBatch(s, { historical: policy }, seeds, workers, () => {});
  const seconds = secondsSince(t0);
  const maxRssMb = process.resourceUsage().maxRSS / 1024;

  const pool = new WorkerPool(s, workers);
  try {
    await pool.run([policy], seeds);
    const t1 = process.hrtime.bigint();
    await pool.run([policy], seeds);
    const warmSeconds = secondsSince(t1);
    process.stdout.write(JSON.stringify({ seconds, maxRssMb, warmSeconds }));
  } finally {
    await pool.close();
  }
}
