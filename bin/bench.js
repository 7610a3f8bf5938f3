#!/usr/bin/env node
// `npm run bench`: measures the engine, batch runs, replays, scale and the page, and
// writes BENCHMARKS.md. Like bin/cashout.cjs it compiles the TypeScript on load.
import { register } from 'tsx/esm/api';

register();
if (process.argv[2] === '--child-batch') {
  // The batch benchmark's child: load only the batch code, so its memory is the batch's.
  const { batchChild } = await import('../src/bench/batch-child.ts');
  await batchChild(Number(process.argv[3]), Number(process.argv[4]));
} else if (process.argv[2] === '--child-ceiling') {
  const { ceilingChild } = await import('../src/bench/ceiling-child.ts');
  await ceilingChild(Number(process.argv[3]));
} else if (process.argv[2] === '--child-balance') {
  const { balanceChild } = await import('../src/bench/balance.ts');
  await balanceChild(process.argv[3]);
} else {
  const { main } = await import('../src/bench/main.ts');
  process.exitCode = await main(process.argv.slice(2));
}
