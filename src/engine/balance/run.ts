// `cashout balance` without the terminal: search the policy space, then play the best
// policies found, the scenario's own policies and the classic degenerate strategies on a
// separate set of check seeds, and say whether any degenerate strategy beats the best
// balanced policy. Playing games is injected, so the CLI uses worker threads and tests
// run in-process.
import type { PolicyDef, Scenario } from '../../scenario/schema.ts';
import type { RunOutcome } from '../batch.ts';
import { byStrength, type Contender, type ContenderKind, contender, type Matchup, matchUp } from './contender.ts';
import { isBalanced } from './degenerate.ts';
import { phaseStarts } from './schedule.ts';
import { type Candidate, type GenerationSummary, type SearchOptions, searchSchedules } from './search.ts';
import { classicStrategies, roleIdle } from './strategies.ts';

export interface BalanceOptions extends SearchOptions {
  /** Seeds every search candidate is played on. */
  searchSeeds: string[];
  /** Other seeds the finalists and the degenerate strategies are played on. */
  checkSeeds: string[];
  /** How many of the best (and of the best balanced) search candidates go to the final round. */
  finalists?: number;
}

/** Plays policies on seeds; calls onRuns(n) as games finish. */
export type PlayOn = (policies: PolicyDef[], seeds: readonly string[], onRuns: (n: number) => void) => Promise<RunOutcome[][]>;

export interface BalanceHooks {
  onProgress?(done: number, total: number): void;
  onGeneration?(g: GenerationSummary): void;
}

export interface BalanceReport {
  scenario: { id: string; title: string; turns: number };
  settings: {
    method: 'cross-entropy';
    generations: number;
    population: number;
    phases: number[];
    optimiserSeed: string;
    searchSeeds: { from: string; to: string; count: number };
    checkSeeds: { from: string; to: string; count: number };
  };
  objectives: { id: string; text: string }[];
  /** Distinct candidates the search played. */
  candidatesPlayed: number;
  history: GenerationSummary[];
  /** The best search candidates on the check seeds, best first, flagged if degenerate. */
  best: Contender[];
  /** The scenario's own named policies on the check seeds. */
  scenarioPolicies: Contender[];
  /** The strongest policy without any degenerate flag (search finalists and scenario policies). */
  balanced: Contender | null;
  /** Each classic degenerate strategy against the balanced policy, on the same check seeds. */
  strategies: Matchup[];
  /** Degenerate policies among the search's finalists, against the balanced policy. */
  degenerateFound: Matchup[];
  verdict: { beats: string[]; ties: string[]; sentence: string };
}

const DEFAULT_FINALISTS = 5;

export async function runBalance(scenario: Scenario, play: PlayOn, options: BalanceOptions, hooks: BalanceHooks = {}): Promise<BalanceReport> {
  const finalists = options.finalists ?? DEFAULT_FINALISTS;
  const classic = classicStrategies(scenario);
  const named = Object.entries(scenario.policies);
  const roles = scenario.roles.filter((r) => scenario.levers.some((l) => l.role === r.id));
  const searchGames = options.generations * options.population * options.searchSeeds.length;
  const checkGames = (2 * finalists + named.length + classic.length + roles.length) * options.checkSeeds.length;
  let total = searchGames + checkGames;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    hooks.onProgress?.(done, total);
  };

  const search = await searchSchedules(
    scenario,
    (policies) => play(policies, options.searchSeeds, tick),
    options,
    (g) => {
      tick((options.population - g.played) * options.searchSeeds.length); // repeats are not replayed
      hooks.onGeneration?.(g);
    },
  );

  // Final round: the best candidates and the best balanced ones, fresh seeds.
  const top = search.candidates.slice(0, finalists);
  const topBalanced = search.candidates.filter((c) => c.flags.length === 0).slice(0, finalists);
  const chosen = [...new Map([...top, ...topBalanced].map((c) => [c.key, c])).values()];
  total -= (2 * finalists - chosen.length) * options.checkSeeds.length;
  const round: { id: string; label: string; kind: ContenderKind; policy: PolicyDef; searchAllMetRate?: number }[] = [
    ...chosen.map((c, i) => searchEntry(c, i)),
    ...named.map(([name, policy]) => ({ id: `scenario:${name}`, label: `Scenario policy "${name}"`, kind: 'scenario' as const, policy })),
    ...classic.map((s) => ({ id: s.id, label: s.label, kind: s.kind, policy: s.policy })),
  ];
  const played = await play(
    round.map((r) => r.policy),
    options.checkSeeds,
    tick,
  );
  const results = round.map((r, i) => contender(scenario, r, played[i]!));
  const finalistsOut = results.filter((r) => r.kind === 'search').sort(byStrength);
  const scenarioOut = results.filter((r) => r.kind === 'scenario');
  const balanced = [...finalistsOut, ...scenarioOut].filter((c) => isBalanced(c.flags)).sort(byStrength)[0] ?? null;

  // Role idle needs the balanced policy as its base.
  const idle = balanced ? roles.map((r) => roleIdle(scenario, balanced.policy, r.id)).filter((s) => s !== null) : [];
  total -= (roles.length - idle.length) * options.checkSeeds.length;
  const idlePlayed = await play(
    idle.map((s) => s.policy),
    options.checkSeeds,
    tick,
  );
  const idleOut = idle.map((s, i) => contender(scenario, { id: s.id, label: s.label, kind: s.kind, policy: s.policy }, idlePlayed[i]!));

  const strategies = balanced
    ? [...results.filter((r) => r.kind !== 'search' && r.kind !== 'scenario'), ...idleOut].map((s) => matchUp(balanced, s))
    : [];
  const degenerateFound = balanced
    ? finalistsOut.filter((c) => !isBalanced(c.flags)).map((c) => matchUp(balanced, c))
    : [];
  const strip = <T extends { outcomes?: unknown }>(c: T): Omit<T, 'outcomes'> => {
    const { outcomes: _omit, ...rest } = c;
    return rest;
  };
  return {
    scenario: { id: scenario.id, title: scenario.title, turns: scenario.calendar.turns },
    settings: {
      method: 'cross-entropy',
      generations: options.generations,
      population: options.population,
      phases: phaseStarts(scenario.calendar.turns, options.phases),
      optimiserSeed: options.seed,
      searchSeeds: seedRange(options.searchSeeds),
      checkSeeds: seedRange(options.checkSeeds),
    },
    objectives: scenario.objectives.map((o) => ({ id: o.id, text: o.text })),
    candidatesPlayed: search.candidates.length,
    history: search.history,
    best: finalistsOut.map(strip),
    scenarioPolicies: scenarioOut.map(strip),
    balanced: balanced ? strip(balanced) : null,
    strategies,
    degenerateFound,
    verdict: verdictOf(balanced, [...strategies.filter((s) => s.contender.kind !== 'event-levers-held'), ...degenerateFound]),
  };
}

function searchEntry(c: Candidate, i: number) {
  return {
    id: `search:${i + 1}`,
    label: `Search #${i + 1}`,
    kind: 'search' as const,
    policy: c.policy,
    searchAllMetRate: c.evaluation.allMetRate,
  };
}

function seedRange(seeds: readonly string[]) {
  return { from: seeds[0] ?? '', to: seeds[seeds.length - 1] ?? '', count: seeds.length };
}

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

export function verdictOf(balanced: Contender | null, strategies: Matchup[]): BalanceReport['verdict'] {
  if (!balanced)
    return {
      beats: [],
      ties: [],
      sentence:
        'No balanced policy was found: every strong policy leans on one lever, one sector, event timing or an idle role. Run a longer search (--generations, --population) or look at the flags.',
    };
  const beats = strategies.filter((s) => s.verdict === 'beats');
  const ties = strategies.filter((s) => s.verdict === 'ties' && s.contender.evaluation.allMetRate > 0);
  const head = `The best balanced policy (${balanced.label}) meets all objectives in ${pct(balanced.evaluation.allMetRate)} of runs.`;
  if (beats.length === 0)
    return {
      beats: [],
      ties: ties.map((s) => s.contender.id),
      sentence: `${head} No degenerate strategy beats it${ties.length ? `; ${ties.length} match${ties.length === 1 ? 'es' : ''} it within luck (${ties.map((s) => s.contender.label).join('; ')})` : ''}.`,
    };
  const list = beats
    .sort((a, b) => b.difference - a.difference)
    .map((s) => `${s.contender.label} (${pct(s.contender.evaluation.allMetRate)})`)
    .join('; ');
  return {
    beats: beats.map((s) => s.contender.id),
    ties: ties.map((s) => s.contender.id),
    sentence: `${head} ${beats.length} degenerate strateg${beats.length === 1 ? 'y beats' : 'ies beat'} it: ${list}. The scenario rewards a trick.`,
  };
}
