// Outcomes of a run, for `cashout sim --json`, the debrief and batch statistics.
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compiled.ts';
import { usdToYen } from './money.ts';
import { namedParams } from './params.ts';
import type { TurnReport } from './report.ts';
import { cryptoShare, type GameState, metricValue } from './state.ts';

export interface ObjectiveResult {
  id: string;
  text: string;
  metric: string;
  op: '<=' | '>=';
  target: number;
  value: number;
  met: boolean;
}

export function evaluateObjectives(scenario: Scenario, state: GameState): ObjectiveResult[] {
  return scenario.objectives.map((o) => {
    const value = metricValue(state, o.metric);
    return {
      id: o.id,
      text: o.text,
      metric: o.metric,
      op: o.op,
      target: o.target,
      value,
      met: o.op === '<=' ? value <= o.target : value >= o.target,
    };
  });
}

export interface TurnRow {
  turn: number;
  label: string;
  stolenUsd: number;
  frozenUsd: number;
  lostUsd: number;
  cashedOutUsd: number;
  missileSpendUsd: number;
  launches: number;
  /** Successful heists, and documented heists the defences blocked. */
  heists: number;
  blockedHeists: number;
  /** Missile money this turn by source ("crypto" and each income stream id). */
  fundingUsd: Record<string, number>;
  events: string[];
  hash?: string;
}

export interface DocumentedHeist {
  turn: number;
  label: string;
  eventId: string;
  name: string;
  sector: string;
  method: string;
  amountUsd: number;
  blocked: boolean;
  /** Chance the defence stock built before that month gave to block it, and the draw. */
  blockChance: number;
  roll: number;
}

export interface RunSummary {
  scenario: string;
  title: string;
  seed: string;
  turns: number;
  stolenUsd: number;
  frozenUsd: number;
  lostUsd: number;
  cashedOutUsd: number;
  inPipelineUsd: number;
  launches: Record<string, number>;
  launchesTotal: number;
  missilesBought: Record<string, number>;
  missileSpendUsd: number;
  missileSpendYen: number;
  /** Missile money received by source ("crypto" and each income stream id), and crypto's share of it. */
  fundingUsd: Record<string, number>;
  cryptoShare: number;
  /** Successful heists; documented heists blocked and what they were worth. */
  heists: number;
  blockedHeists: number;
  blockedUsd: number;
  /** Every documented (scripted) heist: whether the defences in place blocked it, and the odds they gave. */
  documentedHeists: DocumentedHeist[];
  /** This run's parameter values by id (drawn from their ranges unless the scenario plays point values). */
  parameters: Record<string, number>;
  collateral: number;
  escalation: number;
  objectives: ObjectiveResult[];
  perTurn: TurnRow[];
}

export function turnRow(r: TurnReport, hash?: string): TurnRow {
  return {
    turn: r.turn,
    label: r.label,
    stolenUsd: r.stolenUsd,
    frozenUsd: r.frozenUsd,
    lostUsd: r.lostUsd,
    cashedOutUsd: r.cashedOutUsd,
    missileSpendUsd: r.missileSpendUsd,
    launches: Object.values(r.launched).reduce((a, b) => a + b, 0),
    heists: r.heists.filter((h) => !h.blocked).length,
    blockedHeists: r.heists.filter((h) => h.blocked && h.origin === 'event').length,
    fundingUsd: { ...r.fundingUsd },
    events: r.events.map((e) => e.id),
    ...(hash ? { hash } : {}),
  };
}

export function summarize(
  scenario: Scenario,
  state: GameState,
  reports: readonly TurnReport[],
  turnHashes: string[] = [],
): RunSummary {
  const t = state.totals;
  return {
    scenario: scenario.id,
    title: scenario.title,
    seed: state.seed,
    turns: reports.length,
    stolenUsd: t.stolenUsd,
    frozenUsd: t.frozenUsd,
    lostUsd: t.lostUsd,
    cashedOutUsd: t.cashedOutUsd,
    inPipelineUsd: t.inPipelineUsd,
    launches: { ...state.launched },
    launchesTotal: t.launches,
    missilesBought: { ...state.bought },
    missileSpendUsd: t.missileSpendUsd,
    missileSpendYen: usdToYen(t.missileSpendUsd, scenario),
    fundingUsd: { ...t.fundingUsd },
    cryptoShare: cryptoShare(t),
    heists: t.heists,
    blockedHeists: t.blockedHeists,
    blockedUsd: t.blockedUsd,
    documentedHeists: reports.flatMap((r) =>
      r.heists
        .filter((h) => h.origin === 'event')
        .map((h) => ({
          turn: r.turn,
          label: r.label,
          eventId: h.eventId ?? '',
          name: h.name ?? h.eventId ?? '',
          sector: h.sector,
          method: h.method,
          amountUsd: h.amountUsd,
          blocked: h.blocked,
          blockChance: h.blockChance,
          roll: h.roll,
        })),
    ),
    parameters: namedParams(compile(scenario).params, state.params),
    collateral: t.collateral,
    escalation: t.escalation,
    objectives: evaluateObjectives(scenario, state),
    perTurn: reports.map((r, i) => turnRow(r, turnHashes[i])),
  };
}
