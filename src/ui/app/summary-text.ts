// Plain-text summaries for the live region (screen readers) and the debrief.
import type { TurnReport } from '../../engine/report.ts';
import type { ObjectiveResult } from '../../engine/summary.ts';
import { eventHeadline } from '../../report/outcome-words.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { missileName } from './describe.ts';
import { formatMetric, formatMoney, type MoneyView, pluralize } from './format.ts';

export function launchesIn(report: TurnReport): number {
  return Object.values(report.launched).reduce((a, b) => a + b, 0);
}

export function boughtIn(report: TurnReport): number {
  return Object.values(report.bought).reduce((a, b) => a + b, 0);
}

/** One paragraph a screen reader announces when a turn's report appears. */
export function turnSummary(scenario: Scenario, r: TurnReport, money: MoneyView): string {
  const heists = r.heists.filter((x) => !x.blocked).length;
  const blocked = r.heists.length - heists;
  const launched = Object.entries(r.launched)
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${n} ${missileName(scenario, id)}`);
  const parts = [
    `Turn ${r.turn} (${r.label}) resolved.`,
    `${pluralize(heists, 'heist')} stole ${formatMoney(r.stolenUsd, money)}${blocked ? `; ${pluralize(blocked, 'attempt')} blocked` : ''}.`,
    `${formatMoney(r.frozenUsd, money)} frozen, ${formatMoney(r.cashedOutUsd, money)} cashed out to the regime.`,
    `Missile spending ${formatMoney(r.missileSpendUsd, money)}; ${launched.length ? `launched ${launched.join(', ')}` : 'no launches'}.`,
  ];
  if (r.events.length) parts.push(`Events: ${r.events.map((e) => eventHeadline(r, e)).join('; ')}.`);
  return parts.join(' ');
}

export function objectiveLine(o: ObjectiveResult, money: MoneyView): string {
  const verdict = o.met ? 'Met' : 'Missed';
  return `${verdict}: ${o.text} — result ${formatMetric(o.metric, o.value, money)}, target ${o.op === '<=' ? 'at most' : 'at least'} ${formatMetric(o.metric, o.target, money)}.`;
}
