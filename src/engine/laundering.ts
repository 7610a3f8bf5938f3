// The laundering pipeline: stolen funds pass the scenario's stages in order (mixers,
// chain-hopping, OTC brokers, ...). In each stage launderers rank the channels by the
// loss they expect per dollar (fee + the freeze rate they have learnt to expect + delay
// × delay cost) and fill them in that order up to each channel's monthly capacity; what
// does not fit waits a month. A designation cuts a channel's capacity (evaded slowly;
// a successor service grows into part of it after a lag); a freeze takes a share of
// what enters. Because funds only ever move to channels launderers expected to be worse,
// or wait, a sanction cannot make laundering cheaper for them.
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compiled.ts';
import { clamp, round6 } from './detmath.ts';
import type { Modifiers } from './effects.ts';
import { splitByWeights } from './money.ts';
import type { ChannelFlow, RouteChoice } from './report.ts';
import type { TurnStreams } from './rng.ts';
import type { ChannelState, Tranche } from './state.ts';
import { stepEvasion } from './stocks.ts';

export const MAX_FREEZE_RATE = 0.95;
/** Months over which a successor grows to full size once its lag has passed. */
export const SUCCESSOR_RAMP = 3;

export interface LaunderingOutcome {
  pipeline: Tranche[];
  flows: ChannelFlow[];
  routing: RouteChoice[];
  frozenUsd: number;
  lostUsd: number;
  cashedOutUsd: number;
  /** Funds left waiting for capacity at the end of the month. */
  queuedUsd: number;
  channels: ChannelState;
}

/**
 * Enforcement luck: this month's freeze rate in a channel is the policy's rate times a
 * factor in [0.5, 1.5) drawn per channel and month.
 */
export function effectiveFreeze(rate: number, u: number): number {
  return round6(clamp(rate * (0.5 + u), 0, MAX_FREEZE_RATE));
}

/** Share of a successor's eventual size reached after `months` of growth with this lag. */
export function successorRamp(months: number, lag: number): number {
  return round6(clamp((months - lag) / SUCCESSOR_RAMP, 0, 1));
}

/** Monthly capacity of every channel (Infinity: no limit) and the successors' part of it. */
export function capacities(
  scenario: Scenario,
  mods: Modifiers,
  channels: ChannelState,
  params: readonly number[],
): { capacity: number[]; successorUsd: number[]; cut: number[] } {
  const c = compile(scenario);
  const n = c.channelIds.length;
  const cut = new Array<number>(n);
  for (let k = 0; k < n; k++) cut[k] = round6(mods.cut[k]! * (1 - channels.evasion[k]!));
  const capacity = new Array<number>(n);
  const successorUsd = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) {
    const p = c.channelCapacityParam[k]!;
    let base = p >= 0 ? params[p]! : Number.POSITIVE_INFINITY;
    const of = c.successorOf[k]!;
    if (of >= 0) {
      const pp = c.channelCapacityParam[of]!;
      const ramp = successorRamp(channels.successorMonths[k]!, params[c.successorLagParam[k]!]!);
      if (pp >= 0 && ramp > 0) successorUsd[k] = Math.floor(ramp * c.successorReplaces[k]! * params[pp]! * cut[of]!);
      base += successorUsd[k]!;
    }
    capacity[k] = base === Number.POSITIVE_INFINITY ? base : Math.floor(base * (1 - cut[k]!));
  }
  return { capacity, successorUsd, cut };
}

export function launder(
  scenario: Scenario,
  pipeline: readonly Tranche[],
  newFundsUsd: number,
  mods: Modifiers,
  channels: ChannelState,
  params: readonly number[],
  streams: TurnStreams,
): LaunderingOutcome {
  const c = compile(scenario);
  const turn = streams.turn;
  const { learning, delayCost, evasion } = scenario.laundering;
  const nStages = c.stageChannels.length;
  const last = nStages - 1;
  const n = c.channelIds.length;
  // Every channel takes exactly one draw per month, in scenario order (common random numbers).
  const luck = streams.get('freeze');
  const actual = new Array<number>(n);
  for (let k = 0; k < n; k++) actual[k] = effectiveFreeze(mods.freezeRate[k]!, luck.next());
  const { capacity, successorUsd, cut } = capacities(scenario, mods, channels, params);
  const expected = new Array<number>(n);
  for (let k = 0; k < n; k++)
    expected[k] = round6(c.channelFee[k]! + channels.freezeExpected[k]! + c.channelDelay[k]! * delayCost);

  const exiting = new Array<number>(nStages).fill(0);
  const queued = new Array<number>(nStages).fill(0);
  // Tranches still waiting are shared with the previous state (never mutated); addTo
  // replaces one by a new object when funds join it.
  const next: Tranche[] = [];
  for (const t of pipeline) {
    if (t.readyTurn > turn) next.push(t);
    else if (t.channel === '') queued[t.stage]! += t.amountUsd;
    else exiting[t.stage]! += t.amountUsd;
  }

  const inUsd = new Array<number>(n).fill(0);
  const frozenIn = new Array<number>(n).fill(0);
  const lostIn = new Array<number>(n).fill(0);
  const rank = new Array<number>(n).fill(0);
  let frozenUsd = 0;
  let lostUsd = 0;
  let queuedUsd = 0;
  for (let s = 0; s <= last; s++) {
    const order = byExpectedLoss(c.stageChannels[s]!, expected);
    for (let i = 0; i < order.length; i++) rank[order[i]!] = i + 1;
    let rest = (s === 0 ? newFundsUsd : exiting[s - 1]!) + queued[s]!;
    for (const k of order) {
      if (rest <= 0) break;
      const amount = Math.min(rest, capacity[k]!);
      if (amount <= 0) continue;
      rest -= amount;
      const frozen = Math.floor(amount * actual[k]!);
      const lost = Math.floor((amount - frozen) * c.channelFee[k]!);
      const out = amount - frozen - lost;
      inUsd[k] = amount;
      frozenIn[k] = frozen;
      lostIn[k] = lost;
      frozenUsd += frozen;
      lostUsd += lost;
      if (out <= 0) continue;
      if (c.channelDelay[k] === 0) exiting[s]! += out;
      else addTo(next, s, c.channelIds[k]!, turn + c.channelDelay[k]!, out);
    }
    if (rest > 0) {
      queuedUsd += rest;
      addTo(next, s, '', turn + 1, rest);
    }
  }
  const cashedOutUsd = exiting[last]!;

  const flows: ChannelFlow[] = [];
  const routing: RouteChoice[] = [];
  for (let k = 0; k < n; k++) {
    const stage = c.channelStage[k]!;
    if (inUsd[k]! > 0)
      flows.push({ stage, channel: c.channelIds[k]!, inUsd: inUsd[k]!, frozenUsd: frozenIn[k]!, lostUsd: lostIn[k]! });
    const route: RouteChoice = {
      stage,
      channel: c.channelIds[k]!,
      rank: rank[k]!,
      expectedLoss: expected[k]!,
      fee: c.channelFee[k]!,
      freezeExpected: channels.freezeExpected[k]!,
      freezeActual: actual[k]!,
      delayTurns: c.channelDelay[k]!,
      cut: cut[k]!,
      successorUsd: successorUsd[k]!,
      inUsd: inUsd[k]!,
    };
    if (capacity[k] !== Number.POSITIVE_INFINITY) route.capacityUsd = capacity[k]!;
    routing.push(route);
  }
  next.sort(trancheOrder);

  // What launderers and the network learn this month.
  const freezeExpected = new Array<number>(n);
  const evaded = new Array<number>(n);
  const successorMonths = new Array<number>(n);
  for (let k = 0; k < n; k++) {
    freezeExpected[k] = round6(channels.freezeExpected[k]! + learning * (actual[k]! - channels.freezeExpected[k]!));
    evaded[k] = stepEvasion(channels.evasion[k]!, mods.cut[k]! > 0, evasion.perTurn, evasion.max);
    const of = c.successorOf[k]!;
    const months = channels.successorMonths[k]!;
    successorMonths[k] = of >= 0 && mods.cut[of]! > 0 ? Math.min(240, months + 1) : months;
  }
  return {
    pipeline: next,
    flows,
    routing,
    frozenUsd,
    lostUsd,
    cashedOutUsd,
    queuedUsd,
    channels: { freezeExpected, evasion: evaded, successorMonths },
  };
}

/** Channel indices of a stage, cheapest expected loss first (ties: scenario order). Insertion sort: stages are small. */
function byExpectedLoss(channels: readonly number[], expected: readonly number[]): number[] {
  const order = channels.slice();
  for (let i = 1; i < order.length; i++) {
    const k = order[i]!;
    let j = i - 1;
    while (j >= 0 && expected[order[j]!]! > expected[k]!) {
      order[j + 1] = order[j]!;
      j--;
    }
    order[j + 1] = k;
  }
  return order;
}

/** Adds funds to the tranche leaving (stage, channel) at readyTurn, or starts one. */
function addTo(next: Tranche[], stage: number, channel: string, readyTurn: number, amountUsd: number): void {
  for (let i = 0; i < next.length; i++) {
    const t = next[i]!;
    if (t.stage === stage && t.channel === channel && t.readyTurn === readyTurn) {
      next[i] = { stage, channel, readyTurn, amountUsd: t.amountUsd + amountUsd };
      return;
    }
  }
  next.push({ stage, channel, readyTurn, amountUsd });
}

function trancheOrder(a: Tranche, b: Tranche): number {
  return a.readyTurn - b.readyTurn || a.stage - b.stage || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0);
}

/** Seize a fixed amount from the pipeline, spread over tranches in proportion to size. */
export function seize(pipeline: Tranche[], amountUsd: number): { pipeline: Tranche[]; seizedUsd: number } {
  const total = pipeline.reduce((a, t) => a + t.amountUsd, 0);
  const seizedUsd = Math.min(total, Math.max(0, amountUsd));
  if (seizedUsd === 0) return { pipeline, seizedUsd: 0 };
  const parts = splitByWeights(
    seizedUsd,
    pipeline.map((t) => t.amountUsd),
  );
  const next = pipeline.map((t, i) => ({ ...t, amountUsd: t.amountUsd - parts[i]! })).filter((t) => t.amountUsd > 0);
  return { pipeline: next, seizedUsd };
}

/** A market crash (or any revaluation below 1) while funds wait in the pipeline. */
export function revalue(pipeline: Tranche[], factor: number): { pipeline: Tranche[]; lostUsd: number } {
  if (factor >= 1) return { pipeline, lostUsd: 0 };
  let lostUsd = 0;
  const next = pipeline.map((t) => {
    const kept = Math.floor(t.amountUsd * factor);
    lostUsd += t.amountUsd - kept;
    return { ...t, amountUsd: kept };
  });
  return { pipeline: next.filter((t) => t.amountUsd > 0), lostUsd };
}
