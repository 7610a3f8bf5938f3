// `cashout balance SCENARIO`: the exploit finder. A cross-entropy search over lever
// schedules within the role budgets, every candidate on the same seeds, on worker threads;
// then the best policies, the scenario's own and the classic degenerate strategies on
// other seeds, and a plain answer: does any trick beat the best balanced policy?
import { stringify } from 'yaml';
import { type BalanceReport, runBalance } from '../engine/balance/run.ts';
import { batchSeeds } from '../engine/batch.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { balanceHtml } from './balance-html.ts';
import { balanceText } from './balance-text.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import { parseWorkers } from './options.ts';
import { outputProblem } from './output-path.ts';
import { WorkerPool } from './pool.ts';
import { Progress } from './progress.ts';

/** Defaults sized for a few minutes on 2 cores for the longest shipped scenario (36 turns). */
export const BALANCE_DEFAULTS = {
  generations: 20,
  population: 40,
  runs: 48,
  checkRuns: 400,
  phases: 6,
  seed: '1',
} as const;

/** Check seeds start here, far from the search seeds, so the final round is not tuned to them. */
export const CHECK_SEED_BASE = 100_001;

function whole(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) throw new UsageError(`${flag} is a whole number from ${min} to ${max}`);
  return v;
}

export async function runBalanceCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    scenario: { type: 'string', short: 's' },
    generations: { type: 'string', short: 'g' },
    population: { type: 'string' },
    runs: { type: 'string', short: 'n' },
    'check-runs': { type: 'string' },
    phases: { type: 'string' },
    workers: { type: 'string', short: 'w' },
    seed: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    'policy-out': { type: 'string' },
    strict: { type: 'boolean' },
  });
  const file = values.scenario ?? positionals[0];
  if (!file) throw new UsageError('name the scenario: cashout balance scenarios/2022-year-of-missiles.yaml');
  if (positionals.length > (values.scenario ? 0 : 1))
    throw new UsageError(`balance takes one scenario; unexpected "${positionals[values.scenario ? 0 : 1]}"`);
  const generations = whole('--generations', values.generations, BALANCE_DEFAULTS.generations, 1, 1000);
  const population = whole('--population', values.population, BALANCE_DEFAULTS.population, 4, 1000);
  const runs = whole('--runs', values.runs, BALANCE_DEFAULTS.runs, 1, 10_000);
  const checkRuns = whole('--check-runs', values['check-runs'], BALANCE_DEFAULTS.checkRuns, 1, 100_000);
  const phases = whole('--phases', values.phases, BALANCE_DEFAULTS.phases, 1, 240);
  // As in batch: at most the cores available.
  const { workers, note } = parseWorkers(values.workers);
  if (note) io.err(note);
  const seed = values.seed ?? BALANCE_DEFAULTS.seed;
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(seed)) throw new UsageError('--seed is 1 to 64 letters, digits, ".", "_" or "-" (e.g. --seed 7)');
  for (const [flag, path] of [
    ['--out', values.out],
    ['--policy-out', values['policy-out']],
  ] as const) {
    const problem = path === undefined ? null : outputProblem(flag, path, [file]);
    if (problem) {
      io.err(`cashout balance: ${problem}`);
      return EXIT.invalid;
    }
  }

  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d));
    return EXIT.invalid;
  }
  const scenario = loaded.value;
  const progress = new Progress('balance', io.err, Boolean(process.stderr.isTTY) && !values.json);
  const started = process.hrtime.bigint();
  const pool = new WorkerPool(scenario, workers);
  let report: BalanceReport;
  try {
    report = await runBalance(
      scenario,
      (policies, seeds, onRuns) => pool.run(policies, seeds, onRuns),
      {
        generations,
        population,
        phases,
        seed,
        searchSeeds: batchSeeds(runs),
        checkSeeds: batchSeeds(checkRuns, CHECK_SEED_BASE),
      },
      { onProgress: (done, total) => progress.update(done, total) },
    );
  } finally {
    await pool.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;

  if (values.out) {
    await io.writeFile(values.out, balanceHtml(scenario, report, { workers, seconds }));
    io.err(`wrote ${values.out}`);
  }
  if (values['policy-out']) {
    if (report.balanced) {
      await io.writeFile(values['policy-out'], policyFile(scenario, report, seed));
      io.err(`wrote ${values['policy-out']} (the best balanced policy; play it with --policy ${values['policy-out']})`);
    } else io.err(`cashout balance: no balanced policy was found, so ${values['policy-out']} was not written`);
  }
  if (values.json) io.out(JSON.stringify({ ...report, workers, seconds: Math.round(seconds * 10) / 10 }, null, 2));
  else io.out(balanceText(scenario, report, { workers, seconds }));
  return values.strict && report.verdict.beats.length > 0 ? EXIT.invalid : EXIT.ok;
}

function policyFile(scenario: Scenario, report: BalanceReport, seed: string): string {
  const b = report.balanced!;
  const description =
    `Best balanced policy found by "cashout balance --seed ${seed}" for ${scenario.id}: meets all objectives in ${(b.evaluation.allMetRate * 100).toFixed(1)} % of ${b.evaluation.runs} check runs.`.slice(
      0,
      1000,
    );
  return `# Written by cashout balance for scenario ${scenario.id}. Play it with: cashout sim --scenario <file> --policy <this file>\n${stringify({ description, turns: b.policy.turns })}`;
}
