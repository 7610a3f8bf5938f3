// Adversary operations. Teams go to (sector, method) pairs by the adversary's learnt
// estimate of what pays; each team's attempt succeeds with the pair's exposure ×
// capability × (1 + vulnerability) × (1 − defence blocked share). What got harder gets
// fewer teams next month; a blocked documented heist sends its team after the next best
// target (a campaign).
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compiled.ts';
import { clamp, detPow, round6 } from './detmath.ts';
import type { HeistRecord, SectorOps, TargetChoice } from './report.ts';
import type { TurnStreams } from './rng.ts';
import { type AdversaryState, type Campaign, focusShares, MAX_SUCCESS, type Vulnerability } from './state.ts';

export { MAX_SUCCESS };

/**
 * Teams per cell by systematic rounding of cumulative shares: sums exactly to `teams`,
 * each cell within one team of its exact quota, no sorting.
 */
export function allocateTeams(teams: number, shares: readonly number[]): number[] {
  let sum = 0;
  for (const w of shares) sum += w > 0 ? w : 0;
  const out = new Array<number>(shares.length).fill(0);
  if (sum <= 0 || shares.length === 0) {
    if (shares.length) out[0] = teams;
    return out;
  }
  let cum = 0;
  let given = 0;
  for (let k = 0; k < shares.length; k++) {
    cum += shares[k]! > 0 ? shares[k]! : 0;
    const upTo = k === shares.length - 1 ? teams : Math.floor((cum / sum) * teams + 0.5);
    out[k] = Math.max(0, upTo - given);
    given += out[k]!;
  }
  return out;
}

export function vulnerabilityOf(vulns: readonly Vulnerability[], sector: string, turn: number): number {
  let add = 0;
  for (const v of vulns) if (v.sector === sector && v.untilTurn >= turn) add += v.add;
  return add;
}

export function successChance(exposure: number, capability: number, vulnerability: number, block: number): number {
  return round6(clamp(exposure * capability * (1 + vulnerability) * (1 - block), 0, MAX_SUCCESS));
}

/**
 * Size of a successful heist: Pareto with the sector's median and tail index, capped at
 * its max. Most heists are small; a few are Ronin- or Bybit-sized.
 */
export function heistSize(medianUsd: number, tailIndex: number, maxUsd: number, u: number): number {
  // Pareto(xm, a) has median xm * 2^(1/a); inverse CDF x = xm * (1-u)^(-1/a).
  const xm = medianUsd / detPow(2, 1 / tailIndex);
  const x = xm * detPow(1 - u, -1 / tailIndex);
  return Math.round(Math.min(x, maxUsd));
}

export interface OpsOutcome {
  ops: Record<string, SectorOps>;
  targeting: TargetChoice[];
  heists: HeistRecord[];
  techGained: number;
  /** Per cell: teams sent, successes and the success chance (for learning). */
  teams: number[];
  successes: number[];
  chance: number[];
}

export interface OpsInput {
  /** Capability after sanction pressure. */
  capability: number;
  /** Share of attempts blocked, per cell, from the defence stock at the start of the month. */
  block: readonly number[];
  vulnerabilities: readonly Vulnerability[];
  params: readonly number[];
}

export function runOperations(
  scenario: Scenario,
  adversary: AdversaryState,
  input: OpsInput,
  streams: TurnStreams,
): OpsOutcome {
  const c = compile(scenario);
  const n = c.cellSector.length;
  const teams = allocateTeams(scenario.adversary.teams, adversary.interest);
  const vuln = new Array<number>(c.sectorIds.length).fill(0);
  if (input.vulnerabilities.length > 0)
    for (let s = 0; s < vuln.length; s++) vuln[s] = vulnerabilityOf(input.vulnerabilities, c.sectorIds[s]!, streams.turn);
  const successes = new Array<number>(n).fill(0);
  const chance = new Array<number>(n);
  const heists: HeistRecord[] = [];
  const targeting: TargetChoice[] = [];
  const techBySector = new Array<number>(c.sectorIds.length).fill(0);
  // Two draws per team (hit, size) in cell order: under another policy the same team
  // slot sees the same luck, so defences remove hits without reshuffling the rest.
  const stream = streams.get('ops');
  for (let k = 0; k < n; k++) {
    const s = c.cellSector[k]!;
    const p = successChance(c.cellExposure[k]!, input.capability, vuln[s]!, input.block[k]!);
    chance[k] = p;
    for (let t = 0; t < teams[k]!; t++) {
      const roll = stream.next();
      const u = stream.next();
      if (roll >= p) continue;
      successes[k]! += 1;
      if (c.tech[s]) {
        techBySector[s]! += scenario.sectors[s]!.techPerSuccess;
        continue;
      }
      const median = input.params[c.heistMedianParam[s]!]!;
      const amountUsd = heistSize(median, c.heistTail[s]!, c.heistMaxUsd[s]!, u);
      if (amountUsd <= 0) continue;
      heists.push({
        sector: c.sectorIds[s]!,
        method: c.methodIds[c.cellMethod[k]!]!,
        amountUsd,
        origin: 'operation',
        blocked: false,
        blockChance: input.block[k]!,
        successChance: p,
        roll: round6(roll),
        stablecoinShare: c.stablecoinShare[s]!,
        frozenAtTheftUsd: 0,
      });
    }
    if (teams[k]! > 0)
      targeting.push({
        sector: c.sectorIds[s]!,
        method: c.methodIds[c.cellMethod[k]!]!,
        teams: teams[k]!,
        successes: successes[k]!,
        successChance: p,
        blockChance: input.block[k]!,
        expectedChance: adversary.estimate[k]!,
        interest: adversary.interest[k]!,
        attractiveness: c.attractiveness[s]!,
      });
  }
  const ops: Record<string, SectorOps> = {};
  let techGained = 0;
  c.sectorIds.forEach((id, s) => {
    let t = 0;
    let hits = 0;
    let weighted = 0;
    for (const k of c.sectorCells[s]!) {
      t += teams[k]!;
      hits += successes[k]!;
      weighted += teams[k]! * chance[k]!;
    }
    techGained += techBySector[s]!;
    ops[id] = { teams: t, successes: hits, successChance: t > 0 ? round6(weighted / t) : 0, techGained: round6(techBySector[s]!) };
  });
  return { ops, targeting, heists, techGained: round6(techGained), teams, successes, chance };
}

/**
 * Campaigns after blocked documented heists: the team tries the cash cell with the best
 * expected take (chance × what the cell can yield), `displacement.teams` attempts a
 * month, until it succeeds or its months run out. Draws come from their own stream, so
 * they never shift the luck of ordinary operations.
 */
export function runCampaigns(
  scenario: Scenario,
  campaigns: readonly Campaign[],
  chance: readonly number[],
  block: readonly number[],
  streams: TurnStreams,
): { heists: HeistRecord[]; campaigns: Campaign[] } {
  if (campaigns.length === 0) return { heists: [], campaigns: [] };
  const c = compile(scenario);
  const teams = scenario.adversary.displacement.teams;
  const stream = streams.get('campaigns');
  const heists: HeistRecord[] = [];
  const next: Campaign[] = [];
  for (const camp of campaigns) {
    let best = -1;
    let bestValue = 0;
    for (let k = 0; k < chance.length; k++) {
      const s = c.cellSector[k]!;
      if (c.tech[s]) continue;
      const value = chance[k]! * Math.min(camp.usd, c.heistMaxUsd[s]!);
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    let roll = 1;
    for (let t = 0; t < teams; t++) roll = Math.min(roll, stream.next());
    if (best < 0) continue;
    const s = c.cellSector[best]!;
    const p = chance[best]!;
    const hit = roll < p;
    heists.push({
      sector: c.sectorIds[s]!,
      method: c.methodIds[c.cellMethod[best]!]!,
      amountUsd: Math.min(camp.usd, c.heistMaxUsd[s]!),
      origin: 'campaign',
      eventId: camp.eventId,
      name: `Renewed campaign after ${camp.name} was blocked`,
      blocked: !hit,
      blockChance: block[best]!,
      successChance: p,
      roll: round6(roll),
      stablecoinShare: c.stablecoinShare[s]!,
      frozenAtTheftUsd: 0,
    });
    if (!hit && camp.turnsLeft > 1) next.push({ ...camp, turnsLeft: camp.turnsLeft - 1 });
  }
  return { heists, campaigns: next };
}

/**
 * Learning: each month the adversary blends what it saw (the chance its probing shows
 * and the hits its teams had) into its estimate per pair, and shifts effort toward
 * (value × estimate)^focus.
 */
export function learn(
  scenario: Scenario,
  adversary: AdversaryState,
  teams: readonly number[],
  successes: readonly number[],
  chance: readonly number[],
): AdversaryState {
  const lr = scenario.adversary.learningRate;
  const n = chance.length;
  const estimate = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    const seen = teams[k]! > 0 ? (chance[k]! + successes[k]! / teams[k]!) / 2 : chance[k]!;
    estimate[k] = round6((1 - lr) * adversary.estimate[k]! + lr * seen);
  }
  const target = focusShares(scenario, estimate);
  const interest = new Array<number>(n);
  for (let k = 0; k < n; k++) interest[k] = round6((1 - lr) * adversary.interest[k]! + lr * target[k]!);
  return { capability: adversary.capability, tech: adversary.tech, interest, estimate };
}
