// Adversary operations: allocate teams to sectors by interest, attempt heists, learn.
import type { Scenario } from '../scenario/schema.ts';
import { clamp, detPow, round6 } from './detmath.ts';
import type { Modifiers } from './effects.ts';
import { splitByWeights, toUsd } from './money.ts';
import type { HeistRecord, SectorOps } from './report.ts';
import type { TurnStreams } from './rng.ts';
import type { AdversaryState, Vulnerability } from './state.ts';

export const MAX_SUCCESS = 0.95;

/** Teams per sector, in scenario order; largest remainder so the total is exact. */
export function allocateTeams(teams: number, sectorIds: string[], interest: Record<string, number>): number[] {
  return splitByWeights(
    teams,
    sectorIds.map((id) => interest[id] ?? 0),
  );
}

export function vulnerabilityOf(vulns: Vulnerability[], sector: string, turn: number): number {
  let add = 0;
  for (const v of vulns) if (v.sector === sector && v.untilTurn >= turn) add += v.add;
  return add;
}

export function successChance(base: number, capability: number, vulnerability: number, defense: number): number {
  return round6(clamp(base * capability * (1 + vulnerability) * (1 - defense), 0, MAX_SUCCESS));
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
  heists: HeistRecord[];
  techGained: number;
}

export function runOperations(
  scenario: Scenario,
  adversary: AdversaryState,
  vulns: Vulnerability[],
  mods: Modifiers,
  streams: TurnStreams,
): OpsOutcome {
  const ids = scenario.sectors.map((s) => s.id);
  const teams = allocateTeams(scenario.adversary.teams, ids, adversary.interest);
  const ops: Record<string, SectorOps> = {};
  const heists: HeistRecord[] = [];
  let techGained = 0;
  scenario.sectors.forEach((sector, i) => {
    const p = successChance(
      sector.baseSuccess,
      adversary.capability,
      vulnerabilityOf(vulns, sector.id, streams.turn),
      mods.defense[sector.id] ?? 0,
    );
    const attempt = streams.get(`attempt:${sector.id}`);
    const size = streams.get(`size:${sector.id}`);
    const median = toUsd(sector.heist.median, scenario);
    const max = toUsd(sector.heist.max, scenario);
    let successes = 0;
    let tech = 0;
    for (let k = 0; k < teams[i]!; k++) {
      // Both draws are taken for every attempt so the k-th attempt sees the same luck
      // under any policy (common random numbers).
      const hit = attempt.next() < p;
      const amount = heistSize(median, sector.heist.tailIndex, max, size.next());
      if (!hit || amount <= 0) continue;
      successes += 1;
      if (sector.yields === 'technology') tech += sector.techPerSuccess;
      else heists.push({ sector: sector.id, amountUsd: amount, origin: 'operation', blocked: false });
    }
    techGained += tech;
    ops[sector.id] = { teams: teams[i]!, successes, successChance: p, techGained: round6(tech) };
  });
  return { ops, heists, techGained: round6(techGained) };
}

/**
 * Learning: sectors that paid off get more effort, hardened sectors less. The adversary
 * probes defences, so it sees the current posture, and remembers recent success.
 */
export function learn(
  scenario: Scenario,
  adversary: AdversaryState,
  ops: Record<string, SectorOps>,
  mods: Modifiers,
): AdversaryState {
  const lr = scenario.adversary.learningRate;
  const memory: Record<string, number> = {};
  const score: Record<string, number> = {};
  let sum = 0;
  for (const s of scenario.sectors) {
    const o = ops[s.id];
    const seen = o && o.teams > 0 ? o.successes / o.teams : (adversary.memory[s.id] ?? s.baseSuccess);
    memory[s.id] = round6((1 - lr) * (adversary.memory[s.id] ?? 0) + lr * seen);
    score[s.id] = s.attractiveness * (0.05 + memory[s.id]!) * (1 - (mods.defense[s.id] ?? 0));
    sum += score[s.id]!;
  }
  const interest: Record<string, number> = {};
  for (const s of scenario.sectors) {
    const target = sum > 0 ? score[s.id]! / sum : 1 / scenario.sectors.length;
    interest[s.id] = round6((1 - lr) * (adversary.interest[s.id] ?? 0) + lr * target);
  }
  return { capability: adversary.capability, tech: adversary.tech, interest, memory };
}
