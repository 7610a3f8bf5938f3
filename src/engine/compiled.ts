// A scenario compiled once into index arrays for the hot loops: (sector, method) cells,
// laundering channels in stage order, missile types, income streams and the parameter
// list. A memo of a pure function of the (immutable) scenario object.
import type { Scenario } from '../scenario/schema.ts';
import { detPow, round6 } from './detmath.ts';
import { toUsd } from './money.ts';
import { type ParamSpec, paramSpec } from './params.ts';

export interface Compiled {
  sectorIds: string[];
  methodIds: string[];
  /** Cells are the (sector, method) pairs a sector's `exposure` lists, in scenario order. */
  cellSector: number[];
  cellMethod: number[];
  cellExposure: number[];
  sectorCells: number[][];
  tech: boolean[];
  attractiveness: number[];
  stablecoinShare: number[];
  /** Pareto scale factor 2^(-1/tail) (median → xm), tail index and cap per sector. */
  heistXmFactor: number[];
  heistTail: number[];
  heistMaxUsd: number[];
  heistMedianParam: number[];

  channelIds: string[];
  channelStage: number[];
  channelDelay: number[];
  channelFee: number[];
  channelBaseFreeze: number[];
  /** Parameter index of the monthly capacity, or -1 for no limit. */
  channelCapacityParam: number[];
  /** Channel index of the predecessor a successor replaces, or -1. */
  successorOf: number[];
  successorLagParam: number[];
  successorReplaces: number[];
  stageChannels: number[][];

  missileIds: string[];
  missileCostParam: number[];
  missileProductionParam: number[];
  missileTestsParam: number[];

  streamIds: string[];
  streamPerYearParam: number[];
  streamToMissilesParam: number[];
  cryptoToMissilesParam: number;

  params: ParamSpec[];
  /** Scripted heist events that a seizure names: their loot is tracked while laundered. */
  trackedHeists: string[];
  /** Calendar multiplier and names per month (index 1-12). */
  calendarMultiplier: number[];
  calendarNotes: string[][];
  /** Per turn (lazily): calendar label, and doctrine multiplier per missile with the periods' names. */
  labels: string[];
  doctrine: { tempo: number[]; names: string[] }[];
}

const memo = new WeakMap<Scenario, Compiled>();

export function compile(scenario: Scenario): Compiled {
  let c = memo.get(scenario);
  if (!c) {
    c = build(scenario);
    memo.set(scenario, c);
  }
  return c;
}

function build(s: Scenario): Compiled {
  const params: ParamSpec[] = [];
  const param = (p: ParamSpec) => params.push(p) - 1;
  const methodIds = s.methods.map((m) => m.id);
  const c: Compiled = {
    sectorIds: s.sectors.map((x) => x.id),
    methodIds,
    cellSector: [],
    cellMethod: [],
    cellExposure: [],
    sectorCells: [],
    tech: s.sectors.map((x) => x.yields === 'technology'),
    attractiveness: s.sectors.map((x) => x.attractiveness),
    stablecoinShare: s.sectors.map((x) => x.stablecoinShare),
    heistXmFactor: s.sectors.map((x) => 1 / detPow(2, 1 / x.heist.tailIndex)),
    heistTail: s.sectors.map((x) => x.heist.tailIndex),
    heistMaxUsd: s.sectors.map((x) => toUsd(x.heist.max, s)),
    heistMedianParam: s.sectors.map((x) => param(paramSpec(`sectors.${x.id}.heist.median`, x.heist.median, s, 'usd'))),
    channelIds: [],
    channelStage: [],
    channelDelay: [],
    channelFee: [],
    channelBaseFreeze: [],
    channelCapacityParam: [],
    successorOf: [],
    successorLagParam: [],
    successorReplaces: [],
    stageChannels: [],
    missileIds: s.missiles.map((m) => m.id),
    missileCostParam: [],
    missileProductionParam: [],
    missileTestsParam: [],
    streamIds: s.regime.income.map((x) => x.id),
    streamPerYearParam: [],
    streamToMissilesParam: [],
    cryptoToMissilesParam: param(paramSpec('regime.cryptoToMissiles', s.regime.cryptoToMissiles, s, 'share')),
    params,
    trackedHeists: [],
    calendarMultiplier: new Array<number>(13).fill(1),
    calendarNotes: Array.from({ length: 13 }, () => [] as string[]),
    labels: [],
    doctrine: [],
  };
  s.sectors.forEach((sector, i) => {
    const cells: number[] = [];
    for (const [method, exposure] of Object.entries(sector.exposure)) {
      const m = methodIds.indexOf(method);
      if (m < 0) continue; // the loader reports unknown methods; a bare engine call ignores them
      cells.push(c.cellSector.length);
      c.cellSector.push(i);
      c.cellMethod.push(m);
      c.cellExposure.push(exposure);
    }
    c.sectorCells.push(cells);
  });
  s.laundering.stages.forEach((stage, si) => {
    const list: number[] = [];
    for (const ch of stage.channels) {
      list.push(c.channelIds.length);
      c.channelIds.push(ch.id);
      c.channelStage.push(si);
      c.channelDelay.push(ch.delayTurns);
      c.channelFee.push(ch.haircut);
      c.channelBaseFreeze.push(ch.baseFreeze);
      c.channelCapacityParam.push(ch.capacity ? param(paramSpec(`channels.${ch.id}.capacity`, ch.capacity, s, 'usd')) : -1);
      c.successorLagParam.push(ch.successor ? param(paramSpec(`channels.${ch.id}.successor.lag`, ch.successor.lag, s, 'count')) : -1);
      c.successorReplaces.push(ch.successor?.replaces ?? 0);
    }
    c.stageChannels.push(list);
  });
  for (const stage of s.laundering.stages)
    for (const ch of stage.channels) c.successorOf.push(ch.successor ? c.channelIds.indexOf(ch.successor.of) : -1);
  for (const m of s.missiles) {
    c.missileCostParam.push(param(paramSpec(`missiles.${m.id}.cost`, m.cost, s, 'usd')));
    c.missileProductionParam.push(param(paramSpec(`missiles.${m.id}.productionPerMonth`, m.productionPerMonth, s, 'count')));
    c.missileTestsParam.push(param(paramSpec(`missiles.${m.id}.testsPerMonth`, m.testsPerMonth, s, 'count')));
  }
  for (const x of s.regime.income) {
    c.streamPerYearParam.push(param(paramSpec(`regime.income.${x.id}.perYear`, x.perYear, s, 'usd')));
    c.streamToMissilesParam.push(param(paramSpec(`regime.income.${x.id}.toMissiles`, x.toMissiles, s, 'share')));
  }
  const tracked = new Set<string>();
  for (const kind of ['scripted', 'random', 'conditional'] as const)
    for (const e of s.events[kind]) for (const fx of e.effects) if (fx.type === 'seizure' && fx.heist) tracked.add(fx.heist);
  c.trackedHeists = [...tracked];
  for (const entry of s.calendar.launchCalendar) {
    c.calendarMultiplier[entry.month] = round6(c.calendarMultiplier[entry.month]! * entry.multiplier);
    c.calendarNotes[entry.month]!.push(entry.name);
  }
  return c;
}

/** Calendar label (YYYY-MM) of a 1-based turn. */
export function labelOf(scenario: Scenario, c: Compiled, turn: number): string {
  let label = c.labels[turn];
  if (label === undefined) {
    const [y, m] = scenario.calendar.start.split('-').map(Number) as [number, number];
    const idx = m - 1 + (turn - 1);
    const year = y + Math.floor(idx / 12);
    const month = (((idx % 12) + 12) % 12) + 1;
    label = `${year}-${String(month).padStart(2, '0')}`;
    c.labels[turn] = label;
  }
  return label;
}

/** Doctrine in force in a turn: tempo multiplier per missile type and the periods that apply. */
export function doctrineOf(scenario: Scenario, c: Compiled, turn: number): { tempo: number[]; names: string[] } {
  let d = c.doctrine[turn];
  if (!d) {
    const label = labelOf(scenario, c, turn);
    const tempo = c.missileIds.map(() => 1);
    const names: string[] = [];
    for (const period of scenario.calendar.doctrine) {
      if (label < period.from || label > period.to) continue;
      names.push(period.name);
      c.missileIds.forEach((id, i) => {
        const t = period.tempo[id];
        if (t !== undefined) tempo[i] = round6(tempo[i]! * t);
      });
    }
    d = { tempo, names };
    c.doctrine[turn] = d;
  }
  return d;
}

/** Index of the (sector, method) cell, or -1 when the sector does not list the method. */
export function cellOf(c: Compiled, sector: string, method: string): number {
  const s = c.sectorIds.indexOf(sector);
  const m = c.methodIds.indexOf(method);
  if (s < 0 || m < 0) return -1;
  for (const k of c.sectorCells[s]!) if (c.cellMethod[k] === m) return k;
  return -1;
}
