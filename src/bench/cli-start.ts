// 6. Command-line start: how long `cashout` takes to start against a bare `node -e 0`.
// Runs are interleaved (node, help, check, …) so that load on the machine hits all alike.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { median } from './timing.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CASHOUT = 'bin/cashout.cjs';

/** Starts: each usage error loads its command's module and dependencies, then stops before any work. */
const STARTS: Record<string, string[]> = {
  'node -e 0': ['-e', '0'],
  'cashout help': [CASHOUT, 'help'],
  'cashout new (no file)': [CASHOUT, 'new'],
  'cashout check (no file)': [CASHOUT, 'check'],
  'cashout sim (no scenario)': [CASHOUT, 'sim'],
  'cashout replay (no subcommand)': [CASHOUT, 'replay'],
  'cashout report (no run)': [CASHOUT, 'report'],
  'cashout batch (no scenario)': [CASHOUT, 'batch'],
  'cashout balance (no scenario)': [CASHOUT, 'balance'],
  // Without arguments these two do real work (calibrate the shipped scenarios, print the schema).
  'cashout calibrate --no-such-option': [CASHOUT, 'calibrate', '--no-such-option'],
  'cashout schema --no-such-option': [CASHOUT, 'schema', '--no-such-option'],
  'cashout bots (no server)': [CASHOUT, 'bots'],
};

/** A whole command with real work, for scale: start plus reading and checking a 34 KB scenario. */
export const WORK_ROWS: Record<string, string[]> = {
  'cashout check scenarios/tutorial.yaml': [CASHOUT, 'check', 'scenarios/tutorial.yaml'],
};

export function cliStart(rounds = 15) {
  const commands = { ...STARTS, ...WORK_ROWS };
  const times: Record<string, number[]> = {};
  for (const k of Object.keys(commands)) times[k] = [];
  for (let r = 0; r < rounds; r++)
    for (const [name, args] of Object.entries(commands)) {
      const t0 = performance.now();
      spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
      times[name]!.push(performance.now() - t0);
    }
  const medians = Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
  const base = medians['node -e 0']!;
  return { rounds, medians, ratios: Object.fromEntries(Object.entries(medians).map(([k, v]) => [k, v / base])) };
}
