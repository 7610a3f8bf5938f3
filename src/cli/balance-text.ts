// The readable `cashout balance` report: the verdict, the best policies found, the
// scenario's own policies, the best balanced policy as a schedule, and every degenerate
// strategy against it.
import type { Contender, Matchup } from '../engine/balance/contender.ts';
import type { BalanceReport } from '../engine/balance/run.ts';
import { percent, points } from '../report/batch-metrics.ts';
import { table } from '../report/format.ts';
import { scheduleText } from '../report/policy-schedule.ts';
import type { Scenario } from '../scenario/schema.ts';

export interface RunInfo {
  workers: number;
  seconds: number;
}

export function settingsText(scenario: Scenario, r: BalanceReport, info: RunInfo): string[] {
  const s = r.settings;
  return [
    `Balance search: ${scenario.title} (${r.scenario.turns} turns, ${scenario.roles.length} roles, ${scenario.levers.length} levers, ${scenario.objectives.length} objectives)`,
    `Cross-entropy search over lever schedules within every role's budget: ${s.generations} generations × ${s.population} candidates (${r.candidatesPlayed} distinct played), levers set per phase starting turns ${s.phases.join(', ')}, each candidate on seeds ${s.searchSeeds.from}–${s.searchSeeds.to}. Finalists and degenerate strategies on other seeds, ${s.checkSeeds.from}–${s.checkSeeds.to} (the same for all). Optimiser seed ${s.optimiserSeed}; ${info.workers} worker${info.workers === 1 ? '' : 's'}, ${info.seconds.toFixed(1)} s.`,
  ];
}

function contenderRows(list: Contender[], withSearch: boolean): string[][] {
  return list.map((c) => [
    c.label,
    percent(c.evaluation.allMetRate),
    ...c.evaluation.metRates.map((m) => percent(m, 0)),
    ...(withSearch ? [c.searchAllMetRate === undefined ? '' : percent(c.searchAllMetRate)] : []),
    c.flagText.length ? c.flagText.join('; ') : 'balanced',
  ]);
}

function contenderTable(r: BalanceReport, list: Contender[], withSearch: boolean): string {
  const headers = ['Policy', 'all objectives', ...r.objectives.map((o) => o.id), ...(withSearch ? ['(search seeds)'] : []), 'flags'];
  return table(headers, contenderRows(list, withSearch), headers.map((_, i) => (i === 0 || i === headers.length - 1 ? 'left' : 'right')));
}

function matchupTable(list: Matchup[]): string {
  return table(
    ['Strategy', 'all objectives', 'vs balanced', 'seeds won/lost', 'verdict'],
    list.map((m) => [
      m.contender.label,
      percent(m.contender.evaluation.allMetRate),
      points(m.difference),
      `${m.seedsWon}/${m.seedsLost}`,
      m.verdict === 'beats' ? 'BEATS IT' : m.verdict === 'ties' ? 'no clear difference' : 'loses',
    ]),
    ['left', 'right', 'right', 'right', 'left'],
  );
}

export function balanceText(scenario: Scenario, r: BalanceReport, info: RunInfo): string {
  const lines = [...settingsText(scenario, r, info), ''];
  lines.push('Objectives:', ...r.objectives.map((o) => `  ${o.id}: ${o.text}`), '');
  lines.push(`Verdict: ${r.verdict.sentence}`, '');
  lines.push(`Best policies found (on the ${r.settings.checkSeeds.count} check seeds)`, contenderTable(r, r.best, true), '');
  lines.push("The scenario's own policies", contenderTable(r, r.scenarioPolicies, false), '');
  if (r.balanced) {
    lines.push(`Best balanced policy: ${r.balanced.label}, meeting all objectives in ${percent(r.balanced.evaluation.allMetRate)} of runs`);
    lines.push(scheduleText(scenario, r.balanced.policy), '');
    lines.push(`Degenerate strategies against it (the same ${r.settings.checkSeeds.count} check seeds; "beats" only when the sign test says it is not luck, p < 0.05)`);
    lines.push(matchupTable(r.strategies));
    const timed = r.strategies.find((m) => m.contender.kind === 'event-timed');
    const held = r.strategies.find((m) => m.contender.kind === 'event-levers-held');
    if (timed && held)
      lines.push(
        `Timing: defence only around the known events meets all objectives in ${percent(timed.contender.evaluation.allMetRate)} of runs; the same levers held all game, ${percent(held.contender.evaluation.allMetRate)}.`,
      );
    if (r.degenerateFound.length) {
      lines.push('', 'Degenerate policies among the best the search found');
      lines.push(matchupTable(r.degenerateFound));
    }
  }
  return lines.join('\n');
}
