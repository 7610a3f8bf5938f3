// 2. Batch scaling: `batch --runs 10000` on 1 worker and on all cores, each in a fresh
// process so peak memory is that run's own (maxRSS covers all worker threads). Beside it,
// the machine's own ceiling: the same single-threaded games in one process alone, then in
// two processes at once. Two cores that share caches, memory bandwidth and a clock budget
// do not double the work, and no worker pool can beat what two independent processes get.
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { median } from './timing.ts';

const BENCH_BIN = fileURLToPath(new URL('../../bin/bench.js', import.meta.url));

function child(runs: number, workers: number): { seconds: number; maxRssMb: number; warmSeconds: number } {
  const r = spawnSync(process.execPath, [BENCH_BIN, '--child-batch', String(runs), String(workers)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`batch child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** ms per game of `games` bare games in a fresh process (after its own warm-up). */
function ceilingChild(games: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [BENCH_BIN, '--child-ceiling', String(games)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`ceiling child exited with ${code}`))));
  });
}

export async function batchScaling(runs = 10_000) {
  const cores = availableParallelism();
  const one = child(runs, 1);
  const all = child(runs, cores);
  // Alone, then `cores` at once; five rounds, medians.
  const alone: number[] = [];
  const together: number[] = [];
  for (let round = 0; round < 5; round++) {
    alone.push(await ceilingChild(3000));
    const each = await Promise.all(Array.from({ length: cores }, () => ceilingChild(3000)));
    together.push(each.reduce((a, b) => a + b, 0) / each.length);
  }
  const ceiling = (cores * median(alone)) / median(together);
  return { runs, cores, one, all, speedup: one.seconds / all.seconds, warmSpeedup: one.warmSeconds / all.warmSeconds, ceiling, aloneMs: median(alone), togetherMs: median(together) };
}
