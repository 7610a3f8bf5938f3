// Checks on time and money: turns inside the calendar, levers someone can afford, and
// policies that the rules would accept when autoplay sends them turn by turn.

import type { DataPath } from './diagnostics.ts';
import { policyLevels, policyTurns, roleSpend } from './plans.ts';
import type { Scenario } from './schema.ts';
import { checkRef, type Reporter } from './semantic-report.ts';

export function checkPlans(s: Scenario, r: Reporter): void {
  checkTurns(s, r);
  checkLeverCosts(s, r);
  checkPolicies(s, r);
}

function checkTurns(s: Scenario, r: Reporter): void {
  const last = s.calendar.turns;
  const beyond = (t: number) =>
    `turn ${t} is after the last turn of the game (calendar.turns is ${last}); use a turn from 1 to ${last} or lengthen the calendar`;
  s.events.scripted.forEach((ev, i) => {
    if (ev.turn > last) r.error(['events', 'scripted', i, 'turn'], beyond(ev.turn));
  });
  s.events.random.forEach((ev, i) => {
    const at = ['events', 'random', i];
    if (ev.fromTurn !== undefined && ev.fromTurn > last) r.error([...at, 'fromTurn'], beyond(ev.fromTurn));
    if (ev.toTurn !== undefined && ev.toTurn > last) r.error([...at, 'toTurn'], beyond(ev.toTurn));
    if (ev.fromTurn !== undefined && ev.toTurn !== undefined && ev.fromTurn > ev.toTurn)
      r.error(
        [...at, 'fromTurn'],
        `fromTurn (${ev.fromTurn}) is after toTurn (${ev.toTurn}), so the event could never happen; swap them`,
      );
  });
  s.events.conditional.forEach((ev, i) => {
    const at = ['events', 'conditional', i, 'when'];
    const { fromTurn, toTurn } = ev.when;
    if (fromTurn !== undefined && fromTurn > last) r.error([...at, 'fromTurn'], beyond(fromTurn));
    if (toTurn !== undefined && toTurn > last) r.error([...at, 'toTurn'], beyond(toTurn));
    if (fromTurn !== undefined && toTurn !== undefined && fromTurn > toTurn)
      r.error([...at, 'fromTurn'], `fromTurn (${fromTurn}) is after toTurn (${toTurn}), so the event could never happen; swap them`);
  });
  for (const [name, policy] of Object.entries(s.policies))
    for (const key of Object.keys(policy.turns))
      if (Number(key) > last) r.error(['policies', name, 'turns', key], beyond(Number(key)), 'key');
}

function checkLeverCosts(s: Scenario, r: Reporter): void {
  s.levers.forEach((lever, i) => {
    const k = s.roles.findIndex((role) => role.id === lever.role);
    const role = s.roles[k];
    if (!role || lever.costPerLevel <= role.budgetPerTurn) return;
    r.error(
      ['levers', i, 'costPerLevel'],
      `no one can afford even level 1 of "${lever.name}": it costs ${lever.costPerLevel} points a turn and the ${role.name} (${role.id}) has ${role.budgetPerTurn}; lower costPerLevel or raise roles[${k}].budgetPerTurn`,
    );
  });
}

function checkPolicies(s: Scenario, r: Reporter): void {
  if (!Object.hasOwn(s.policies, 'none'))
    r.error(
      ['policies'],
      'there is no policy named "none"; add one (e.g. `none: { description: No new measures. }`): it is the baseline that counterfactuals compare against',
      'key',
    );
  const levers = new Map(s.levers.map((l) => [l.id, l]));
  for (const [name, policy] of Object.entries(s.policies)) {
    // Levels persist until changed, so test each role's budget at every turn key with the
    // levels the policy has in force then: the same rules the game applies in play.
    const overBudget = new Set<string>();
    for (const turn of policyTurns(policy)) {
      const key = String(turn);
      const at: DataPath = ['policies', name, 'turns', key];
      for (const [id, level] of Object.entries(policy.turns[key] ?? {})) {
        const lever = levers.get(id);
        if (!lever) checkRef(r, 'lever', id, [...levers.keys()], [...at, id], '', 'key');
        else if (level > lever.maxLevel)
          r.error([...at, id], `"${lever.name}" goes up to level ${lever.maxLevel}; lower ${level} to at most ${lever.maxLevel}`);
      }
      const levels = policyLevels(s, policy, turn);
      for (const role of s.roles) {
        const spend = roleSpend(s, levels, role.id);
        if (spend <= role.budgetPerTurn || overBudget.has(role.id)) continue;
        overBudget.add(role.id); // once per role: later turns usually repeat the same excess
        r.error(
          at,
          `from turn ${key} the policy's levers for the ${role.name} (${role.id}) cost ${spend} points a turn, over its budget of ${role.budgetPerTurn}; lower some levels (they stay in force until changed)`,
          'key',
        );
      }
    }
  }
}
