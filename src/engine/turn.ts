// One turn of the model, as two pure steps the state machine calls in order:
// adversary operations, then resolution (laundering, procurement, launches, report).
import type { Scenario } from '../scenario/schema.ts';
import { learn, runOperations } from './adversary.ts';
import { clamp, round6 } from './detmath.ts';
import { computeModifiers, type Modifiers } from './effects.ts';
import { ESCALATION_CARRY } from './escalation.ts';
import { applyEvents, type EventOutcome } from './events.ts';
import { launder, revalue, seize } from './laundering.ts';
import { toUsd } from './money.ts';
import { calendarMultiplier, launch, missileCostFactor, procure } from './procurement.ts';
import type { HeistRecord, SectorOps, TurnReport } from './report.ts';
import { TurnStreams } from './rng.ts';
import { type GameState, turnLabel, turnMonth } from './state.ts';

/** What the adversary did this turn, carried from the adversary step to resolution. */
export interface AdversaryOutcome {
  mods: Modifiers;
  ops: Record<string, SectorOps>;
  heists: HeistRecord[];
  events: EventOutcome;
  techGained: number;
}

/** Levers planned this turn come into force. */
export function enactPlan(state: GameState): GameState {
  return { ...state, levers: { ...state.draft }, committed: [] };
}

export function adversaryStep(scenario: Scenario, state: GameState): { state: GameState; outcome: AdversaryOutcome } {
  const streams = new TurnStreams(state.seed, state.turn);
  const mods = computeModifiers(scenario, state.levers);
  const events = applyEvents(scenario, state, mods, streams);
  const capability = round6(
    clamp(state.adversary.capability + mods.capabilityDelta + events.capabilityAdd, 0.1, 5),
  );
  const vulnerabilities = [...state.vulnerabilities, ...events.vulnerabilities];
  const adversary = { ...state.adversary, capability };
  const ops = runOperations(scenario, adversary, vulnerabilities, mods, streams);
  // A scripted "heist" on an espionage sector takes technology, not money.
  const techSectors = new Set(scenario.sectors.filter((s) => s.yields === 'technology').map((s) => s.id));
  let techGained = ops.techGained;
  const eventHeists = events.heists.filter((h) => {
    if (!techSectors.has(h.sector)) return true;
    if (!h.blocked) techGained += scenario.sectors.find((s) => s.id === h.sector)!.techPerSuccess;
    return false;
  });
  const next: GameState = {
    ...state,
    adversary: { ...adversary, tech: round6(adversary.tech + techGained) },
    vulnerabilities,
    injects: [],
    firedEvents: [...new Set([...state.firedEvents, ...events.fired])],
    eventOutcomes: { ...state.eventOutcomes, ...events.outcomes },
  };
  return {
    state: next,
    outcome: { mods, ops: ops.ops, heists: [...eventHeists, ...ops.heists], events, techGained: round6(techGained) },
  };
}

export function resolutionStep(
  scenario: Scenario,
  state: GameState,
  outcome: AdversaryOutcome,
): { state: GameState; report: TurnReport } {
  const turn = state.turn;
  const streams = new TurnStreams(state.seed, turn);
  const { mods, events } = outcome;
  const totals = { ...state.totals };

  const revalued = revalue(state.pipeline, events.priceFactor);
  let lostUsd = revalued.lostUsd;
  const seized = seize(revalued.pipeline, events.seizureUsd);

  const stolenUsd = outcome.heists.reduce((a, h) => a + (h.blocked ? 0 : h.amountUsd), 0);
  const laundered = launder(scenario, seized.pipeline, stolenUsd, mods, streams);
  lostUsd += laundered.lostUsd;
  const frozenUsd = laundered.frozenUsd + seized.seizedUsd;

  const toMissiles = Math.floor(laundered.cashedOutUsd * scenario.adversary.missileShare.value);
  const otherFunding = toUsd(scenario.adversary.otherMissileFunding, scenario);
  const tech = state.adversary.tech;
  const costFactor = missileCostFactor(scenario, tech);
  const bought = procure(scenario, totals.missileFundUsd + toMissiles + otherFunding, state.spentOn, costFactor);

  const escalation = round6(Math.max(0, totals.escalation * ESCALATION_CARRY + mods.escalation + events.escalationAdd));
  const calendar = calendarMultiplier(scenario, turnMonth(scenario, turn));
  const stockAfterBuy: Record<string, number> = {};
  for (const m of scenario.missiles) stockAfterBuy[m.id] = (state.stock[m.id] ?? 0) + (bought.bought[m.id] ?? 0);
  const fired = launch(
    scenario,
    stockAfterBuy,
    round6(calendar.multiplier * (1 + tech * scenario.adversary.techLaunchBoost)),
    escalation,
    streams,
  );
  const launched: Record<string, number> = {};
  let launchCount = 0;
  for (const m of scenario.missiles) {
    launched[m.id] = (fired.launched[m.id] ?? 0) + (events.launches[m.id] ?? 0);
    launchCount += launched[m.id]!;
  }

  totals.stolenUsd += stolenUsd;
  totals.frozenUsd += frozenUsd;
  totals.lostUsd += lostUsd;
  totals.cashedOutUsd += laundered.cashedOutUsd;
  totals.inPipelineUsd = laundered.pipeline.reduce((a, t) => a + t.amountUsd, 0);
  totals.toMissilesUsd += toMissiles;
  totals.toOtherUsd += laundered.cashedOutUsd - toMissiles;
  totals.otherFundingUsd += otherFunding;
  totals.missileSpendUsd += bought.spendUsd;
  totals.missileFundUsd = bought.fundUsd;
  totals.collateral = round6(totals.collateral + mods.collateral);
  totals.escalation = escalation;
  totals.launches += launchCount;

  const add = (a: Record<string, number>, b: Record<string, number>) => {
    const out = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
    return out;
  };
  const adversary = learn(scenario, state.adversary, outcome.ops, mods);
  const next: GameState = {
    ...state,
    adversary,
    vulnerabilities: state.vulnerabilities.filter((v) => v.untilTurn > turn),
    pipeline: laundered.pipeline,
    totals,
    stock: fired.stock,
    bought: add(state.bought, bought.bought),
    launched: add(state.launched, launched),
    launchedByEvents: add(state.launchedByEvents, events.launches),
    spentOn: bought.spentOn,
  };
  const report: TurnReport = {
    turn,
    label: turnLabel(scenario, turn),
    levers: { ...state.levers },
    costByRole: mods.costByRole,
    defense: mods.defense,
    freeze: mods.freeze,
    deter: mods.deter,
    coalition: mods.coalition,
    capability: state.adversary.capability,
    techGained: outcome.techGained,
    tech,
    missileCostFactor: costFactor,
    ops: outcome.ops,
    heists: outcome.heists,
    flows: laundered.flows,
    events: events.events,
    stolenUsd,
    frozenUsd,
    seizedUsd: seized.seizedUsd,
    lostUsd,
    reroutedUsd: laundered.reroutedUsd,
    switchLossUsd: laundered.switchLossUsd,
    cashedOutUsd: laundered.cashedOutUsd,
    toMissilesUsd: toMissiles,
    otherFundingUsd: otherFunding,
    missileSpendUsd: bought.spendUsd,
    bought: bought.bought,
    launched,
    launchMultiplier: calendar.multiplier,
    calendarNotes: calendar.notes,
    collateral: mods.collateral,
    escalation,
    interest: adversary.interest,
    totals,
  };
  return { state: next, report };
}

/**
 * Money conservation: stolen = in pipeline + frozen + lost + cashed out, and cashed out
 * = to missiles + to other spending. Returns a description of the first broken identity.
 */
export function conservationError(state: GameState): string | null {
  const t = state.totals;
  const pipeline = state.pipeline.reduce((a, x) => a + x.amountUsd, 0);
  if (pipeline !== t.inPipelineUsd) return `pipeline ${pipeline} != inPipelineUsd ${t.inPipelineUsd}`;
  const rhs = t.inPipelineUsd + t.frozenUsd + t.lostUsd + t.cashedOutUsd;
  if (t.stolenUsd !== rhs) return `stolen ${t.stolenUsd} != pipeline+frozen+lost+cashedOut ${rhs}`;
  if (t.cashedOutUsd !== t.toMissilesUsd + t.toOtherUsd) return 'cashed out != to missiles + to other';
  const fundIn = t.toMissilesUsd + t.otherFundingUsd;
  if (fundIn !== t.missileSpendUsd + t.missileFundUsd) return 'missile fund in != spent + unspent';
  return null;
}
