// The laundering pipeline: stolen funds pass the scenario's stages in order (e.g. mixers,
// chain-hopping, OTC brokers). Entering a channel, part is frozen and part lost to
// haircuts; the rest leaves after the channel's delay. Deterrence shifts flow to the
// channels that are not covered (substitution).
import type { Scenario } from '../scenario/schema.ts';
import { clamp } from './detmath.ts';
import type { Modifiers } from './effects.ts';
import { splitByWeights } from './money.ts';
import type { ChannelFlow } from './report.ts';
import type { TurnStreams } from './rng.ts';
import type { Tranche } from './state.ts';

export interface LaunderingOutcome {
  pipeline: Tranche[];
  flows: ChannelFlow[];
  frozenUsd: number;
  lostUsd: number;
  cashedOutUsd: number;
  /** Funds deterrence pushed off their preferred channels, and what switching cost them. */
  reroutedUsd: number;
  switchLossUsd: number;
}

/** Share of a stage's inflow each channel gets, after deterrence. */
export function routeShares(scenario: Scenario, stage: number, mods: Modifiers): number[] {
  const channels = scenario.laundering.stages[stage]!.channels;
  const w = channels.map((c) => c.share * (1 - (mods.deter[c.id] ?? 0)));
  return w.some((x) => x > 0) ? w : channels.map((c) => c.share);
}

/** Fraction of a stage's flow that deterrence pushes off the channels launderers prefer. */
export function reroutedFraction(scenario: Scenario, stage: number, mods: Modifiers): number {
  const channels = scenario.laundering.stages[stage]!.channels;
  const natural = channels.reduce((a, c) => a + c.share, 0);
  const kept = channels.reduce((a, c) => a + c.share * (1 - (mods.deter[c.id] ?? 0)), 0);
  return natural > 0 && kept > 0 ? clamp(1 - kept / natural, 0, 1) : 0;
}

/**
 * Enforcement luck: this turn's freeze rate in a channel is the policy's rate times a
 * factor in [0.5, 1.5) drawn per channel and turn.
 */
export function effectiveFreeze(rate: number, u: number): number {
  return clamp(rate * (0.5 + u), 0, 0.95);
}

export function launder(
  scenario: Scenario,
  pipeline: Tranche[],
  newFundsUsd: number,
  mods: Modifiers,
  streams: TurnStreams,
): LaunderingOutcome {
  const turn = streams.turn;
  const stages = scenario.laundering.stages;
  const last = stages.length - 1;
  const flows = new Map<string, ChannelFlow>();
  // Every channel takes exactly one draw per turn, in scenario order, so one stream
  // serves them all and each channel still sees the same luck under any policy.
  const freezeLuck = streams.get('freeze');
  const freezeRate = new Map<string, number>();
  for (const st of stages)
    for (const c of st.channels) freezeRate.set(c.id, effectiveFreeze(mods.freeze[c.id] ?? 0, freezeLuck.next()));

  const waiting: Tranche[] = [];
  // exiting[stage] = money leaving stage `stage` this turn, to enter stage+1.
  const exiting = new Array<number>(stages.length).fill(0);
  for (const t of pipeline) {
    if (t.readyTurn <= turn) exiting[t.stage]! += t.amountUsd;
    else waiting.push(t);
  }
  let frozenUsd = 0;
  let lostUsd = 0;
  let cashedOutUsd = 0;
  let reroutedUsd = 0;
  let switchLossUsd = 0;
  // Funds entering a channel this turn, by channel, then by exit turn.
  const entering = new Map<string, { stage: number; byTurn: Map<number, number> }>();

  for (let s = 0; s <= last; s++) {
    let inflow = s === 0 ? newFundsUsd : exiting[s - 1]!;
    if (inflow > 0) {
      // Substitution is not free: rerouted funds pay premiums on less liquid routes.
      const rerouted = Math.floor(inflow * reroutedFraction(scenario, s, mods));
      const switchLoss = Math.floor(rerouted * scenario.laundering.switchingCost);
      reroutedUsd += rerouted;
      switchLossUsd += switchLoss;
      lostUsd += switchLoss;
      inflow -= switchLoss;
      const channels = stages[s]!.channels;
      const parts = splitByWeights(inflow, routeShares(scenario, s, mods));
      channels.forEach((c, i) => {
        const amount = parts[i]!;
        if (amount <= 0) return;
        const frozen = Math.floor(amount * freezeRate.get(c.id)!);
        const lost = Math.floor((amount - frozen) * c.haircut);
        const rest = amount - frozen - lost;
        frozenUsd += frozen;
        lostUsd += lost;
        const f = flows.get(c.id) ?? { stage: s, channel: c.id, inUsd: 0, frozenUsd: 0, lostUsd: 0 };
        f.inUsd += amount;
        f.frozenUsd += frozen;
        f.lostUsd += lost;
        flows.set(c.id, f);
        if (rest <= 0) return;
        if (c.delayTurns === 0) exiting[s]! += rest;
        else {
          const e = entering.get(c.id) ?? { stage: s, byTurn: new Map<number, number>() };
          const ready = turn + c.delayTurns;
          e.byTurn.set(ready, (e.byTurn.get(ready) ?? 0) + rest);
          entering.set(c.id, e);
        }
      });
    }
  }
  cashedOutUsd = exiting[last]!;

  // Merge tranches that leave the same channel on the same turn: the pipeline stays
  // bounded by stages × channels × delay, however long the game.
  const merged = new Map<string, Tranche>();
  for (const t of waiting) merged.set(`${t.channel}|${t.readyTurn}`, { ...t });
  for (const [channel, e] of entering)
    for (const [readyTurn, amount] of e.byTurn) {
      const key = `${channel}|${readyTurn}`;
      const m = merged.get(key);
      if (m) m.amountUsd += amount;
      else merged.set(key, { stage: e.stage, channel, readyTurn, amountUsd: amount });
    }
  const next = [...merged.values()].sort(
    (a, b) => a.readyTurn - b.readyTurn || a.stage - b.stage || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0),
  );
  const order = new Map(stages.flatMap((st) => st.channels.map((c) => c.id)).map((id, i) => [id, i]));
  const flowList = [...flows.values()].sort((a, b) => order.get(a.channel)! - order.get(b.channel)!);
  return { pipeline: next, flows: flowList, frozenUsd, lostUsd, cashedOutUsd, reroutedUsd, switchLossUsd };
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
  let lostUsd = 0;
  const next = pipeline.map((t) => {
    const kept = Math.floor(t.amountUsd * Math.min(1, factor));
    lostUsd += t.amountUsd - kept;
    return { ...t, amountUsd: kept };
  });
  return { pipeline: next.filter((t) => t.amountUsd > 0), lostUsd };
}
