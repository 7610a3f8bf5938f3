import { aggregate, BATCH_METRICS, type BatchMetric, batchSeeds, type PolicyStats } from '../engine/batch.ts';
import { loadPolicyFile } from '../io/policy-file.ts';
import { money, table } from '../report/format.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { batchHtml } from './batch-html.ts';
import { EXIT, InputError, type Io, UsageError } from './io.ts';
import { policyNames, scenarioPolicy } from './names.ts';
import { parseSeedBase, parseWorkers } from './options.ts';
import { checkOutputPath } from './outputs.ts';
import { runBatch } from './pool.ts';
import { Progress } from './progress.ts';

export const METRIC_LABELS: Record<BatchMetric, string> = {
  stolenUsd: 'Stolen',
  frozenUsd: 'Frozen',
  cashedOutUsd: 'Cashed out',
  missileSpendUsd: 'Missile spending',
  launches: 'Launches',
  collateral: 'Collateral harm',
  escalation: 'Escalation',
};

export function formatMetric(m: BatchMetric, v: number): string {
  return m.endsWith('Usd') ? money(v) : Number.isInteger(v) ? String(v) : v.toFixed(1);
}

async function policiesFor(scenario: Scenario, specs: string[], io: Io): Promise<Record<string, PolicyDef> | null> {
  const names = specs.length ? specs : Object.keys(scenario.policies);
  const out: Record<string, PolicyDef> = {};
  for (const spec of names) {
    const named = scenarioPolicy(scenario, spec);
    if (named) {
      out[spec] = named;
      continue;
    }
    if (!/\.(ya?ml|json)$/i.test(spec))
      throw new InputError(`"${spec}" is not a policy of "${scenario.id}" (${policyNames(scenario)}) nor a .yaml/.json policy file.`);
    const r = await loadPolicyFile(spec, scenario);
    if (!r.ok) {
      for (const d of r.errors) io.err(formatDiagnostic(d));
      return null;
    }
    out[spec] = r.value;
  }
  return out;
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
  });
  const file = values.scenario ?? positionals[0];
  if (!file) throw new UsageError('name the scenario: cashout batch --scenario s.yaml --runs 1000 --policy none');
  const runs = Number(values.runs ?? 1000);
  if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) throw new UsageError('--runs is a whole number from 1 to 1000000');
  const { workers, note } = parseWorkers(values.workers);
  if (note) io.err(note);
  const base = parseSeedBase(values['seed-base'], runs);
  if (values.html) checkOutputPath(values.html, '--html', [file, ...(values.policy ?? [])]);

  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d));
    return EXIT.invalid;
  }
  const scenario = loaded.value;
  const policies = await policiesFor(scenario, values.policy ?? [], io);
  if (!policies) return EXIT.invalid;

  const seeds = batchSeeds(runs, base);
  const progress = new Progress('batch', io.err, Boolean(process.stderr.isTTY) && !values.json);
  const started = process.hrtime.bigint();
  const results = await runBatch(scenario, policies, seeds, workers, (d, t) => progress.update(d, t));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stats = Object.entries(results).map(([name, outcomes]) => aggregate(scenario, name, outcomes));
  const meta = { scenario: scenario.id, title: scenario.title, runs, seeds: { from: base, to: base + runs - 1 }, workers };

  if (values.html) {
    await io.writeFile(values.html, batchHtml(scenario, meta, stats, results));
    io.err(`wrote ${values.html}`);
  }
  if (values.json) io.out(JSON.stringify({ ...meta, policies: stats }, null, 2));
  else io.out(readable(scenario, meta, stats, seconds));
  return EXIT.ok;
}

function readable(
  scenario: Scenario,
  meta: { runs: number; seeds: { from: number; to: number }; workers: number },
  stats: PolicyStats[],
  seconds: number,
): string {
  const lines = [
    `${scenario.title}: ${meta.runs} runs per policy, seeds ${meta.seeds.from}–${meta.seeds.to} (the same seeds for every policy), ${meta.workers} worker${meta.workers === 1 ? '' : 's'}, ${seconds.toFixed(1)} s`,
  ];
  for (const s of stats) {
    lines.push('', `Policy "${s.policy}"`);
    lines.push(
      table(
        ['Outcome', 'p5', 'median', 'p95'],
        BATCH_METRICS.map((m) => [
          METRIC_LABELS[m],
          formatMetric(m, s.metrics[m].p5),
          formatMetric(m, s.metrics[m].p50),
          formatMetric(m, s.metrics[m].p95),
        ]),
        ['left', 'right', 'right', 'right'],
      ),
    );
    lines.push('Objectives met:');
    for (const o of s.objectives) lines.push(`  ${(o.metRate * 100).toFixed(1).padStart(5)} %  ${o.text}`);
  }
  return lines.join('\n');
}
