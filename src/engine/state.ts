// The headless game state: plain JSON, no classes, no functions. The UI and CLI read it;
// only the engine writes it. All money is in whole US dollars (integers).
import type { MetricName, Scenario } from '../scenario/schema.ts';

/**
 * Where the game stands. A turn's adversary operations and resolution happen inside the
 * one step that takes the last role's COMMIT, so they are never a phase of their own.
 */
export type Phase = 'setup' | 'briefing' | 'planning' | 'report' | 'debrief';

/** Funds that entered a laundering channel and leave it at readyTurn. */
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
  /** Cashed-out money put towards missiles (the rest goes to other regime spending). */
  toMissilesUsd: number;
  toOtherUsd: number;
  /** Money spent on missiles, from crypto proceeds and from other funding. */
  missileSpendUsd: number;
  otherFundingUsd: number;
  missileFundUsd: number;
  collateral: number;
  escalation: number;
  launches: number;
}

export interface AdversaryState {
  capability: number;
  /** Technology points from espionage: cheaper missiles, more launches. */
  tech: number;
  /** Share of effort per sector (sums to 1). */
  interest: Record<string, number>;
  /** Remembered success rate per sector. */
  memory: Record<string, number>;
}

export interface Vulnerability {
  sector: string;
  add: number;
  untilTurn: number;
  cause: string;
}

export interface GameState {
  phase: Phase;
  scenarioId: string;
  seed: string;
  /** Turn being planned or resolved, 1-based; 0 before the first turn. */
  turn: number;
  turnsTotal: number;
  /** Lever levels in force (set in earlier turns). */
  levers: Record<string, number>;
  /** Lever levels being planned this turn. */
  draft: Record<string, number>;
  /** Roles that committed their plan this turn, in order. */
  committed: string[];
  adversary: AdversaryState;
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

/** An event that happened either got through or had every heist it attempted blocked. */
export type RecordedOutcome = 'succeeded' | 'blocked';

export function zeroTotals(): Totals {
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
    collateral: 0,
    escalation: 0,
    launches: 0,
  };
}

function perId<T>(ids: { id: string }[], f: (id: string, i: number) => T): Record<string, T> {
  const out: Record<string, T> = {};
  ids.forEach((x, i) => {
    out[x.id] = f(x.id, i);
  });
  return out;
}

export function initialState(scenario: Scenario, seed: string): GameState {
  const attractSum = scenario.sectors.reduce((a, s) => a + s.attractiveness, 0) || 1;
  const levers = perId(scenario.levers, () => 0);
  return {
    phase: 'setup',
    scenarioId: scenario.id,
    seed,
    turn: 0,
    turnsTotal: scenario.calendar.turns,
    levers,
    draft: { ...levers },
    committed: [],
    adversary: {
      capability: scenario.adversary.capability,
      tech: 0,
      interest: perId(scenario.sectors, (_, i) => scenario.sectors[i]!.attractiveness / attractSum),
      memory: perId(scenario.sectors, (_, i) => scenario.sectors[i]!.baseSuccess),
    },
    vulnerabilities: [],
    pipeline: [],
    totals: zeroTotals(),
    stock: perId(scenario.missiles, (_, i) => scenario.missiles[i]!.initialStock),
    bought: perId(scenario.missiles, () => 0),
    launched: perId(scenario.missiles, () => 0),
    launchedByEvents: perId(scenario.missiles, () => 0),
    spentOn: perId(scenario.missiles, () => 0),
    firedEvents: [],
    eventOutcomes: {},
    injects: [],
    paused: false,
    ended: false,
  };
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
  }
}

/** Calendar label (YYYY-MM) of a 1-based turn. */
export function turnLabel(scenario: Scenario, turn: number): string {
  const [y, m] = scenario.calendar.start.split('-').map(Number) as [number, number];
  const idx = m - 1 + (turn - 1);
  const year = y + Math.floor(idx / 12);
  const month = (((idx % 12) + 12) % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function turnMonth(scenario: Scenario, turn: number): number {
  return Number(turnLabel(scenario, turn).slice(5));
}
