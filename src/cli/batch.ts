import { aggregate, BATCH_METRICS, type BatchMetric, batchSeeds, type PolicyStats } from '../engine/batch.ts';
import { pointValues } from '../engine/uncertainty.ts';
import { loadPolicyFile } from '../io/policy-file.ts';
import { money, table } from '../report/format.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { batchHtml } from './batch-html.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import { defaultWorkers, runBatch } from './pool.ts';
import { Progress } from './progress.ts';

export const METRIC_LABELS: Record<BatchMetric, string> = {
  stolenUsd: 'Stolen',
  frozenUsd: 'Frozen',
  cashedOutUsd: 'Cashed out',
  missileSpendUsd: 'Missile spending',
  launches: 'Launches',
  collateral: 'Collateral harm',
  escalation: 'Escalation',
  cryptoShare: 'Crypto share of missile money',
  heists: 'Successful heists',
};

export function formatMetric(m: BatchMetric, v: number): string {
  if (m === 'cryptoShare') return `${(v * 100).toFixed(1)} %`;
  return m.endsWith('Usd') ? money(v) : Number.isInteger(v) ? String(v) : v.toFixed(1);
}

async function policiesFor(scenario: Scenario, specs: string[], io: Io): Promise<Record<string, PolicyDef> | null> {
  const names = specs.length ? specs : Object.keys(scenario.policies);
  const out: Record<string, PolicyDef> = {};
  for (const spec of names) {
    const named = scenario.policies[spec];
    if (named) {
      out[spec] = named;
      continue;
    }
    if (!/\.(ya?ml|json)$/i.test(spec))
      throw new UsageError(`"${spec}" is not a policy of "${scenario.id}" (${Object.keys(scenario.policies).join(', ')}) nor a .yaml/.json policy file.`);
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
    'point-values': { type: 'boolean' },
  });
  const file = values.scenario ?? positionals[0];
  if (!file) throw new UsageError('name the scenario: cashout batch --scenario s.yaml --runs 1000 --policy none');
  const runs = Number(values.runs ?? 1000);
  if (!Number.isInteger(runs) || runs < 1 || runs > 1_000_000) throw new UsageError('--runs is a whole number from 1 to 1000000');
  const workers = values.workers === undefined ? defaultWorkers() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new UsageError('--workers is a whole number from 1 to 256');
  const base = Number(values['seed-base'] ?? 1);
  if (!Number.isInteger(base)) throw new UsageError('--seed-base is a whole number');

  const loaded = await loadScenarioFile(file);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d));
    return EXIT.invalid;
  }
  // --point-values plays every ranged figure at its value; otherwise the same seeds are
  // also played at point values, so the report can show luck alone beside luck and
  // parameter uncertainty together.
  const pointOnly = Boolean(values['point-values']);
  const scenario = pointOnly ? pointValues(loaded.value) : loaded.value;
  const policies = await policiesFor(scenario, values.policy ?? [], io);
  if (!policies) return EXIT.invalid;

  const seeds = batchSeeds(runs, base);
  const progress = new Progress('batch', io.err, Boolean(process.stderr.isTTY) && !values.json);
  const started = process.hrtime.bigint();
  const phases = pointOnly ? 1 : 2;
  const results = await runBatch(scenario, policies, seeds, workers, (d, t) => progress.update(d, phases * t));
  const luck = pointOnly
    ? null
    : await runBatch(pointValues(scenario), policies, seeds, workers, (d, t) => progress.update(t + d, 2 * t));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const stats = Object.entries(results).map(([name, outcomes]) => aggregate(scenario, name, outcomes));
  const luckStats = luck ? Object.entries(luck).map(([name, outcomes]) => aggregate(scenario, name, outcomes)) : null;
  const meta = {
    scenario: scenario.id,
    title: scenario.title,
    runs,
    seeds: { from: base, to: base + runs - 1 },
    workers,
    parameters: scenario.uncertainty.parameters,
  };

  if (values.html) {
    await io.writeFile(values.html, batchHtml(scenario, meta, stats, results));
    io.err(`wrote ${values.html}`);
  }
  if (values.json)
    io.out(
      JSON.stringify(
        { ...meta, policies: stats.map((s, i) => (luckStats ? { ...s, luckOnly: { metrics: luckStats[i]!.metrics } } : s)) },
        null,
        2,
      ),
    );
  else io.out(readable(scenario, meta, stats, luckStats, seconds));
  return EXIT.ok;
}

function readable(
  scenario: Scenario,
  meta: { runs: number; seeds: { from: number; to: number }; workers: number; parameters: string },
  stats: PolicyStats[],
  luck: PolicyStats[] | null,
  seconds: number,
): string {
  const lines = [
    `${scenario.title}: ${meta.runs} runs per policy, seeds ${meta.seeds.from}–${meta.seeds.to} (the same seeds for every policy), ${meta.workers} worker${meta.workers === 1 ? '' : 's'}, ${seconds.toFixed(1)} s`,
    meta.parameters === 'point'
      ? 'Every ranged figure at its point value: the spread is luck alone.'
      : 'p5–p95 with luck and parameter uncertainty together (each run draws the ranged figures); the last column replays the same seeds with every figure at its point value: luck alone.',
  ];
  stats.forEach((s, i) => {
    const l = luck?.[i];
    lines.push('', `Policy "${s.policy}"`);
    lines.push(
      table(
        ['Outcome', 'p5', 'median', 'p95', ...(l ? ['p5–p95, luck alone'] : [])],
        BATCH_METRICS.map((m) => [
          METRIC_LABELS[m],
          formatMetric(m, s.metrics[m].p5),
          formatMetric(m, s.metrics[m].p50),
          formatMetric(m, s.metrics[m].p95),
          ...(l ? [`${formatMetric(m, l.metrics[m].p5)} – ${formatMetric(m, l.metrics[m].p95)}`] : []),
        ]),
        ['left', 'right', 'right', 'right', ...(l ? (['right'] as const) : [])],
      ),
    );
    lines.push('Objectives met:');
    for (const o of s.objectives) lines.push(`  ${(o.metRate * 100).toFixed(1).padStart(5)} %  ${o.text}`);
  });
  return lines.join('\n');
}
