// `cashout calibrate`: plays each historical scenario's "historical" policy over a fixed
// set of seeds and sets the simulated figures beside the documented ones, with their
// sources, in a Markdown report: printed, or written where --out says (the project's
// docs/calibration.md is regenerated with `--out docs/calibration.md`). The spread is shown
// three ways: luck and parameters together (what a batch shows), luck alone (point
// values) and parameter uncertainty alone (the spread of medians over parameter draws).
// Everything in the report comes from the scenario files and the seeds, so it can be
// regenerated at will: the notes that explain a miss live in each calibration entry's
// `documented.note`.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compile } from '../engine/compiled.ts';
import { toUsd } from '../engine/money.ts';
import type { Spread } from '../engine/stats.ts';
import { DEFAULT_SPLIT, type Measure, type SplitOptions, type SplitSpread, splitSpreads, spreads } from '../engine/uncertainty.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { money } from '../report/format.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { FigureDef, MetricName, Scenario, SourceDef } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import { checkOutputPath } from './outputs.ts';

export const DEFAULT_RUNS = DEFAULT_SPLIT.runs;
/** Where the project keeps its calibration report; written only when --out names it. */
export const PROJECT_REPORT = 'docs/calibration.md';
export const SCENARIO_DIR = 'scenarios';

export const LABELS: Record<MetricName, string> = {
  stolenUsd: 'Stolen',
  cashedOutUsd: 'Cashed out',
  frozenUsd: 'Frozen or seized',
  missileSpendUsd: 'Missile spending',
  launches: 'Launches (missiles)',
  collateral: 'Collateral harm',
  escalation: 'Escalation',
  cryptoShare: 'Crypto share of missile money',
  heists: 'Successful heists',
};
const CONTEXT_METRICS: MetricName[] = ['stolenUsd', 'frozenUsd', 'cashedOutUsd', 'missileSpendUsd', 'launches', 'cryptoShare', 'heists'];

export interface CalibrationRow {
  metric: MetricName;
  year?: number;
  /** The documented figure (and its range) in engine units (whole USD for money). */
  documented: number;
  documentedLow: number;
  documentedHigh: number;
  figure: FigureDef;
  band: [number, number];
  historical: SplitSpread;
  noneMedian: number | null;
  inBand: boolean;
  /** Whether the documented range overlaps the historical p5–p95 (luck and parameters together). */
  documentedInSpread: boolean;
}

export interface ScenarioCalibration {
  file: string;
  scenario: Scenario;
  opts: SplitOptions;
  rows: CalibrationRow[];
  /** Outcomes without a documented figure, for context: historical and none. */
  context: { metric: MetricName; historical: SplitSpread; noneMedian: number | null }[];
}

const label = (m: Measure) => `${LABELS[m.metric]}${m.year === undefined ? '' : ` in ${m.year}`}`;

/** Plays "historical" (and "none", for context) in this process. */
export function calibrateScenario(scenario: Scenario, file: string, opts: SplitOptions = DEFAULT_SPLIT): ScenarioCalibration {
  const hist = scenario.policies.historical;
  if (!hist)
    throw new UsageError(`${file}: scenario "${scenario.id}" has a calibration section but no "historical" policy to calibrate`);
  const entries = scenario.calibration ?? [];
  const calibrated = new Set(entries.filter((c) => c.year === undefined).map((c) => c.metric));
  const contextMetrics = CONTEXT_METRICS.filter((m) => !calibrated.has(m));
  const measures: Measure[] = [
    ...entries.map((c) => ({ metric: c.metric, ...(c.year !== undefined ? { year: c.year } : {}) })),
    ...contextMetrics.map((metric) => ({ metric })),
  ];
  const h = splitSpreads(scenario, hist, measures, opts);
  const none = scenario.policies.none ? spreads(scenario, scenario.policies.none, measures, opts.runs) : null;
  const inUnits = (c: (typeof entries)[number], v: number) => (c.metric.endsWith('Usd') ? toUsd({ ...c.documented, value: v }, scenario) : v);
  const rows = entries.map((c, i): CalibrationRow => {
    const s = h[i]!;
    const documented = inUnits(c, c.documented.value);
    const lo = inUnits(c, c.documented.low ?? c.documented.value);
    const hi = inUnits(c, c.documented.high ?? c.documented.value);
    return {
      metric: c.metric,
      ...(c.year !== undefined ? { year: c.year } : {}),
      documented,
      documentedLow: lo,
      documentedHigh: hi,
      figure: c.documented,
      band: c.band,
      historical: s,
      noneMedian: none ? none[i]!.p50 : null,
      inBand: c.band[0] <= s.all.p50 && s.all.p50 <= c.band[1],
      documentedInSpread: s.all.p5 <= hi && lo <= s.all.p95,
    };
  });
  const context = contextMetrics.map((metric, j) => ({
    metric,
    historical: h[entries.length + j]!,
    noneMedian: none ? none[entries.length + j]!.p50 : null,
  }));
  return { file, scenario, opts, rows, context };
}

const fmt = (m: MetricName, v: number) =>
  m.endsWith('Usd') ? money(v) : m === 'cryptoShare' ? `${Math.round(v * 100)} %` : Number.isInteger(v) ? String(v) : v.toFixed(1);
const range = (m: MetricName, s: Spread) => `${fmt(m, s.p5)} – ${fmt(m, s.p95)}`;
const oneLine = (t: string) => t.replace(/\s+/g, ' ').trim();
const cell = (t: string) => oneLine(t).replace(/\|/g, '\\|');

function sourceLine(key: string, s: SourceDef | undefined): string {
  if (!s) return `\`${key}\` (not listed in the scenario's sources)`;
  const title = s.url ? `[${s.title}](${s.url})` : `“${s.title}”`;
  return `\`${key}\`: ${s.publisher}, ${title}, ${s.date}.${s.note ? ` ${oneLine(s.note)}` : ''}`;
}

function documentedText(row: CalibrationRow): string {
  const f = (v: number) => fmt(row.metric, v);
  return row.documentedLow !== row.documentedHigh
    ? `${f(row.documented)} (${f(row.documentedLow)} – ${f(row.documentedHigh)})`
    : f(row.documented);
}

/** Every figure the engine reads from the scenario, with the range each run draws it from. */
function parameterTable(s: Scenario): string[] {
  const specs = compile(s).params;
  const f = (kind: string, v: number) => (kind === 'usd' ? money(v) : kind === 'share' ? `${Math.round(v * 1000) / 10} %` : String(Math.round(v * 100) / 100));
  const out = [
    `Parameters the engine reads from the file (${specs.filter((p) => p.low !== p.high).length} of ${specs.length} drawn per run from their range; money in US dollars at the scenario's rate):`,
    '',
    '| Parameter | Value | Range drawn | Confidence | Source |',
    '| --- | ---: | ---: | --- | --- |',
  ];
  for (const p of specs)
    out.push(
      `| \`${p.id}\` | ${f(p.kind, p.value)} | ${p.low === p.high ? '–' : `${f(p.kind, p.low)} – ${f(p.kind, p.high)}`} | ${p.confidence} | ${p.source ? `\`${p.source}\`` : '–'} |`,
    );
  return out;
}

function scenarioSection(r: ScenarioCalibration): string {
  const s = r.scenario;
  const out = [`## ${s.title}`, '', `\`${r.file}\` (id \`${s.id}\`), ${s.calendar.turns} turns from ${s.calendar.start}.`, ''];
  out.push(
    '| Metric | Documented | Confidence | Band for the median | Historical median | p5–p95 (luck and parameters) | p5–p95 (luck alone) | p5–p95 of medians (parameters alone) | In band | Record inside p5–p95 | "none" median |',
    '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | :---: | :---: | ---: |',
  );
  for (const row of r.rows) {
    const f = (v: number) => fmt(row.metric, v);
    const h = row.historical;
    out.push(
      `| ${label(row)} | ${documentedText(row)} | ${row.figure.confidence} | ${f(row.band[0])} – ${f(row.band[1])} | ${f(h.all.p50)} | ${range(row.metric, h.all)} | ${range(row.metric, h.luck)} | ${range(row.metric, h.parameters)} | ${row.inBand ? 'yes' : '**NO**'} | ${row.documentedInSpread ? 'yes' : 'no'} | ${row.noneMedian === null ? '–' : f(row.noneMedian)} |`,
    );
  }
  out.push('', '**Notes (from the scenario file).**', '');
  for (const row of r.rows) {
    const dev = row.documented ? Math.round((100 * (row.historical.all.p50 - row.documented)) / row.documented) : null;
    const versus =
      dev === null ? '' : ` The historical median is ${dev === 0 ? 'at' : `${Math.abs(dev)} % ${dev > 0 ? 'above' : 'below'}`} the documented figure.`;
    const miss = row.inBand ? '' : ' **The median is outside the band: the model does not reproduce this figure.**';
    const outside = row.documentedInSpread
      ? ''
      : ' The documented figure lies outside the model\u2019s 5th–95th percentile range: history looks like an unlikely draw from the model here.';
    out.push(`- *${label(row)}.* ${cell(row.figure.note ?? 'No note.')}${versus}${miss}${outside}`);
  }
  if (r.context.length) {
    out.push(
      '',
      'Outcomes with no documented figure for the whole period (historical median; p5–p95 with luck and parameters; "none" median):',
      '',
    );
    for (const c of r.context) {
      const f = (v: number) => fmt(c.metric, v);
      const none = c.noneMedian === null ? '' : `; none ${f(c.noneMedian)}`;
      out.push(`- ${LABELS[c.metric]}: ${f(c.historical.all.p50)} [${range(c.metric, c.historical.all)}]${none}`);
    }
  }
  out.push('', ...parameterTable(s));
  const keys = [...new Set(r.rows.flatMap((row) => (row.figure.source ? [row.figure.source] : [])))];
  if (keys.length) {
    out.push('', 'Sources of the documented figures:', '');
    for (const k of keys) out.push(`- ${sourceLine(k, s.sources[k])}`);
  }
  return out.join('\n');
}

export function calibrationMarkdown(results: ScenarioCalibration[], opts: SplitOptions): string {
  const misses = results.flatMap((r) => r.rows.filter((x) => !x.inBand).map((x) => `${r.scenario.id}: ${label(x)}`));
  const head = [
    '<!-- Generated by `npx cashout calibrate --out docs/calibration.md`. Do not edit by hand: the notes come from each',
    "     scenario's `calibration` entries (documented.note); change them there and regenerate. -->",
    '',
    '# Calibration: the model against the documented record',
    '',
    `Each historical scenario's \`historical\` policy — what governments actually did, turn by turn — is played over seeds 1–${opts.runs} (the same seeds for every scenario and policy; engine ${ENGINE_VERSION}). The table compares the documented figure (and its documented range) with the simulated median and three 5th–95th percentile ranges:`,
    '',
    '- **luck and parameters**: every run draws the ranged figures (unit costs, income, capacities, lags …) from their documented ranges and plays its own luck — the spread a batch shows;',
    '- **luck alone**: the same seeds with every figure at its point value (`uncertainty.parameters: point`);',
    `- **parameters alone**: ${opts.paramDraws} parameter draws, each played over the same ${opts.luckSeeds} luck seeds; the range of their medians is what not knowing the figures does to the expected outcome.`,
    '',
    '"In band" means the median lies inside the deliberately wide band the scenario states; the test suite checks the same bands over a smaller fixed seed set. "Record inside p5–p95" says whether history (its documented range) looks like a plausible draw from the model. The "none" median (no measures beyond those already in force at the start) is there for context. A row with a year compares only that calendar year.',
    '',
    'Game-design values (exposures, team counts, heist medians and tail indices, capacities, freeze rates, test tempos, production rates, the shares of income spent on missiles) were tuned to land near these figures; no sourced figure was changed to fit. docs/model.md lists every equation and parameter.',
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

function whole(value: string | undefined, fallback: number, name: string, max: number): number {
  const n = Number(value ?? fallback);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new UsageError(`--${name} is a whole number from 1 to ${max}`);
  return n;
}

export async function runCalibrate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    runs: { type: 'string', short: 'n' },
    'param-draws': { type: 'string' },
    'luck-seeds': { type: 'string' },
    out: { type: 'string', short: 'o' },
  });
  const opts: SplitOptions = {
    runs: whole(values.runs, DEFAULT_SPLIT.runs, 'runs', 100_000),
    paramDraws: whole(values['param-draws'], DEFAULT_SPLIT.paramDraws, 'param-draws', 10_000),
    luckSeeds: whole(values['luck-seeds'], DEFAULT_SPLIT.luckSeeds, 'luck-seeds', 10_000),
  };
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
    results.push(calibrateScenario(scenario, file, opts));
  }
  if (invalid) return EXIT.invalid;
  if (results.length === 0) throw new UsageError('none of the scenario files has a calibration section');

  const markdown = calibrationMarkdown(results, opts);
  // With --out the summary goes to stdout; without it stdout is the report itself.
  const say = out === undefined ? io.err : io.out;
  if (out !== undefined) await io.writeFile(out, markdown);
  else io.out(markdown);
  for (const r of results) {
    say(`${r.scenario.id} (historical policy, ${opts.runs} runs)`);
    for (const row of r.rows) {
      const f = (v: number) => fmt(row.metric, v);
      const h = row.historical;
      say(
        `  ${row.inBand ? 'ok  ' : 'MISS'} ${label(row).padEnd(34)} documented ${documentedText(row).padStart(10)}  median ${f(h.all.p50).padStart(10)}  [${range(row.metric, h.all)}; luck ${range(row.metric, h.luck)}; parameters ${range(row.metric, h.parameters)}]  band ${f(row.band[0])} – ${f(row.band[1])}`,
      );
    }
  }
  const misses = results.reduce((n, r) => n + r.rows.filter((x) => !x.inBand).length, 0);
  const where = out === undefined ? `printed the report (write it with --out ${PROJECT_REPORT})` : `wrote ${out}`;
  say(`${where}${misses ? `; ${misses} median${misses === 1 ? '' : 's'} outside the band` : ''}`);
  return misses ? EXIT.invalid : EXIT.ok;
}
