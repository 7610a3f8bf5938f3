// 2. Batch scaling: `batch --runs 10000` on 1 worker and on all cores, each in a fresh
// process so peak memory is that run's own (maxRSS covers all worker threads).
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const BENCH_BIN = fileURLToPath(new URL('../../bin/bench.js', import.meta.url));

function child(runs: number, workers: number): { seconds: number; maxRssMb: number } {
  const r = spawnSync(process.execPath, [BENCH_BIN, '--child-batch', String(runs), String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`batch child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

export function batchScaling(runs = 10_000) {
  const cores = availableParallelism();
  const one = child(runs, 1);
  const all = child(runs, cores);
  return { runs, cores, one, all, speedup: one.seconds / all.seconds };
}
