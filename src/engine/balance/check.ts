// The final round of a balance run, also run by the shipped-scenario regression test:
// play the candidate policies (search finalists, the scenario's own, a pinned file) and
// the classic degenerate strategies on the same check seeds, pick the strongest balanced
// candidate, and match every degenerate strategy against it.
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import type { RunOutcome } from '../batch.ts';
import { byStrength, type Contender, type ContenderKind, contender, type Matchup, matchUp } from './contender.ts';
import { isBalanced } from './degenerate.ts';
import { classicStrategies, roleIdle } from './strategies.ts';

export interface Entry {
  id: string;
  label: string;
  kind: ContenderKind;
  policy: PolicyDef;
  searchAllMetRate?: number;
}

/** Plays policies on seeds; calls onRuns(n) as games finish. */
export type PlayOn = (policies: PolicyDef[], seeds: readonly string[], onRuns: (n: number) => void) => Promise<RunOutcome[][]>;

export interface CheckResult {
  /** Every candidate on the check seeds, in the order given. */
  candidates: Contender[];
  balanced: Contender | null;
  /** Each classic degenerate strategy (and each role idle) against the balanced policy. */
  strategies: Matchup[];
  /** Candidates that are themselves degenerate (search finalists, files), against the balanced policy. */
  degenerateFound: Matchup[];
}

/** Roles that own levers: the ones that can be left idle. */
function activeRoles(scenario: Scenario) {
  return scenario.roles.filter((r) => scenario.levers.some((l) => l.role === r.id));
}

/** Games the check will play at most (for progress bars). */
export function checkGames(scenario: Scenario, candidates: number, seeds: number): number {
  return (candidates + classicStrategies(scenario).length + activeRoles(scenario).length) * seeds;
}

const strip = (c: Contender & { outcomes?: unknown }): Contender => {
  const { outcomes: _omit, ...rest } = c;
  return rest;
};

export async function checkDegenerates(
  scenario: Scenario,
  play: PlayOn,
  entries: readonly Entry[],
  seeds: readonly string[],
  onRuns: (n: number) => void = () => {},
): Promise<CheckResult> {
  const classic = classicStrategies(scenario).map((s) => ({ id: s.id, label: s.label, kind: s.kind, policy: s.policy }));
  const round = [...entries, ...classic];
  const played = await play(
    round.map((r) => r.policy),
    seeds,
    onRuns,
  );
  const results = round.map((r, i) => contender(scenario, r, played[i]!));
  const candidates = results.slice(0, entries.length);
  const balanced = candidates.filter((c) => isBalanced(c.flags)).sort(byStrength)[0] ?? null;
  if (!balanced) return { candidates: candidates.map(strip), balanced: null, strategies: [], degenerateFound: [] };

  // Role idle needs the balanced policy as its base.
  const idle = activeRoles(scenario)
    .map((r) => roleIdle(scenario, balanced.policy, r.id))
    .filter((s) => s !== null)
    .map((s) => ({ id: s.id, label: s.label, kind: s.kind, policy: s.policy }));
  const idlePlayed = await play(
    idle.map((s) => s.policy),
    seeds,
    onRuns,
  );
  const idleOut = idle.map((s, i) => contender(scenario, s, idlePlayed[i]!));
  return {
    candidates: candidates.map(strip),
    balanced: strip(balanced),
    strategies: [...results.slice(entries.length), ...idleOut].map((s) => matchUp(balanced, s)),
    degenerateFound: candidates.filter((c) => c.kind !== 'scenario' && !isBalanced(c.flags)).map((c) => matchUp(balanced, c)),
  };
}
