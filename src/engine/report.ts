// What happened in one turn, with the figures that produced it. Reports are plain data
// the UI renders and the CLI prints; they are part of what a replay verifies.
import type { Totals } from './state.ts';

export interface HeistRecord {
  sector: string;
  amountUsd: number;
  origin: 'operation' | 'event';
  /** Present for scripted heists: the event that caused it. */
  eventId?: string;
  name?: string;
  /** True when the attempt failed against the sector's defences (amountUsd is what was at stake). */
  blocked: boolean;
}

export interface ChannelFlow {
  stage: number;
  channel: string;
  inUsd: number;
  frozenUsd: number;
  lostUsd: number;
}

export interface EventRecord {
  id: string;
  title: string;
  text: string;
  source?: string;
  kind: 'scripted' | 'random' | 'conditional' | 'injected';
}

export interface SectorOps {
  teams: number;
  successes: number;
  successChance: number;
  /** Technology points taken (espionage sectors only). */
  techGained: number;
}

export interface TurnReport {
  turn: number;
  label: string;
  levers: Record<string, number>;
  costByRole: Record<string, number>;
  defense: Record<string, number>;
  freeze: Record<string, number>;
  deter: Record<string, number>;
  coalition: number;
  capability: number;
  /** Technology points gained this turn and held after it; missile cost factor in force. */
  techGained: number;
  tech: number;
  missileCostFactor: number;
  ops: Record<string, SectorOps>;
  heists: HeistRecord[];
  flows: ChannelFlow[];
  events: EventRecord[];
  stolenUsd: number;
  frozenUsd: number;
  /** Part of frozenUsd seized by events (fixed amounts) rather than channel freezes. */
  seizedUsd: number;
  lostUsd: number;
  /** Funds pushed off preferred laundering channels by deterrence, and the cost of switching. */
  reroutedUsd: number;
  switchLossUsd: number;
  cashedOutUsd: number;
  toMissilesUsd: number;
  otherFundingUsd: number;
  missileSpendUsd: number;
  bought: Record<string, number>;
  launched: Record<string, number>;
  launchMultiplier: number;
  calendarNotes: string[];
  collateral: number;
  escalation: number;
  interest: Record<string, number>;
  totals: Totals;
}
