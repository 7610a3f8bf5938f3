// What happened in one turn, with the figures that produced it, the odds that decided it
// and the sources behind them. Reports are plain data the UI renders and the CLI prints;
// they are part of what a replay verifies. Money is whole US dollars; shares are 0-1.
import type { Totals } from './state.ts';

export interface HeistRecord {
  sector: string;
  /** Attack method id (scenario `methods`). */
  method: string;
  /** Loot taken, or what was at stake when blocked. */
  amountUsd: number;
  /** operation: one of the adversary's teams; event: a documented (scripted) heist; campaign: the renewed try after a blocked documented heist. */
  origin: 'operation' | 'event' | 'campaign';
  /** The scripted event behind it (events; for campaigns, the blocked heist's event). */
  eventId?: string;
  name?: string;
  /** True when the defences stopped the attempt (amountUsd is what was at stake). */
  blocked: boolean;
  /**
   * Share of attempts the defence stock against this sector and method blocked: the stock
   * built up *before* this month, never this month's decisions. For a documented heist it
   * is the chance the heist was blocked ("your defences gave a 55 % chance to block it"),
   * from the stock in place when the heist was prepared (preparedMonths earlier).
   */
  blockChance: number;
  /**
   * Chance one team's attempt succeeded: exposure × capability × (1 + vulnerability) ×
   * (1 − blockChance), capped at 95 %. For documented heists: 1 − blockChance.
   */
  successChance: number;
  /** The draw in [0, 1) that decided it: success when roll < successChance. */
  roll: number;
  /** Share of the loot in freezable stablecoins, and what issuers froze before it could be swapped. */
  stablecoinShare: number;
  frozenAtTheftUsd: number;
  /** Source of a documented heist. */
  source?: string;
}

/** Teams the adversary put on one (sector, method) pair this month, and why. */
export interface TargetChoice {
  sector: string;
  method: string;
  teams: number;
  successes: number;
  /** Chance one team succeeds this month, and the defence's share of attempts blocked. */
  successChance: number;
  blockChance: number;
  /** What the adversary believed the chance was when it chose (learnt from past months). */
  expectedChance: number;
  /** Share of its effort the adversary gives the pair, and the sector's value weight. */
  interest: number;
  attractiveness: number;
}

export interface SectorOps {
  teams: number;
  successes: number;
  /** Team-weighted success chance over the sector's methods. */
  successChance: number;
  /** Technology points taken (espionage sectors only). */
  techGained: number;
}

/** What one channel did with this month's funds. */
export interface ChannelFlow {
  stage: number;
  channel: string;
  inUsd: number;
  frozenUsd: number;
  lostUsd: number;
}

/** How launderers ranked one channel this month, and what it could take. */
export interface RouteChoice {
  stage: number;
  channel: string;
  /** 1 = first choice in its stage. Launderers fill channels in this order up to capacity. */
  rank: number;
  /** Loss launderers expect per dollar: fee + expected freeze + delay × delay cost. */
  expectedLoss: number;
  fee: number;
  freezeExpected: number;
  /** This month's freeze rate after enforcement luck. */
  freezeActual: number;
  delayTurns: number;
  /** Capacity this month after designations, evasion and successors (absent: no limit). */
  capacityUsd?: number;
  /** Share of the capacity cut still biting (cut × (1 − evasion)). */
  cut: number;
  /** Capacity a successor service took over from its predecessor's cut. */
  successorUsd: number;
  inUsd: number;
}

export interface SeizureRecord {
  eventId: string;
  /** The heist whose loot the seizure targets (absent: any funds being laundered). */
  heist?: string;
  requestedUsd: number;
  seizedUsd: number;
  /** Why less than requested: the heist was blocked, or its loot had already moved on. */
  reason?: 'heist-blocked' | 'loot-gone' | 'pipeline-short';
}

export interface EventRecord {
  id: string;
  title: string;
  text: string;
  source?: string;
  kind: 'scripted' | 'random' | 'conditional' | 'injected';
}

/** Why a missile type was tested as often as it was this month. */
export interface LaunchOdds {
  missile: string;
  /** Expected tests: testsPerMonth × doctrine × calendar × (1 + escalation/100) × (1 + technology boost). */
  expected: number;
  testsPerMonth: number;
  doctrineTempo: number;
  doctrine: string[];
  calendarMultiplier: number;
  /** Tests doctrine called for this month (a Poisson draw with mean `expected`). */
  planned: number;
  /** Missiles in stock above the reserve, after this month's deliveries. */
  available: number;
  /** Launches scripted by events (documented tests, fired from outside the modelled stock). */
  scripted: number;
  /** min(planned, available) + scripted. */
  launched: number;
}

/** Procurement of one missile type this month. */
export interface Purchase {
  missile: string;
  unitCostUsd: number;
  /** Production this month could deliver (whole missiles, with carry-over). */
  capacity: number;
  bought: number;
}

export interface TurnReport {
  turn: number;
  label: string;
  levers: Record<string, number>;
  costByRole: Record<string, number>;
  /** Per sector: share of attempts blocked this month (exposure-weighted over its methods). */
  defense: Record<string, number>;
  /** Per channel: freeze share (base included) and capacity cut the levers in force ask for. */
  freeze: Record<string, number>;
  deter: Record<string, number>;
  coalition: number;
  /** Capability this month after sanction pressure, and the share pressure took off. */
  capability: number;
  capabilityCut: number;
  /** Technology points gained this turn and held after it; missile cost factor in force. */
  techGained: number;
  tech: number;
  missileCostFactor: number;
  ops: Record<string, SectorOps>;
  /** The adversary's choices this month: every (sector, method) pair it put teams on. */
  targeting: TargetChoice[];
  heists: HeistRecord[];
  flows: ChannelFlow[];
  /** The launderers' ranking of every channel this month. */
  routing: RouteChoice[];
  seizures: SeizureRecord[];
  events: EventRecord[];
  stolenUsd: number;
  frozenUsd: number;
  /** Parts of frozenUsd: seized by events, and frozen by stablecoin issuers at the theft. */
  seizedUsd: number;
  frozenAtTheftUsd: number;
  lostUsd: number;
  /** Funds that found no capacity this month and wait for the next. */
  queuedUsd: number;
  cashedOutUsd: number;
  /** Crypto cash put towards missiles. */
  toMissilesUsd: number;
  /** Missile money from the other income streams together. */
  otherFundingUsd: number;
  /** Missile money this month by source ("crypto" and each income stream id). */
  fundingUsd: Record<string, number>;
  /** Income of the other streams this month, by stream id (before the missile share). */
  incomeUsd: Record<string, number>;
  /** Per income stream: share cut by pressure this month. */
  incomeCut: Record<string, number>;
  missileSpendUsd: number;
  purchases: Purchase[];
  bought: Record<string, number>;
  launched: Record<string, number>;
  launchOdds: LaunchOdds[];
  /** Calendar multiplier on tests this month, and the names of the occasions. */
  launchMultiplier: number;
  calendarNotes: string[];
  collateral: number;
  escalation: number;
  /** Share of the adversary's effort per sector after this month's learning. */
  interest: Record<string, number>;
  totals: Totals;
}
