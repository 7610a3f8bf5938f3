// The headless game state: plain JSON, no classes, no functions. The UI and CLI read it;
// only the engine writes it. All money is in whole US dollars (integers).
import type { MetricName, Scenario } from '../scenario/schema.ts';
import { compile, labelOf } from './compiled.ts';
import { round6 } from './detmath.ts';
import { drawParams } from './params.ts';
import { type StockPair, zeroStocks } from './stocks.ts';

/** Highest chance one team's operation can succeed. */
export const MAX_SUCCESS = 0.95;
/** Months of defence stock remembered for heists prepared ahead (events' preparedMonths ≤ this). */
export const DEFENCE_MEMORY = 6;

/**
 * Where the game stands. A turn's adversary operations and resolution happen inside the
 * one step that takes the last role's COMMIT, so they are never a phase of their own.
 */
export type Phase = 'setup' | 'briefing' | 'planning' | 'report' | 'debrief';

/**
 * Funds in the laundering pipeline. In a channel (channel = its id): they leave it at
 * readyTurn for the next stage. Waiting for capacity (channel = ""): they try to enter
 * stage `stage` again at readyTurn.
 */
export interface Tranche {
  stage: number;
  channel: string;
  readyTurn: number;
  amountUsd: number;
}

export interface Totals {
  stolenUsd: number;
  frozenUsd: number;
  lostUsd: number;
  cashedOutUsd: number;
  inPipelineUsd: number;
  /** Crypto cash put towards missiles (the rest goes to other regime spending). */
  toMissilesUsd: number;
  toOtherUsd: number;
  /** Money spent buying missiles, from every source. */
  missileSpendUsd: number;
  /** Missile money from income other than crypto (all streams together). */
  otherFundingUsd: number;
  /** Missile money received but not yet spent. */
  missileFundUsd: number;
  /** Missile money received, by source: "crypto" and each income stream id. */
  fundingUsd: Record<string, number>;
  /** Income of each non-crypto stream (before the missile share), by stream id. */
  incomeUsd: Record<string, number>;
  /** Successful heists, documented heists blocked, and what those blocked heists were worth. */
  heists: number;
  blockedHeists: number;
  blockedUsd: number;
  collateral: number;
  escalation: number;
  launches: number;
}

export interface AdversaryState {
  /** Capability before sanction pressure (grows each turn). */
  capability: number;
  /** Technology points from espionage: cheaper missiles, more tests. */
  tech: number;
  /** Share of teams per (sector, method) cell, compiled cell order (sums to 1). */
  interest: number[];
  /** The adversary's estimate of each cell's success chance per team. */
  estimate: number[];
}

export interface Vulnerability {
  sector: string;
  add: number;
  untilTurn: number;
  cause: string;
}

/** A blocked documented heist whose team goes after the next best target. */
export interface Campaign {
  eventId: string;
  name: string;
  /** Value it is after (the blocked heist's value × displacement share). */
  usd: number;
  turnsLeft: number;
}

/** What launderers know and what the network has adapted, per channel (compiled order). */
export interface ChannelState {
  /** Freeze rate launderers expect, learnt from the freezes they see. */
  freezeExpected: number[];
  /** Share of a capacity cut that has been evaded. */
  evasion: number[];
  /** Months a successor has been growing (successor channels only; 0 otherwise). */
  successorMonths: number[];
}

export interface GameState {
  phase: Phase;
  scenarioId: string;
  seed: string;
  /** Turn being planned or resolved, 1-based; 0 before the first turn. */
  turn: number;
  turnsTotal: number;
  /** This run's parameter values (see src/engine/params.ts; namedParams gives their ids). */
  params: number[];
  /** Lever levels in force (set in earlier turns). */
  levers: Record<string, number>;
  /** Lever levels being planned this turn. */
  draft: Record<string, number>;
  /** Roles that committed their plan this turn, in order. */
  committed: string[];
  adversary: AdversaryState;
  /** Defence stock per (sector, method) cell. */
  defence: StockPair;
  /**
   * The defence stock at the start of earlier months, most recent first (up to
   * DEFENCE_MEMORY): a documented heist prepared k months ahead meets the stock of then.
   */
  defenceHistory: number[][];
  /** Pressure on capability (one entry) and on each income stream (scenario order). */
  pressure: StockPair;
  incomePressure: StockPair;
  /** Share of the capability pressure the adversary has evaded. */
  pressureEvasion: number;
  channels: ChannelState;
  campaigns: Campaign[];
  /** Loot of documented heists that a later seizure names, still being laundered (estimate). */
  tracked: Record<string, number>;
  vulnerabilities: Vulnerability[];
  pipeline: Tranche[];
  totals: Totals;
  stock: Record<string, number>;
  bought: Record<string, number>;
  launched: Record<string, number>;
  /**
   * Launches scripted by events (documented tests), part of `launched`. They come from the
   * arsenal outside the modelled purchases, so stock = initial + bought − (launched − these).
   */
  launchedByEvents: Record<string, number>;
  /** Money spent per missile type (drives procurement preference). */
  spentOn: Record<string, number>;
  /** Production not yet taken up, per missile type (missiles; fractions carry over). */
  production: Record<string, number>;
  firedEvents: string[];
  /**
   * How each event that has happened turned out, by event id (the latest time it happened):
   * conditional events can follow an outcome ("Tether freezes the DMM loot" needs the DMM
   * heist to have succeeded).
   */
  eventOutcomes: Record<string, RecordedOutcome>;
  /** Scenario events a facilitator queued to happen in the next resolution. */
  injects: string[];
  paused: boolean;
  ended: boolean;
}

/**
 * A shallow copy of a game state, built by one object literal in the interface's order.
 * Every step copies the state (it is a value: replays, checkpoints and counterfactuals keep
 * old ones); states come out of several rules with different hidden classes, and V8's
 * object spread over such a mix falls back to a slow generic copy. One literal gives every
 * copy the same shape, and TypeScript refuses it if a field is added to GameState and left out.
 */
export function copyState(s: GameState): GameState {
  return {
    phase: s.phase,
    scenarioId: s.scenarioId,
    seed: s.seed,
    turn: s.turn,
    turnsTotal: s.turnsTotal,
    params: s.params,
    levers: s.levers,
    draft: s.draft,
    committed: s.committed,
    adversary: s.adversary,
    defence: s.defence,
    defenceHistory: s.defenceHistory,
    pressure: s.pressure,
    incomePressure: s.incomePressure,
    pressureEvasion: s.pressureEvasion,
    channels: s.channels,
    campaigns: s.campaigns,
    tracked: s.tracked,
    vulnerabilities: s.vulnerabilities,
    pipeline: s.pipeline,
    totals: s.totals,
    stock: s.stock,
    bought: s.bought,
    launched: s.launched,
    launchedByEvents: s.launchedByEvents,
    spentOn: s.spentOn,
    production: s.production,
    firedEvents: s.firedEvents,
    eventOutcomes: s.eventOutcomes,
    injects: s.injects,
    paused: s.paused,
    ended: s.ended,
  };
}

/** An event that happened either got through or had every heist it attempted blocked. */
export type RecordedOutcome = 'succeeded' | 'blocked';

export function zeroTotals(scenario: Scenario): Totals {
  const streams = scenario.regime.income.map((x) => x.id);
  const funding: Record<string, number> = { crypto: 0 };
  const income: Record<string, number> = {};
  for (const id of streams) {
    funding[id] = 0;
    income[id] = 0;
  }
  return {
    stolenUsd: 0,
    frozenUsd: 0,
    lostUsd: 0,
    cashedOutUsd: 0,
    inPipelineUsd: 0,
    toMissilesUsd: 0,
    toOtherUsd: 0,
    missileSpendUsd: 0,
    otherFundingUsd: 0,
    missileFundUsd: 0,
    fundingUsd: funding,
    incomeUsd: income,
    heists: 0,
    blockedHeists: 0,
    blockedUsd: 0,
    collateral: 0,
    escalation: 0,
    launches: 0,
  };
}

function perId<T>(ids: { id: string }[], f: (i: number) => T): Record<string, T> {
  const out: Record<string, T> = {};
  ids.forEach((x, i) => {
    out[x.id] = f(i);
  });
  return out;
}

/** The adversary's first allocation: by value × undefended chance, sharpened by its focus. */
export function initialInterest(scenario: Scenario, capability: number): { interest: number[]; estimate: number[] } {
  const c = compile(scenario);
  const estimate = c.cellExposure.map((e) => round6(Math.min(MAX_SUCCESS, e * capability)));
  return { interest: focusShares(scenario, estimate), estimate };
}

/** Target shares of effort: (attractiveness × estimated chance)^focus, normalised. */
export function focusShares(scenario: Scenario, estimate: readonly number[]): number[] {
  const c = compile(scenario);
  const focus = scenario.adversary.focus;
  const n = estimate.length;
  const w = new Array<number>(n);
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const v = c.attractiveness[c.cellSector[k]!]! * estimate[k]!;
    let x = v;
    for (let f = 1; f < focus; f++) x *= v;
    w[k] = x;
    sum += x;
  }
  for (let k = 0; k < n; k++) w[k] = sum > 0 ? w[k]! / sum : 1 / n;
  return w;
}

/**
 * A new game. Parameters are drawn from `paramSeed` (the game seed unless a batch
 * separates parameter uncertainty from luck); every other draw comes from `seed`.
 */
export function initialState(scenario: Scenario, seed: string, paramSeed: string = seed): GameState {
  const c = compile(scenario);
  const levers = perId(scenario.levers, () => 0);
  const capability = scenario.adversary.capability;
  const { interest, estimate } = initialInterest(scenario, capability);
  return {
    phase: 'setup',
    scenarioId: scenario.id,
    seed,
    turn: 0,
    turnsTotal: scenario.calendar.turns,
    params: drawParams(c.params, scenario, paramSeed),
    levers,
    draft: { ...levers },
    committed: [],
    adversary: { capability, tech: 0, interest: interest.map(round6), estimate },
    defence: zeroStocks(c.cellSector.length),
    defenceHistory: [],
    pressure: zeroStocks(1),
    incomePressure: zeroStocks(c.streamIds.length),
    pressureEvasion: 0,
    channels: {
      freezeExpected: [...c.channelBaseFreeze],
      evasion: c.channelIds.map(() => 0),
      successorMonths: c.channelIds.map(() => 0),
    },
    campaigns: [],
    tracked: {},
    vulnerabilities: [],
    pipeline: [],
    totals: zeroTotals(scenario),
    stock: perId(scenario.missiles, (i) => scenario.missiles[i]!.initialStock),
    bought: perId(scenario.missiles, () => 0),
    launched: perId(scenario.missiles, () => 0),
    launchedByEvents: perId(scenario.missiles, () => 0),
    spentOn: perId(scenario.missiles, () => 0),
    production: perId(scenario.missiles, () => 0),
    firedEvents: [],
    eventOutcomes: {},
    injects: [],
    paused: false,
    ended: false,
  };
}

/** Crypto's share of the money the missile programme received so far (0 when none yet). */
export function cryptoShare(t: Totals): number {
  let all = 0;
  for (const v of Object.values(t.fundingUsd)) all += v;
  return all > 0 ? round6((t.fundingUsd.crypto ?? 0) / all) : 0;
}

/** The value of an objective's metric in a state. */
export function metricValue(state: GameState, metric: MetricName): number {
  const t = state.totals;
  switch (metric) {
    case 'stolenUsd':
      return t.stolenUsd;
    case 'cashedOutUsd':
      return t.cashedOutUsd;
    case 'frozenUsd':
      return t.frozenUsd;
    case 'missileSpendUsd':
      return t.missileSpendUsd;
    case 'launches':
      return t.launches;
    case 'collateral':
      return t.collateral;
    case 'escalation':
      return t.escalation;
    case 'cryptoShare':
      return cryptoShare(t);
    case 'heists':
      return t.heists;
  }
}

/** Calendar label (YYYY-MM) of a 1-based turn. */
export function turnLabel(scenario: Scenario, turn: number): string {
  return labelOf(scenario, compile(scenario), turn);
}

export function turnMonth(scenario: Scenario, turn: number): number {
  return Number(turnLabel(scenario, turn).slice(5));
}
