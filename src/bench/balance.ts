// 6. The exploit finder: `cashout balance` at its default settings on each shipped
// scenario, each in a fresh process (peak memory is that run's own, all worker threads
// included). The target is the promise in the README: a few minutes on 2 cores.
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { runBalanceCommand } from '../cli/balance.ts';
import { SCENARIOS_DIR } from './scenarios.ts';

const BENCH_BIN = fileURLToPath(new URL('../../bin/bench.js', import.meta.url));

export const BALANCE_SCENARIOS = [
  'tutorial.yaml',
  '2022-year-of-missiles.yaml',
  '2019-2020-exchange-era.yaml',
  'defence-espionage.yaml',
  '2023-2025-wallets-bridges.yaml',
];

export interface BalanceBench {
  scenario: string;
  turns: number;
  seconds: number;
  /** CPU time of the whole process, all worker threads included: the cost on an idle machine. */
  cpuSeconds: number;
  maxRssMb: number;
  games: number;
  candidates: number;
  balancedAllMet: number | null;
  beats: number;
}

/** Runs in the child process: one default balance, then its figures as JSON on stdout. */
export async function balanceChild(file: string): Promise<void> {
  let out = '';
  const t0 = process.hrtime.bigint();
  const code = await runBalanceCommand([fileURLToPath(new URL(file, SCENARIOS_DIR)), '--json'], {
    out: (t) => {
      out += t;
    },
    err: () => {},
    writeFile: async () => {},
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (code !== 0) throw new Error(`balance ${file} exited ${code}`);
  const r = JSON.parse(out);
  const games =
    r.history.reduce((a: number, g: { played: number }) => a + g.played, 0) * r.settings.searchSeeds.count +
    (r.best.length + r.scenarioPolicies.length + r.strategies.length) * r.settings.checkSeeds.count;
  const result: BalanceBench = {
    scenario: r.scenario.id,
    turns: r.scenario.turns,
    seconds,
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    games,
    candidates: r.candidatesPlayed,
    balancedAllMet: r.balanced ? r.balanced.evaluation.allMetRate : null,
    beats: r.verdict.beats.length,
  };
  process.stdout.write(JSON.stringify(result));
}

export function balanceBench(log: (s: string) => void): { cores: number; runs: BalanceBench[] } {
  const runs = BALANCE_SCENARIOS.map((file) => {
    log(`bench: balance ${file}…`);
    const r = spawnSync(process.execPath, [BENCH_BIN, '--child-balance', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`balance child failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as BalanceBench;
  });
  return { cores: availableParallelism(), runs };
}
