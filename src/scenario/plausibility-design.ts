// Plausibility warnings about the game's design: things that are valid one by one but make
// no sense together (an objective met before turn 1 or out of reach, a condition already
// true on turn 1, a delay longer than the game, drills in months the game never reaches,
// a lever that does nothing, a source nobody cites).
import type { DataPath } from './diagnostics.ts';
import { formatMoney, moneyUsd } from './money-text.ts';
import type { MetricName, Scenario } from './schema.ts';
import type { Reporter } from './semantic-report.ts';
import { turnMonths } from './turn-months.ts';

export function checkDesign(s: Scenario, r: Reporter): void {
  checkObjectives(s, r);
  checkConditionsAtStart(s, r);
  checkDelays(s, r);
  checkCalendarMonths(s, r);
  checkZeroLevers(s, r);
  checkUnusedSources(s, r);
}

const isMoney = (m: MetricName) => m.endsWith('Usd');
const show = (m: MetricName, v: number) => (isMoney(m) ? formatMoney(v) : String(v));

/**
 * Upper bounds of what a game can reach, from the scenario alone. Loose on purpose (levers
 * at their maximum every turn, every heist at its cap): a target beyond them is out of reach
 * whatever the players and the dice do.
 */
export interface Reach {
  max: Partial<Record<MetricName, number>>;
  /** Missiles the scripted events launch whatever happens. */
  forcedLaunches: number;
}

export function reachable(s: Scenario): Reach {
  const turns = s.calendar.turns;
  const rate = s.currency.usdJpy.value;
  if (!(rate > 0)) return { max: {}, forcedLaunches: 0 };
  const cash = s.sectors.filter((x) => x.yields !== 'technology');
  const cashIds = new Set(cash.map((x) => x.id));
  const maxHeist = Math.max(0, ...cash.map((x) => moneyUsd(x.heist.max, s)));
  let theft = turns * s.adversary.teams * maxHeist;
  let forcedLaunches = 0;
  let eventLaunches = 0;
  let eventEscalation = 0;
  const events = [
    ...s.events.scripted.map((e) => ({ e, times: 1, scriptedTurn: e.turn as number | undefined })),
    ...s.events.random.map((e) => ({ e, times: e.once ? 1 : turns, scriptedTurn: undefined })),
    ...s.events.conditional.map((e) => ({ e, times: e.once ? 1 : turns, scriptedTurn: undefined })),
  ];
  for (const { e, times, scriptedTurn } of events)
    for (const fx of e.effects) {
      if (fx.type === 'heist' && cashIds.has(fx.sector)) theft += times * moneyUsd(fx.amount, s);
      if (fx.type === 'launch') {
        eventLaunches += times * fx.count;
        if (scriptedTurn !== undefined && scriptedTurn <= turns) forcedLaunches += fx.count;
      }
      if (fx.type === 'escalation' && fx.add > 0) eventEscalation += times * fx.add;
    }
  const perTurn = (key: 'collateral' | 'escalation') => s.levers.reduce((a, l) => a + l.maxLevel * l.sideEffects[key], 0);
  // Every other income stream at the top of its range, all of it to missiles.
  const top = (f: Parameters<typeof moneyUsd>[0] & { high?: number | undefined }) => moneyUsd({ ...f, value: f.high ?? f.value }, s);
  const other = turns * s.regime.income.reduce((a, x) => a + top(x.perYear) / 12, 0);
  // Espionage can cut a missile's cost to 30 % of its list price (the low end of its range).
  const cheapest = Math.min(...s.missiles.map((m) => Math.max(1, moneyUsd({ ...m.cost, value: m.cost.low ?? m.cost.value }, s) * 0.3)));
  const stock = s.missiles.reduce((a, m) => a + m.initialStock, 0);
  return {
    max: {
      stolenUsd: theft,
      frozenUsd: theft,
      cashedOutUsd: theft,
      missileSpendUsd: theft + other,
      launches: stock + eventLaunches + Math.floor((theft + other) / cheapest),
      collateral: turns * perTurn('collateral'),
      escalation: turns * perTurn('escalation') + eventEscalation,
    },
    forcedLaunches,
  };
}

function checkObjectives(s: Scenario, r: Reporter): void {
  const { max: bound, forcedLaunches: forced } = reachable(s);
  s.objectives.forEach((o, i) => {
    const at: DataPath = ['objectives', i, 'target'];
    if (o.op === '>=' && o.target <= 0) {
      r.warn(
        at,
        `"${o.metric} >= ${o.target}" is met before turn 1: every total starts at 0, so this objective cannot be missed; raise the target, or use op "<=" for a limit`,
      );
      return;
    }
    const top = bound[o.metric];
    if (o.op === '>=' && top !== undefined && o.target > top) {
      const why =
        o.metric === 'collateral' || o.metric === 'escalation'
          ? `levers at their highest level every turn add at most ${show(o.metric, top)}`
          : `even if every team stole the largest heist every turn, the game could not reach more than ${show(o.metric, top)}`;
      r.warn(at, `"${o.metric} >= ${show(o.metric, o.target)}" can never be met: ${why}; lower the target or check its units`);
      return;
    }
    if (o.op === '>=' && top === 0)
      r.warn(at, `"${o.metric} >= ${o.target}" can never be met: nothing in the scenario raises ${o.metric}`);
    if (o.op === '<=' && o.metric === 'launches' && o.target < forced)
      r.warn(
        at,
        `"launches <= ${o.target}" can never be met: the scripted events alone launch ${forced} missiles; raise the target or remove a scripted launch`,
      );
    if (o.op === '<=' && (o.metric === 'collateral' || o.metric === 'escalation') && top !== undefined && o.target >= top && top > 0)
      r.warn(
        at,
        `"${o.metric} <= ${o.target}" is met whatever the players do: levers at their highest level every turn add at most ${show(o.metric, top)}; lower the target so that it asks for a trade-off`,
      );
  });
}

/** Conditions are checked at the start of each turn, when every total is still 0 on turn 1. */
function checkConditionsAtStart(s: Scenario, r: Reporter): void {
  s.events.conditional.forEach((e, i) => {
    const w = e.when;
    if (w.metric === undefined || (w.fromTurn ?? 1) > 1) return;
    const at: DataPath = ['events', 'conditional', i, 'when', 'op'];
    if (w.op === '<=')
      r.warn(
        at,
        `"${w.metric} <= ${show(w.metric, w.value)}" is already true on turn 1 (every total starts at 0), so "${e.id}" happens at once; for "if it stays low until turn N" add fromTurn: N, or use ">=" for "when it passes"`,
      );
    else if (w.value <= 0)
      r.warn(['events', 'conditional', i, 'when', 'value'], `"${w.metric} >= 0" is true from turn 1, so "${e.id}" happens at once; give a threshold above 0`);
  });
}

function checkDelays(s: Scenario, r: Reporter): void {
  const turns = s.calendar.turns;
  let fastest = 0;
  let told = false;
  s.laundering.stages.forEach((stage, i) => {
    stage.channels.forEach((c, j) => {
      if (c.delayTurns >= turns)
        r.warn(
          ['laundering', 'stages', i, 'channels', j, 'delayTurns'],
          `funds wait ${c.delayTurns} turns in "${c.id}" but the game lasts ${turns}: nothing sent there comes out before the end; shorten the delay (a turn is a month) or lengthen the calendar`,
        );
    });
    fastest += Math.min(...stage.channels.map((c) => c.delayTurns));
    if (fastest >= turns && !told) {
      told = true;
      r.warn(
        ['laundering', 'stages', i, 'id'],
        `by the fastest route funds need ${fastest} turns to get through stage "${stage.id}", and the game lasts ${turns}: no stolen money is ever cashed out; shorten the delays`,
      );
    }
  });
}

function checkCalendarMonths(s: Scenario, r: Reporter): void {
  const months = turnMonths(s.calendar.start, s.calendar.turns);
  s.calendar.launchCalendar.forEach((c, i) => {
    if (!months.has(c.month))
      r.warn(
        ['calendar', 'launchCalendar', i, 'month'],
        `month ${c.month} ("${c.name}") never comes up: the game runs ${s.calendar.turns} month${s.calendar.turns === 1 ? '' : 's'} from ${s.calendar.start} (months ${[...months].sort((a, b) => a - b).join(', ')}); use one of those months or remove the entry`,
      );
  });
}

function checkZeroLevers(s: Scenario, r: Reporter): void {
  s.levers.forEach((l, i) => {
    if (l.effects.every((e) => e.perLevel === 0))
      r.warn(
        ['levers', i, 'effects'],
        `every effect of "${l.id}" has perLevel 0, so setting it changes nothing in the game${l.costPerLevel > 0 ? ' (it only costs budget)' : ''}; give an effect a perLevel above 0, or remove the lever`,
        'key',
      );
  });
}

function checkUnusedSources(s: Scenario, r: Reporter): void {
  const cited = new Set<string>();
  const walk = (v: unknown, top: boolean): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, false);
    else if (typeof v === 'object' && v !== null)
      for (const [k, child] of Object.entries(v)) {
        if (top && k === 'sources') continue;
        if (k === 'source' && typeof child === 'string') cited.add(child);
        else walk(child, false);
      }
  };
  walk(s, true);
  for (const key of Object.keys(s.sources))
    if (!cited.has(key))
      r.warn(
        ['sources', key],
        `no figure, lever, event or objective cites the source "${key}"; cite it with source: ${key} beside the number it supports, or remove it`,
        'key',
      );
}
