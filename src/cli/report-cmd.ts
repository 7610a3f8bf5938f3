import { againstReference } from '../engine/reference.ts';
import { buildTimeline, counterfactual, policyOf, type Timeline } from '../engine/timeline.ts';
import { loadReplayFile } from '../io/replay-file.ts';
import { afterAction } from '../report/after-action.ts';
import { debriefReportHtml } from '../report/debrief-html.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { EXIT, InputError, type Io, UsageError } from './io.ts';
import { policyNames, scenarioPolicy } from './names.ts';
import { openReplay } from './open-replay.ts';
import { checkOutputPath } from './outputs.ts';

/**
 * The counterfactual to show: a policy of the scenario, or another replay's decisions. A
 * replay is only a fair comparison if it was played on the same scenario and the same seed
 * (the same luck); anything else is refused with what differs.
 */
async function compareWith(spec: string, scenario: Scenario, t: Timeline, io: Io, file: string) {
  const turns = t.checkpoints.length;
  const named = scenarioPolicy(scenario, spec);
  if (named) return { label: `policy "${spec}"`, timeline: counterfactual(scenario, t.seed, named, turns) };
  if (!/\.json$/i.test(spec))
    throw new InputError(`--compare takes a policy of "${scenario.id}" (${policyNames(scenario)}) or a replay .json file`);
  const other = await loadReplayFile(spec);
  if (!other.ok) {
    for (const d of other.errors) io.err(formatDiagnostic(d));
    return null;
  }
  const same = againstReference(other.value, scenario, `the scenario of ${file}`);
  if (!same.ok) {
    io.err(`${spec}: --compare needs a run of the same scenario and seed as ${file}, but it ${same.message}`);
    for (const line of same.differences) io.err(`  ${line}`);
    return null;
  }
  if (other.value.seed !== t.seed) {
    io.err(
      `${spec}: --compare needs a run on the same seed as ${file} (seed ${t.seed}), but it was played on seed ${other.value.seed}: other luck, so the difference would not be the policy's. Compare with a policy (--compare none) instead, or with a run on seed ${t.seed}.`,
    );
    return null;
  }
  const ot = buildTimeline(same.replay, scenario);
  if (!ot.ok) {
    io.err(`${spec}: ${ot.message}`);
    return null;
  }
  return { label: `decisions of ${spec} (same scenario, same seed)`, timeline: counterfactual(scenario, t.seed, policyOf(ot.timeline), turns) };
}

export async function runReport(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, {
    out: { type: 'string', short: 'o' },
    compare: { type: 'string', short: 'c' },
    scenario: { type: 'string', short: 's' },
    currency: { type: 'string' },
  });
  const file = positionals[0];
  if (!file) throw new UsageError('name the replay: cashout report run.json --out report.html');
  const currency = values.currency?.toUpperCase();
  if (currency !== undefined && currency !== 'USD' && currency !== 'JPY') throw new UsageError('--currency is USD or JPY');
  const out = values.out ?? `${file.replace(/\.json$/i, '')}.report.html`;
  checkOutputPath(out, '--out', [file, ...(values.scenario ? [values.scenario] : []), ...(values.compare ? [values.compare] : [])]);
  const opened = await openReplay(file, values.scenario, io);
  if (!opened) return EXIT.invalid;
  const built = buildTimeline(opened.replay, opened.available);
  if (!built.ok) {
    io.err(`${file}: ${built.message}`);
    return EXIT.invalid;
  }
  const t = built.timeline;
  const spec = values.compare ?? 'none';
  const cf = await compareWith(spec, t.scenario, t, io, file);
  if (values.compare && !cf) return EXIT.invalid;
  const html = debriefReportHtml({
    timeline: t,
    ...(cf ? { counterfactual: cf } : {}),
    ...(currency ? { currency: currency as 'USD' | 'JPY' } : {}),
    subtitle: file,
  });
  await io.writeFile(out, html);
  const aar = afterAction(t);
  const judged = aar
    ? `; after-action report: ${aar.objectives.reduce((n, o) => n + o.strengths.length, 0)} strengths and ${aar.objectives.reduce((n, o) => n + o.improvements.length, 0)} areas for improvement over ${aar.objectives.length} learning objectives`
    : '';
  io.out(`wrote ${out}: debrief of "${t.scenario.title}", ${t.checkpoints.length} turns, compared with ${cf?.label ?? 'nothing'}${judged}.`);
  return EXIT.ok;
}
