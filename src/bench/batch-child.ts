// Runs inside the batch benchmark's child process: one batch, then its wall time and peak
// memory. It imports only what `cashout batch` does, so the memory is the batch's own.
import { runBatch } from '../cli/pool.ts';
import { batchSeeds } from '../engine/batch.ts';
import { HISTORICAL_24, load } from './scenarios.ts';

export async function batchChild(runs: number, workers: number): Promise<void> {
  const s = await load(HISTORICAL_24);
  const t0 = process.hrtime.bigint();
  await runBatch(s, { historical: s.policies.historical! }, batchSeeds(runs), workers, () => {});
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  process.stdout.write(JSON.stringify({ seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
