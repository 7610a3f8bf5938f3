// 6. Command-line start: how long `cashout` takes to start against a bare `node -e 0`.
// Runs are interleaved (node, help, check, …) so that load on the machine hits all alike.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './timing.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const COMMANDS: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'cashout help': ['bin/cashout.cjs', 'help'],
  // Usage errors: each loads its command's module and dependencies, then stops before any work.
  'cashout check (no file)': ['bin/cashout.cjs', 'check'],
  'cashout sim (no scenario)': ['bin/cashout.cjs', 'sim'],
};

export function cliStart(rounds = 15) {
  const times: Record<string, number[]> = {};
  for (const k of Object.keys(COMMANDS)) times[k] = [];
  for (let r = 0; r < rounds; r++)
    for (const [name, args] of Object.entries(COMMANDS)) {
      const t0 = performance.now();
      spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
      times[name]!.push(performance.now() - t0);
    }
  const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const base = medians['node -e 0']!;
  return { rounds, medians, ratios: Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, v / base])) };
}
