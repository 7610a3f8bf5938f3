// What the levers in force ask for this turn: a pure function of lever levels and the
// scenario. Sanctions on channels act at once (freezes, capacity cuts); postures and
// pressure set *targets* that stocks follow over months (src/engine/stocks.ts).
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compiled.ts';
import { clamp, round6 } from './detmath.ts';
import { blockOf, saturate } from './stocks.ts';

export const MAX_FREEZE = 0.95;
export const MAX_DETER = 0.95;

export interface Modifiers {
  /** Defence stock each (sector, method) cell is funded toward (compiled cell order). */
  defenceTarget: number[];
  /** Per sector: share of attempts these postures block once fully built up (exposure-weighted over methods). */
  defense: Record<string, number>;
  /** Per channel: share of funds frozen on entry, base rate included (before enforcement luck). */
  freeze: Record<string, number>;
  freezeRate: number[];
  /** Per channel: share of its monthly capacity cut by designations (before evasion). */
  deter: Record<string, number>;
  cut: number[];
  /** Share of freshly stolen stablecoins issuers freeze. */
  issuerFreeze: number;
  /** Pressure stock the capability levers fund, and the capability cut it gives once built up. */
  degradeTarget: number;
  degrade: number;
  /** Pressure stock per income stream (scenario order), and the cut it gives once built up, by stream id. */
  incomeTarget: number[];
  incomeCut: Record<string, number>;
  coalition: number;
  costByRole: Record<string, number>;
  collateral: number;
  escalation: number;
}

export function channelIds(scenario: Scenario): string[] {
  return compile(scenario).channelIds;
}

/**
 * Results per scenario and lever levels: a batch plays thousands of games of one scenario
 * through the same few lever settings. A memo of a pure function (bounded, so an optimiser
 * trying many settings cannot grow it without limit); results are frozen, so reports may
 * share them safely.
 */
const memo = new WeakMap<Scenario, Map<string, Modifiers>>();
const MEMO_SIZE = 256;

export function computeModifiers(scenario: Scenario, levels: Record<string, number>): Modifiers {
  let key = '';
  for (const l of scenario.levers) key += `${levels[l.id] ?? 0},`;
  let cache = memo.get(scenario);
  if (!cache) {
    cache = new Map();
    memo.set(scenario, cache);
  }
  const hit = cache.get(key);
  if (hit) return hit;
  const mods = deepFreeze(compute(scenario, levels));
  if (cache.size >= MEMO_SIZE) cache.clear();
  cache.set(key, mods);
  return mods;
}

function deepFreeze(m: Modifiers): Modifiers {
  for (const v of Object.values(m)) if (typeof v === 'object') Object.freeze(v);
  return Object.freeze(m);
}

function compute(scenario: Scenario, levels: Record<string, number>): Modifiers {
  const c = compile(scenario);
  let coalition = 1;
  for (const lever of scenario.levers) {
    const level = levels[lever.id] ?? 0;
    for (const e of lever.effects) if (e.type === 'coalition') coalition += e.perLevel * level;
  }
  const nCells = c.cellSector.length;
  const defenceTarget = new Array<number>(nCells).fill(0);
  const keepFreeze = c.channelBaseFreeze.map((f) => 1 - f);
  const keepCapacity = c.channelIds.map(() => 1);
  let keepIssuer = 1 - scenario.laundering.issuerFreeze;
  let degradeTarget = 0;
  const incomeTarget = c.streamIds.map(() => 0);
  const costByRole: Record<string, number> = {};
  for (const r of scenario.roles) costByRole[r.id] = 0;
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
          for (let k = 0; k < nCells; k++) {
            const sectorOk = e.sector === 'all' || c.sectorIds[c.cellSector[k]!] === e.sector;
            const methodOk = e.method === 'all' || c.methodIds[c.cellMethod[k]!] === e.method;
            if (sectorOk && methodOk) defenceTarget[k]! += e.perLevel * level;
          }
          break;
        case 'freeze':
          c.channelIds.forEach((id, k) => {
            if (e.channel === 'all' || e.channel === id) keepFreeze[k]! *= 1 - clamp(e.perLevel * level * coalition, 0, MAX_FREEZE);
          });
          break;
        case 'deter': {
          const k = c.channelIds.indexOf(e.channel);
          if (k >= 0) keepCapacity[k]! *= 1 - clamp(e.perLevel * level * coalition, 0, MAX_DETER);
          break;
        }
        case 'issuerFreeze':
          keepIssuer *= 1 - clamp(e.perLevel * level * coalition, 0, MAX_FREEZE);
          break;
        case 'degrade':
          degradeTarget += e.perLevel * level;
          break;
        case 'income': {
          const k = c.streamIds.indexOf(e.stream);
          if (k >= 0) incomeTarget[k]! += e.perLevel * level;
          break;
        }
        case 'coalition':
          break;
        default: {
          const never: never = e;
          throw new Error(`unknown lever effect ${JSON.stringify(never)}`);
        }
      }
    }
  }
  const target = defenceTarget.map(round6);
  const defense: Record<string, number> = {};
  c.sectorIds.forEach((id, s) => {
    let weight = 0;
    let blocked = 0;
    for (const k of c.sectorCells[s]!) {
      weight += c.cellExposure[k]!;
      blocked += c.cellExposure[k]! * blockOf(target[k]!);
    }
    defense[id] = weight > 0 ? round6(blocked / weight) : 0;
  });
  const freezeRate = keepFreeze.map((keep) => round6(clamp(1 - keep, 0, MAX_FREEZE)));
  const cut = keepCapacity.map((keep) => round6(clamp(1 - keep, 0, MAX_DETER)));
  const freeze: Record<string, number> = {};
  const deter: Record<string, number> = {};
  c.channelIds.forEach((id, k) => {
    freeze[id] = freezeRate[k]!;
    deter[id] = cut[k]!;
  });
  const incomeCut: Record<string, number> = {};
  c.streamIds.forEach((id, k) => {
    incomeCut[id] = saturate(incomeTarget[k]!);
  });
  return {
    defenceTarget: target,
    defense,
    freeze,
    freezeRate,
    deter,
    cut,
    issuerFreeze: round6(clamp(1 - keepIssuer, 0, MAX_FREEZE)),
    degradeTarget: round6(degradeTarget),
    degrade: saturate(degradeTarget),
    incomeTarget: incomeTarget.map(round6),
    incomeCut,
    coalition: round6(coalition),
    costByRole,
    collateral: round6(collateral),
    escalation: round6(escalation),
  };
}
