// `cashout calibrate`: plays each historical scenario's "historical" policy over a fixed
// set of seeds and sets the simulated totals beside the documented ones, with their
// sources, in a Markdown report: printed, or written where --out says (the project's
// docs/calibration.md is regenerated with `--out docs/calibration.md`). Everything in the
// report comes from the scenario files and the seeds, so it can be regenerated at will:
// the notes that explain a miss live in each calibration entry's `documented.note`.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { simulatePolicy } from '../engine/autoplay.ts';
import { BATCH_METRICS, type BatchMetric, batchSeeds } from '../engine/batch.ts';
import { toUsd } from '../engine/money.ts';
import { type Spread, spread } from '../engine/stats.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { money } from '../report/format.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { FigureDef, MetricName, Scenario, SourceDef } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import { checkOutputPath } from './outputs.ts';

export const DEFAULT_RUNS = 200;
/** Where the project keeps its calibration report; written only when --out names it. */
export const PROJECT_REPORT = 'docs/calibration.md';
export const SCENARIO_DIR = 'scenarios';

const LABELS: Record<MetricName, string> = {
  stolenUsd: 'Stolen',
  cashedOutUsd: 'Cashed out',
  frozenUsd: 'Frozen or seized',
  missileSpendUsd: 'Missile spending',
  launches: 'Launches (missiles)',
  collateral: 'Collateral harm',
  escalation: 'Escalation',
};
const CONTEXT_METRICS: MetricName[] = ['stolenUsd', 'frozenUsd', 'cashedOutUsd', 'missileSpendUsd', 'launches'];
const YEAR_METRICS = ['stolenUsd', 'frozenUsd', 'cashedOutUsd', 'launches'] as const;
type YearMetric = (typeof YEAR_METRICS)[number];

export interface CalibrationRow {
  metric: MetricName;
  /** The documented figure in engine units (whole USD for money). */
  documented: number;
  figure: FigureDef;
  band: [number, number];
  historical: Spread;
  noneMedian: number | null;
  inBand: boolean;
  /** Whether the documented figure itself lies within the historical p5–p95. */
  documentedInSpread: boolean;
}

export interface ScenarioCalibration {
  file: string;
  scenario: Scenario;
  runs: number;
  rows: CalibrationRow[];
  /** Outcomes without a documented figure, for context: historical and none. */
  context: { metric: MetricName; historical: Spread; noneMedian: number | null }[];
  /** Historical-policy medians per calendar year (empty for a one-year scenario). */
  years: { year: string; medians: Record<YearMetric, number> }[];
}

interface Played {
  totals: Record<BatchMetric, Spread>;
  years: { year: string; medians: Record<YearMetric, number> }[];
}

/** One policy over the seeds: spreads of the game totals and medians per calendar year. */
function play(scenario: Scenario, policy: string, seeds: string[]): Played {
  const def = scenario.policies[policy]!;
  const totals = Object.fromEntries(BATCH_METRICS.map((m) => [m, [] as number[]])) as Record<BatchMetric, number[]>;
  const byYear = new Map<string, Record<YearMetric, number[]>>();
  for (const seed of seeds) {
    const { state, reports } = simulatePolicy(scenario, seed, def);
    for (const m of BATCH_METRICS) totals[m].push(state.totals[m]);
    const sums = new Map<string, Record<YearMetric, number>>();
    for (const r of reports) {
      const y = r.label.slice(0, 4);
      const t = sums.get(y) ?? { stolenUsd: 0, frozenUsd: 0, cashedOutUsd: 0, launches: 0 };
      t.stolenUsd += r.stolenUsd;
      t.frozenUsd += r.frozenUsd;
      t.cashedOutUsd += r.cashedOutUsd;
      t.launches += Object.values(r.launched).reduce((a, b) => a + b, 0);
      sums.set(y, t);
    }
    for (const [y, t] of sums) {
      const lists = byYear.get(y) ?? { stolenUsd: [], frozenUsd: [], cashedOutUsd: [], launches: [] };
      for (const m of YEAR_METRICS) lists[m].push(t[m]);
      byYear.set(y, lists);
    }
  }
  const years = [...byYear].map(([year, lists]) => ({
    year,
    medians: Object.fromEntries(YEAR_METRICS.map((m) => [m, spread(lists[m]).p50])) as Record<YearMetric, number>,
  }));
  return {
    totals: Object.fromEntries(BATCH_METRICS.map((m) => [m, spread(totals[m])])) as Record<BatchMetric, Spread>,
    years: years.length > 1 ? years : [],
  };
}

/** Plays "historical" (and "none", for context) over seeds 1..runs, in this process. */
export function calibrateScenario(scenario: Scenario, file: string, runs: number): ScenarioCalibration {
  if (!scenario.policies.historical)
    throw new UsageError(`${file}: scenario "${scenario.id}" has a calibration section but no "historical" policy to calibrate`);
  const seeds = batchSeeds(runs);
  const hist = play(scenario, 'historical', seeds);
  const none = scenario.policies.none ? play(scenario, 'none', seeds) : null;
  const entries = scenario.calibration ?? [];
  const rows = entries.map((c): CalibrationRow => {
    const m = c.metric as BatchMetric;
    const documented = c.metric.endsWith('Usd') ? toUsd(c.documented, scenario) : c.documented.value;
    const h = hist.totals[m];
    return {
      metric: c.metric,
      documented,
      figure: c.documented,
      band: c.band,
      historical: h,
      noneMedian: none ? none.totals[m].p50 : null,
      inBand: c.band[0] <= h.p50 && h.p50 <= c.band[1],
      documentedInSpread: h.p5 <= documented && documented <= h.p95,
    };
  });
  const calibrated = new Set(entries.map((c) => c.metric));
  const context = CONTEXT_METRICS.filter((m) => !calibrated.has(m)).map((m) => ({
    metric: m,
    historical: hist.totals[m as BatchMetric],
    noneMedian: none ? none.totals[m as BatchMetric].p50 : null,
  }));
  return { file, scenario, runs, rows, context, years: hist.years };
}

const fmt = (m: MetricName, v: number) =>
  m.endsWith('Usd') ? money(v) : Number.isInteger(v) ? String(v) : v.toFixed(1);
const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();
const cell = (t: string) => oneLine(t).replace(/\|/g, '\\|');

function sourceLine(key: string, s: SourceDef | undefined): string {
  if (!s) return `\`${key}\` (not listed in the scenario's sources)`;
  const title = s.url ? `[${s.title}](${s.url})` : `“${s.title}”`;
  return `\`${key}\`: ${s.publisher}, ${title}, ${s.date}.${s.note ? ` ${oneLine(s.note)}` : ''}`;
}

function scenarioSection(r: ScenarioCalibration): string {
  const s = r.scenario;
  const out = [`## ${s.title}`, '', `\`${r.file}\` (id \`${s.id}\`), ${s.calendar.turns} turns from ${s.calendar.start}.`, ''];
  out.push(
    '| Metric | Documented | Confidence | Band for the median | Historical median | p5–p95 | In band | Documented inside p5–p95 | "none" median |',
    '| --- | ---: | --- | ---: | ---: | ---: | :---: | :---: | ---: |',
  );
  for (const row of r.rows) {
    const f = (v: number) => fmt(row.metric, v);
    out.push(
      `| ${LABELS[row.metric]} | ${f(row.documented)} | ${row.figure.confidence} | ${f(row.band[0])} – ${f(row.band[1])} | ${f(row.historical.p50)} | ${f(row.historical.p5)} – ${f(row.historical.p95)} | ${row.inBand ? 'yes' : '**NO**'} | ${row.documentedInSpread ? 'yes' : 'no'} | ${row.noneMedian === null ? '–' : f(row.noneMedian)} |`,
    );
  }
  out.push('', '**Notes (from the scenario file).**', '');
  for (const row of r.rows) {
    const dev = row.documented ? Math.round((100 * (row.historical.p50 - row.documented)) / row.documented) : null;
    const versus = dev === null ? '' : ` The historical median is ${dev === 0 ? 'at' : `${Math.abs(dev)} % ${dev > 0 ? 'above' : 'below'}`} the documented figure.`;
    const miss = row.inBand ? '' : ' **The median is outside the band: the model does not reproduce this figure.**';
    out.push(`- *${LABELS[row.metric]}.* ${cell(row.figure.note ?? 'No note.')}${versus}${miss}`);
  }
  if (r.context.length) {
    out.push('', 'Outcomes with no documented figure (historical median [p5–p95]; "none" median):', '');
    for (const c of r.context) {
      const f = (v: number) => fmt(c.metric, v);
      const none = c.noneMedian === null ? '' : `; none ${f(c.noneMedian)}`;
      out.push(`- ${LABELS[c.metric]}: ${f(c.historical.p50)} [${f(c.historical.p5)} – ${f(c.historical.p95)}]${none}`);
    }
  }
  if (r.years.length) {
    out.push(
      '',
      'Historical-policy medians per calendar year (no band: compare with the yearly figures quoted in the notes; yearly medians need not add up to the total median):',
      '',
      `| Year | ${YEAR_METRICS.map((m) => LABELS[m]).join(' | ')} |`,
      `| --- | ${YEAR_METRICS.map(() => '---:').join(' | ')} |`,
    );
    for (const y of r.years) out.push(`| ${y.year} | ${YEAR_METRICS.map((m) => fmt(m, y.medians[m])).join(' | ')} |`);
  }
  const keys = [...new Set(r.rows.flatMap((row) => (row.figure.source ? [row.figure.source] : [])))];
  if (keys.length) {
    out.push('', 'Sources of the documented figures:', '');
    for (const k of keys) out.push(`- ${sourceLine(k, s.sources[k])}`);
  }
  return out.join('\n');
}

export function calibrationMarkdown(results: ScenarioCalibration[], runs: number): string {
  const misses = results.flatMap((r) => r.rows.filter((x) => !x.inBand).map((x) => `${r.scenario.id}: ${LABELS[x.metric]}`));
  const head = [
    '<!-- Generated by `npx cashout calibrate --out docs/calibration.md`. Do not edit by hand: the notes come from each',
    "     scenario's `calibration` entries (documented.note); change them there and regenerate. -->",
    '',
    '# Calibration: the model against the documented record',
    '',
    `Each historical scenario's \`historical\` policy — what governments actually did, turn by turn — is played over seeds 1–${runs} (${runs} runs, the same seeds for every scenario and policy; engine ${ENGINE_VERSION}). The table compares the documented total for the period with the simulated median and its 5th–95th percentile range. "In band" means the median lies inside the deliberately wide band the scenario states; the test suite checks the same bands over a smaller fixed seed set. "Documented inside p5–p95" says whether history itself looks like a plausible draw from the model. The "none" median (no measures beyond those already in force at the start) is there for context.`,
    '',
    'Game-design values (success chances, team counts, heist medians and tail indices, laundering shares and freeze rates, launch chances, stocks, the share of cash spent on missiles) were tuned to land near these figures; no sourced figure was changed to fit.',
    '',
    misses.length ? `**Medians outside their band:** ${misses.join('; ')}.` : 'Every historical-policy median lies inside its band.',
  ];
  return `${[...head, ...results.map((r) => `\n${scenarioSection(r)}`)].join('\n')}\n`;
}

/** Every scenarios/*.yaml (sorted) — the default set; those without calibration are skipped later. */
async function defaultFiles(): Promise<string[]> {
  const names = await readdir(SCENARIO_DIR).catch(() => [] as string[]);
  return names
    .filter((n) => /\.ya?ml$/i.test(n))
    .sort()
    .map((n) => join(SCENARIO_DIR, n));
}

export async function runCalibrate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    runs: { type: 'string', short: 'n' },
    out: { type: 'string', short: 'o' },
  });
  const runs = Number(values.runs ?? DEFAULT_RUNS);
  if (!Number.isInteger(runs) || runs < 1 || runs > 100_000) throw new UsageError('--runs is a whole number from 1 to 100000');
  const out = values.out;
  const explicit = positionals.length > 0;
  const files = explicit ? positionals : await defaultFiles();
  if (files.length === 0) throw new UsageError(`no scenario files given and none found in ${SCENARIO_DIR}/`);
  if (out !== undefined) checkOutputPath(out, '--out', files);

  const results: ScenarioCalibration[] = [];
  let invalid = false;
  for (const file of files) {
    const loaded = await loadScenarioFile(file);
    if (!loaded.ok) {
      for (const d of loaded.errors) io.err(formatDiagnostic(d));
      invalid = true;
      continue;
    }
    const scenario = loaded.value;
    if (!scenario.calibration?.length) {
      if (explicit) io.err(`${file}: no calibration section; skipped`);
      continue;
    }
    results.push(calibrateScenario(scenario, file, runs));
  }
  if (invalid) return EXIT.invalid;
  if (results.length === 0) throw new UsageError('none of the scenario files has a calibration section');

  const markdown = calibrationMarkdown(results, runs);
  // With --out the summary goes to stdout; without it stdout is the report itself.
  const say = out === undefined ? io.err : io.out;
  if (out !== undefined) await io.writeFile(out, markdown);
  else io.out(markdown);
  for (const r of results) {
    say(`${r.scenario.id} (historical policy, ${runs} runs)`);
    for (const row of r.rows) {
      const f = (v: number) => fmt(row.metric, v);
      say(
        `  ${row.inBand ? 'ok  ' : 'MISS'} ${LABELS[row.metric].padEnd(20)} documented ${f(row.documented).padStart(10)}  median ${f(row.historical.p50).padStart(10)}  [${f(row.historical.p5)} – ${f(row.historical.p95)}]  band ${f(row.band[0])} – ${f(row.band[1])}`,
      );
    }
  }
  const misses = results.reduce((n, r) => n + r.rows.filter((x) => !x.inBand).length, 0);
  const where = out === undefined ? `printed the report (write it with --out ${PROJECT_REPORT})` : `wrote ${out}`;
  say(`${where}${misses ? `; ${misses} median${misses === 1 ? '' : 's'} outside the band` : ''}`);
  return misses ? EXIT.invalid : EXIT.ok;
}
