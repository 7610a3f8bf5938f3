// Policy files for `cashout sim --policy file.yaml` and `batch`: the same shape as a
// scenario's policies entry, checked against the scenario it will be played in.
import { policyLevels } from '../engine/autoplay.ts';
import { roleSpend } from '../engine/rules.ts';
import type { Diagnostic, LoadResult } from '../scenario/diagnostics.ts';
import { Policy, type PolicyDef, type Scenario } from '../scenario/schema.ts';
import { parseStructured } from '../scenario/structured.ts';
import { didYouMean } from '../scenario/suggest.ts';

export const MAX_POLICY_BYTES = 256 * 1024;

export function parsePolicyText(text: string, file: string, scenario: Scenario): LoadResult<PolicyDef> {
  const r = parseStructured(text, file, Policy, { what: 'a policy file (description: and turns:)', maxBytes: MAX_POLICY_BYTES });
  if (!r.ok) return r;
  const policy = r.value;
  const errors: Diagnostic[] = [];
  const at = (path: (string | number)[], message: string, part?: 'key'): Diagnostic => ({
    file,
    ...r.locate(path, part),
    path: path.join('.'),
    message,
    severity: 'error',
  });
  const levers = new Map(scenario.levers.map((l) => [l.id, l]));
  for (const [turn, set] of Object.entries(policy.turns)) {
    if (Number(turn) > scenario.calendar.turns)
      errors.push(at(['turns', turn], `turn ${turn} is after the last turn (${scenario.calendar.turns}) of "${scenario.id}"`, 'key'));
    for (const [id, level] of Object.entries(set)) {
      const lever = levers.get(id);
      if (!lever) {
        const hint = didYouMean(id, [...levers.keys()]);
        errors.push(at(['turns', turn, id], `"${scenario.id}" has no lever "${id}"${hint}`, 'key'));
      } else if (level > lever.maxLevel)
        errors.push(at(['turns', turn, id], `"${lever.name}" goes up to level ${lever.maxLevel}, not ${level}`));
    }
  }
  if (errors.length === 0) {
    // Levels persist until changed, so check every turn's combination against budgets.
    budget: for (let t = 1; t <= scenario.calendar.turns; t++) {
      const levels = policyLevels(scenario, policy, t);
      for (const role of scenario.roles) {
        const spend = roleSpend(scenario, levels, role.id);
        if (spend <= role.budgetPerTurn) continue;
        const key = Object.keys(policy.turns)
          .filter((k) => Number(k) <= t)
          .sort((a, b) => Number(b) - Number(a))[0];
        errors.push(
          at(
            key ? ['turns', key] : ['turns'],
            `from turn ${t} the ${role.name} would spend ${spend} points a turn but has ${role.budgetPerTurn}; lower its levers`,
          ),
        );
        break budget; // the first turn over budget is enough to act on
      }
    }
  }
  return errors.length ? { ok: false, errors, warnings: r.warnings } : { ok: true, value: policy, warnings: r.warnings };
}
