// `cashout batch`: many seeded runs per policy, and a report that answers "is my scenario
// winnable, and which lever matters?": the all-objectives rate per policy, a plain verdict,
// a one-lever-at-a-time sensitivity table, text / JSON / HTML, and one row per run.
import { winnableVerdict } from '../engine/balance/winnable.ts';
import { aggregate, type BatchMetric, batchSeeds, type RunOutcome } from '../engine/batch.ts';
import type { Spread } from '../engine/stats.ts';
import { pointValues } from '../engine/uncertainty.ts';
import { loadPolicyFile } from '../io/policy-file.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { batchHtml } from './batch-html.ts';
import { runSensitivity, type SensitivityReport, sensitivityGames } from './batch-sensitivity.ts';
import { batchText } from './batch-text.ts';
import { EXIT, InputError, type Io, UsageError } from './io.ts';
import { writeJsonLines } from './jsonl.ts';
import { parseSeedBase, parseWorkers } from './options.ts';
import { outputProblem } from './output-path.ts';
import { WorkerPool } from './pool.ts';
import { Progress } from './progress.ts';

export { formatMetric, METRIC_LABELS } from '../report/batch-metrics.ts';

/** Seeds the sensitivity table uses by default: enough to rank levers, cheap next to the batch. */
export const DEFAULT_SENSITIVITY_RUNS = 200;

/** Resolves policy names or files; returns null (after printing why) when a file is bad. */
export async function policiesFor(scenario: Scenario, specs: string[], io: Io): Promise<Record<string, PolicyDef> | null> {
  const names = specs.length ? specs : Object.keys(scenario.policies);
  const out: Record<string, PolicyDef> = {};
  for (const spec of names) {
    const named = Object.hasOwn(scenario.policies, spec) ? scenario.policies[spec] : undefined;
    if (named) {
      out[spec] = named;
      continue;
    }
    if (!/\.(ya?ml|json)$/i.test(spec))
      throw new InputError(`"${spec}" is not a policy of "${scenario.id}" (${Object.keys(scenario.policies).join(', ')}) nor a .yaml/.json policy file.`);
    const r = await loadPolicyFile(spec, scenario);
    if (!r.ok) {
      for (const d of r.errors) io.err(formatDiagnostic(d));
      return null;
    }
    out[spec] = r.value;
  }
  return out;
}

function wholeNumber(flag: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  const v = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(v) || v < min || v > max) throw new UsageError(`${flag} is a whole number from ${min} to ${max}`);
  return v;
}

export async function runBatchCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    scenario: { type: 'string', short: 's' },
    runs: { type: 'string', short: 'n' },
    policy: { type: 'string', short: 'p', multiple: true },
    workers: { type: 'string', short: 'w' },
    'seed-base': { type: 'string' },
    json: { type: 'boolean' },
    html: { type: 'string' },
    'runs-out': { type: 'string' },
    base: { type: 'string' },
    'sensitivity-runs': { type: 'string' },
    'point-values': { type: 'boolean' },
  });
  const file = values.scenario ?? positionals[0];
  if (!file) throw new UsageError('name the scenario: cashout batch --scenario s.yaml --runs 1000 --policy none');
  const runs = wholeNumber('--runs', values.runs, 1000, 1, 1_000_000);
  // Shared with the other commands: workers capped at the cores, seeds that stay distinct.
  const { workers, note } = parseWorkers(values.workers);
  if (note) io.err(note);
  const base = parseSeedBase(values['seed-base'], runs);
  const sensitivityRuns = Math.min(runs, wholeNumber('--sensitivity-runs', values['sensitivity-runs'], DEFAULT_SENSITIVITY_RUNS, 0, 1_000_000));
  const inputs = [file, ...(values.policy ?? []), ...(values.base ? [values.base] : [])];
  for (const [flag, path] of [
    ['--html', values.html],
    ['--runs-out', values['runs-out']],
  ] as const) {
    const problem = path === undefined ? null : outputProblem(flag, path, inputs);
    if (problem) {
      io.err(`cashout batch: ${problem}`);
      return EXIT.invalid;
    }
  }

  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d));
    return EXIT.invalid;
  }
  // --point-values plays every ranged figure at its value; otherwise the same seeds are
  // also played at point values, so the report shows the spread from luck alone beside
  // the spread from luck and parameter uncertainty together.
  const pointOnly = Boolean(values['point-values']);
  const scenario = pointOnly ? pointValues(loaded.value) : loaded.value;
  const policies = await policiesFor(scenario, values.policy ?? [], io);
  if (!policies) return EXIT.invalid;
  const baseName = values.base ?? (Object.hasOwn(scenario.policies, 'none') ? 'none' : Object.keys(policies)[0]!);
  const basePolicies = sensitivityRuns > 0 ? await policiesFor(scenario, [baseName], io) : {};
  if (!basePolicies) return EXIT.invalid;
  const basePolicy = basePolicies[baseName];

  const seeds = batchSeeds(runs, base);
  const sensitivitySeeds = seeds.slice(0, sensitivityRuns);
  const baseIsPlayed = Object.hasOwn(policies, baseName);
  const total =
    Object.keys(policies).length * runs * (pointOnly ? 1 : 2) +
    (basePolicy ? sensitivityGames(scenario, basePolicy, sensitivityRuns, baseIsPlayed) : 0);
  const progress = new Progress('batch', io.err, Boolean(process.stderr.isTTY) && !values.json);
  let done = 0;
  const onRuns = (n: number) => {
    done += n;
    progress.update(done, total);
  };
  const started = process.hrtime.bigint();
  const pool = new WorkerPool(scenario, workers);
  let results: Record<string, RunOutcome[]>;
  let sensitivity: SensitivityReport | null = null;
  try {
    const names = Object.keys(policies);
    const played = await pool.run(
      names.map((n) => policies[n]!),
      seeds,
      onRuns,
    );
    results = Object.fromEntries(names.map((n, i) => [n, played[i]!]));
    if (basePolicy)
      sensitivity = await runSensitivity(
        scenario,
        pool,
        { name: baseName, policy: basePolicy, ...(baseIsPlayed ? { outcomes: results[baseName]! } : {}) },
        sensitivitySeeds,
        onRuns,
      );
  } finally {
    await pool.close();
  }
  let luck: Record<string, RunOutcome[]> | null = null;
  if (!pointOnly) {
    const pointPool = new WorkerPool(pointValues(scenario), workers);
    try {
      const names = Object.keys(policies);
      const played = await pointPool.run(
        names.map((n) => policies[n]!),
        seeds,
        onRuns,
      );
      luck = Object.fromEntries(names.map((n, i) => [n, played[i]!]));
    } finally {
      await pointPool.close();
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stats = Object.entries(results).map(([name, outcomes]) => {
    const all = aggregate(scenario, name, outcomes, policies[name]!.description);
    return luck ? { ...all, luckOnly: { metrics: aggregate(scenario, name, luck[name]!, '').metrics } } : all;
  });
  const verdict = winnableVerdict(stats);
  const meta = {
    scenario: scenario.id,
    title: scenario.title,
    runs,
    seeds: { from: base, to: base + runs - 1 },
    workers,
    parameters: scenario.uncertainty.parameters,
  };
  const report = { ...meta, verdict, policies: stats, sensitivity };

  if (values.html) {
    await io.writeFile(values.html, batchHtml(scenario, report, results));
    io.err(`wrote ${values.html}`);
  }
  if (values['runs-out']) {
    await writeJsonLines(values['runs-out'], runRows(scenario, results));
    io.err(`wrote ${values['runs-out']} (${Object.keys(results).length * runs} rows, one per run)`);
  }
  if (values.json) io.out(JSON.stringify(report, null, 2));
  else io.out(batchText(scenario, report, seconds));
  return EXIT.ok;
}

export type BatchReport = {
  scenario: string;
  title: string;
  runs: number;
  seeds: { from: number; to: number };
  workers: number;
  /** drawn: each run drew the ranged figures; point: every figure at its value. */
  parameters: 'drawn' | 'point';
  verdict: ReturnType<typeof winnableVerdict>;
  /** With drawn parameters, luckOnly replays the same seeds at point values: the spread from luck alone. */
  policies: (ReturnType<typeof aggregate> & { luckOnly?: { metrics: Record<BatchMetric, Spread> } })[];
  sensitivity: SensitivityReport | null;
};

/** One row per run, for people who analyse the batch themselves. */
function* runRows(scenario: Scenario, results: Record<string, RunOutcome[]>) {
  for (const [policy, outcomes] of Object.entries(results))
    for (const o of outcomes)
      yield {
        policy,
        seed: o.seed,
        allObjectivesMet: o.met.every(Boolean),
        objectives: Object.fromEntries(scenario.objectives.map((obj, i) => [obj.id, o.met[i] ?? false])),
        metrics: o.metrics,
      };
}
