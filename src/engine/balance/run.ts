// `cashout balance` without the terminal: search the policy space, then play the best
// policies found, the scenario's own policies and the classic degenerate strategies on a
// separate set of check seeds, and say whether any degenerate strategy beats the best
// balanced policy. Playing games is injected, so the CLI uses worker threads and tests
// run in-process.
import type { Scenario } from '../../scenario/schema.ts';
import { checkDegenerates, checkGames, type Entry, type PlayOn } from './check.ts';
import { byStrength, type Contender, type Matchup } from './contender.ts';
import { isBalanced } from './degenerate.ts';
import { phaseStarts } from './schedule.ts';
import { type Candidate, type GenerationSummary, type SearchOptions, searchSchedules } from './search.ts';

export type { PlayOn } from './check.ts';

export interface BalanceOptions extends SearchOptions {
  /** Seeds every search candidate is played on. */
  searchSeeds: string[];
  /** Other seeds the finalists and the degenerate strategies are played on. */
  checkSeeds: string[];
  /** How many of the best (and of the best balanced) search candidates go to the final round. */
  finalists?: number;
}

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
  const named = Object.entries(scenario.policies);
  const check = options.checkSeeds.length;
  let total = options.generations * options.population * options.searchSeeds.length + checkGames(scenario, 2 * finalists + named.length, check);
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

  // Final round on fresh seeds: the best candidates and the best balanced ones.
  const top = search.candidates.slice(0, finalists);
  const topBalanced = search.candidates.filter((c) => isBalanced(c.flags)).slice(0, finalists);
  const chosen = [...new Map([...top, ...topBalanced].map((c) => [c.key, c])).values()];
  total = done + checkGames(scenario, chosen.length + named.length, check);
  const entries: Entry[] = [
    ...chosen.map((c, i) => searchEntry(c, i)),
    ...named.map(([name, policy]) => ({ id: `scenario:${name}`, label: `Scenario policy "${name}"`, kind: 'scenario' as const, policy })),
  ];
  const result = await checkDegenerates(scenario, play, entries, options.checkSeeds, tick);
  total = done; // role idle is skipped when no balanced policy exists
  hooks.onProgress?.(done, total);
  const { balanced, strategies, degenerateFound } = result;
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
    best: result.candidates.filter((c) => c.kind === 'search').sort(byStrength),
    scenarioPolicies: result.candidates.filter((c) => c.kind === 'scenario'),
    balanced,
    strategies,
    degenerateFound,
    verdict: verdictOf(balanced, [...strategies.filter((s) => s.contender.kind !== 'event-levers-held'), ...degenerateFound]),
  };
}

function searchEntry(c: Candidate, i: number): Entry {
  return {
    id: `search:${i + 1}`,
    label: `Search #${i + 1}`,
    kind: 'search',
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
