// What the levers in force do this turn: pure function of lever levels and scenario.
import type { Scenario } from '../scenario/schema.ts';
import { clamp, round6 } from './detmath.ts';

export const MAX_DEFENSE = 0.95;
export const MAX_FREEZE = 0.95;
export const MAX_DETER = 0.95;

export interface Modifiers {
  /** Share of adversary success chance removed, per sector. */
  defense: Record<string, number>;
  /** Share of funds frozen when they enter a channel. */
  freeze: Record<string, number>;
  /** Share of a channel's use given up by launderers. */
  deter: Record<string, number>;
  capabilityDelta: number;
  coalition: number;
  costByRole: Record<string, number>;
  collateral: number;
  escalation: number;
}

export function channelIds(scenario: Scenario): string[] {
  return scenario.laundering.stages.flatMap((s) => s.channels.map((c) => c.id));
}

/**
 * Last result per scenario: lever levels rarely change between turns, and a batch plays
 * thousands of games of one scenario. A memo of a pure function; results are frozen, so
 * reports may share them safely.
 */
const memo = new WeakMap<Scenario, { key: string; mods: Modifiers }>();

export function computeModifiers(scenario: Scenario, levels: Record<string, number>): Modifiers {
  let key = '';
  for (const l of scenario.levers) key += `${levels[l.id] ?? 0},`;
  const hit = memo.get(scenario);
  if (hit && hit.key === key) return hit.mods;
  const mods = deepFreeze(compute(scenario, levels));
  memo.set(scenario, { key, mods });
  return mods;
}

function deepFreeze(m: Modifiers): Modifiers {
  Object.freeze(m.defense);
  Object.freeze(m.freeze);
  Object.freeze(m.deter);
  Object.freeze(m.costByRole);
  return Object.freeze(m);
}

function compute(scenario: Scenario, levels: Record<string, number>): Modifiers {
  let coalition = 1;
  for (const lever of scenario.levers) {
    const level = levels[lever.id] ?? 0;
    for (const e of lever.effects) if (e.type === 'coalition') coalition += e.perLevel * level;
  }
  const keepSector: Record<string, number> = {};
  for (const s of scenario.sectors) keepSector[s.id] = 1;
  const keepFreeze: Record<string, number> = {};
  const keepDeter: Record<string, number> = {};
  const channels = scenario.laundering.stages.flatMap((s) => s.channels);
  for (const c of channels) {
    keepFreeze[c.id] = 1 - c.baseFreeze;
    keepDeter[c.id] = 1;
  }
  const costByRole: Record<string, number> = {};
  for (const r of scenario.roles) costByRole[r.id] = 0;
  let capabilityDelta = scenario.adversary.capabilityGrowth;
  let collateral = 0;
  let escalation = 0;

  for (const lever of scenario.levers) {
    const level = levels[lever.id] ?? 0;
    if (level <= 0) continue;
    costByRole[lever.role] = (costByRole[lever.role] ?? 0) + lever.costPerLevel * level;
    collateral += lever.sideEffects.collateral * level;
    escalation += lever.sideEffects.escalation * level;
    for (const e of lever.effects) {
      switch (e.type) {
        case 'defense':
          keepSector[e.sector]! *= 1 - clamp(e.perLevel * level, 0, MAX_DEFENSE);
          break;
        case 'freeze': {
          const targets = e.channel === 'all' ? channels.map((c) => c.id) : [e.channel];
          for (const id of targets) keepFreeze[id]! *= 1 - clamp(e.perLevel * level * coalition, 0, MAX_FREEZE);
          break;
        }
        case 'deter':
          keepDeter[e.channel]! *= 1 - clamp(e.perLevel * level * coalition, 0, MAX_DETER);
          break;
        case 'capability':
          capabilityDelta += e.perLevel * level;
          break;
        case 'coalition':
          break;
      }
    }
  }
  const defense: Record<string, number> = {};
  for (const [id, keep] of Object.entries(keepSector)) defense[id] = round6(clamp(1 - keep, 0, MAX_DEFENSE));
  const freeze: Record<string, number> = {};
  for (const [id, keep] of Object.entries(keepFreeze)) freeze[id] = round6(clamp(1 - keep, 0, MAX_FREEZE));
  const deter: Record<string, number> = {};
  for (const [id, keep] of Object.entries(keepDeter)) deter[id] = round6(clamp(1 - keep, 0, MAX_DETER));
  return {
    defense,
    freeze,
    deter,
    capabilityDelta: round6(capabilityDelta),
    coalition: round6(coalition),
    costByRole,
    collateral: round6(collateral),
    escalation: round6(escalation),
  };
}
