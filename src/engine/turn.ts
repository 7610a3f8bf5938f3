// One turn of the model, as two pure steps the state machine calls in order:
// adversary operations (events, documented heists, teams, campaigns), then resolution
// (seizures, laundering, income, procurement, tests, the stocks that levers build, the
// adversary's learning, and the report).
import type { Scenario } from '../scenario/schema.ts';
import { learn, runCampaigns, runOperations } from './adversary.ts';
import { compile } from './compiled.ts';
import { clamp, round6 } from './detmath.ts';
import { computeModifiers, type Modifiers } from './effects.ts';
import { applyEvents, type EventOutcome } from './events.ts';
import { regimeIncome } from './income.ts';
import { launder, revalue, seize } from './laundering.ts';
import { launch, missileCostFactor, procure } from './procurement.ts';
import type { HeistRecord, SectorOps, SeizureRecord, TargetChoice, TurnReport } from './report.ts';
import { TurnStreams } from './rng.ts';
import { type Campaign, copyState, DEFENCE_MEMORY, type GameState, type Totals, type Tranche, turnLabel, turnMonth } from './state.ts';
import { blockOf, saturate, stepEvasion, stepStocks } from './stocks.ts';

/** What the adversary did this turn, carried from the adversary step to resolution. */
export interface AdversaryOutcome {
  mods: Modifiers;
  ops: Record<string, SectorOps>;
  targeting: TargetChoice[];
  heists: HeistRecord[];
  events: EventOutcome;
  techGained: number;
  /** Capability after sanction pressure, and the share the pressure took off. */
  capability: number;
  capabilityCut: number;
  /** Per (sector, method) cell: blocked share, teams, successes, success chance. */
  cells: { block: number[]; teams: number[]; successes: number[]; chance: number[] };
}

/** Levers planned this turn come into force. */
export function enactPlan(state: GameState): GameState {
  const next = copyState(state);
  next.levers = { ...state.draft };
  next.committed = [];
  return next;
}

export function adversaryStep(scenario: Scenario, state: GameState): { state: GameState; outcome: AdversaryOutcome } {
  const c = compile(scenario);
  const streams = new TurnStreams(state.seed, state.turn);
  const mods = computeModifiers(scenario, state.levers);
  const events = applyEvents(scenario, state, mods, streams);
  const base = round6(clamp(state.adversary.capability + scenario.adversary.capabilityGrowth + events.capabilityAdd, 0.1, 5));
  // Pressure built up in earlier months, less what the adversary has learnt to evade.
  const capabilityCut = round6(saturate(state.pressure.stock[0] ?? 0) * (1 - state.pressureEvasion));
  const capability = round6(base * (1 - capabilityCut));
  const vulnerabilities = [...state.vulnerabilities, ...events.vulnerabilities];
  const block = state.defence.stock.map(blockOf);
  const ops = runOperations(scenario, state.adversary, { capability, block, vulnerabilities, params: state.params }, streams);
  const camp = runCampaigns(scenario, state.campaigns, ops.chance, block, streams);

  // A scripted "heist" on an espionage sector takes technology, not money.
  let techGained = ops.techGained;
  const campaigns: Campaign[] = camp.campaigns;
  const { displacement } = scenario.adversary;
  const eventHeists = events.heists.filter((h) => {
    const s = c.sectorIds.indexOf(h.sector);
    if (s >= 0 && c.tech[s]) {
      if (!h.blocked) techGained += scenario.sectors[s]!.techPerSuccess;
      return false;
    }
    if (h.blocked && displacement.share > 0)
      campaigns.push({
        eventId: h.eventId ?? '',
        name: h.name ?? h.eventId ?? 'a documented heist',
        usd: Math.floor(h.amountUsd * displacement.share),
        turnsLeft: displacement.turns,
      });
    return true;
  });
  const next = copyState(state);
  next.adversary = { ...state.adversary, capability: base, tech: round6(state.adversary.tech + techGained) };
  next.vulnerabilities = vulnerabilities;
  next.campaigns = campaigns;
  next.injects = state.injects.length ? [] : state.injects;
  next.firedEvents = events.fired.length ? [...new Set([...state.firedEvents, ...events.fired])] : state.firedEvents;
  next.eventOutcomes = events.fired.length ? { ...state.eventOutcomes, ...events.outcomes } : state.eventOutcomes;
  return {
    state: next,
    outcome: {
      mods,
      ops: ops.ops,
      targeting: ops.targeting,
      heists: [...eventHeists, ...ops.heists, ...camp.heists],
      events,
      techGained: round6(techGained),
      capability,
      capabilityCut,
      cells: { block, teams: ops.teams, successes: ops.successes, chance: ops.chance },
    },
  };
}

/** Per-missile counts a + b (a new object; the inputs are shared state and never changed). */
function addCounts(scenario: Scenario, a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of scenario.missiles) out[m.id] = (a[m.id] ?? 0) + (b[m.id] ?? 0);
  return out;
}

/** A deep-enough copy, one literal in Totals' order (see copyState for why not a spread). */
function copyTotals(t: Totals): Totals {
  return {
    stolenUsd: t.stolenUsd,
    frozenUsd: t.frozenUsd,
    lostUsd: t.lostUsd,
    cashedOutUsd: t.cashedOutUsd,
    inPipelineUsd: t.inPipelineUsd,
    toMissilesUsd: t.toMissilesUsd,
    toOtherUsd: t.toOtherUsd,
    missileSpendUsd: t.missileSpendUsd,
    otherFundingUsd: t.otherFundingUsd,
    missileFundUsd: t.missileFundUsd,
    fundingUsd: { ...t.fundingUsd },
    incomeUsd: { ...t.incomeUsd },
    heists: t.heists,
    blockedHeists: t.blockedHeists,
    blockedUsd: t.blockedUsd,
    collateral: t.collateral,
    escalation: t.escalation,
    launches: t.launches,
  };
}

const sumOf = (pipeline: readonly Tranche[]) => pipeline.reduce((a, t) => a + t.amountUsd, 0);

/** Event seizures, in event order: tied seizures take only their heist's loot still being laundered. */
function applySeizures(
  pipeline: Tranche[],
  tracked: Record<string, number>,
  seizures: EventOutcome['seizures'],
): { pipeline: Tranche[]; seizedUsd: number; records: SeizureRecord[] } {
  let seizedUsd = 0;
  const records: SeizureRecord[] = [];
  for (const s of seizures) {
    let want = s.amountUsd;
    let reason: SeizureRecord['reason'];
    if (s.heist !== undefined) {
      const left = tracked[s.heist];
      if (left === undefined) {
        want = 0;
        reason = 'heist-blocked';
      } else if (left < want) {
        want = left;
        reason = 'loot-gone';
      }
    }
    const r = seize(pipeline, want);
    if (r.seizedUsd < want) reason = 'pipeline-short';
    pipeline = r.pipeline;
    seizedUsd += r.seizedUsd;
    if (s.heist !== undefined && tracked[s.heist] !== undefined) tracked[s.heist] = tracked[s.heist]! - r.seizedUsd;
    records.push({
      eventId: s.eventId,
      ...(s.heist !== undefined ? { heist: s.heist } : {}),
      requestedUsd: s.amountUsd,
      seizedUsd: r.seizedUsd,
      ...(reason ? { reason } : {}),
    });
  }
  return { pipeline, seizedUsd, records };
}

export function resolutionStep(
  scenario: Scenario,
  state: GameState,
  outcome: AdversaryOutcome,
): { state: GameState; report: TurnReport } {
  const c = compile(scenario);
  const turn = state.turn;
  const streams = new TurnStreams(state.seed, turn);
  const { mods, events } = outcome;
  const params = state.params;
  const totals = copyTotals(state.totals);

  // 1. Prices and seizures act on what is already being laundered.
  const revalued = revalue(state.pipeline, events.priceFactor);
  let lostUsd = revalued.lostUsd;
  const tracked = { ...state.tracked };
  const seized = applySeizures(revalued.pipeline, tracked, events.seizures);

  // 2. New loot: issuers freeze part of the stablecoins before they can be swapped.
  let stolenUsd = 0;
  let frozenAtTheftUsd = 0;
  let heistCount = 0;
  let blockedHeists = 0;
  let blockedUsd = 0;
  const heists = outcome.heists.map((h): HeistRecord => {
    if (h.blocked) {
      if (h.origin === 'event') {
        blockedHeists += 1;
        blockedUsd += h.amountUsd;
      }
      return h;
    }
    const frozen = Math.floor(h.amountUsd * h.stablecoinShare * mods.issuerFreeze);
    stolenUsd += h.amountUsd;
    frozenAtTheftUsd += frozen;
    heistCount += 1;
    if (h.origin === 'event' && h.eventId && c.trackedHeists.includes(h.eventId)) tracked[h.eventId] = h.amountUsd - frozen;
    return frozen > 0 ? { ...h, frozenAtTheftUsd: frozen } : h;
  });
  const newLootUsd = stolenUsd - frozenAtTheftUsd;

  // 3. Laundering.
  const before = sumOf(seized.pipeline) + newLootUsd;
  const laundered = launder(scenario, seized.pipeline, newLootUsd, mods, state.channels, params, streams);
  lostUsd += laundered.lostUsd;
  const frozenUsd = laundered.frozenUsd + seized.seizedUsd + frozenAtTheftUsd;
  const inPipelineUsd = sumOf(laundered.pipeline);
  // Tracked loot moves with the pipeline as a whole (an estimate used only to cap seizures).
  for (const id of Object.keys(tracked)) tracked[id] = before > 0 ? Math.floor((tracked[id]! * inPipelineUsd) / before) : 0;

  // 4. Income and the missile fund.
  const streamCut = state.incomePressure.stock.map(saturate);
  const income = regimeIncome(scenario, laundered.cashedOutUsd, streamCut, params);
  const tech = state.adversary.tech;
  const costFactor = missileCostFactor(scenario, tech);
  const bought = procure(scenario, totals.missileFundUsd + income.fundInUsd, state.spentOn, state.production, params, costFactor);

  // 5. Tests.
  const escalation = round6(Math.max(0, totals.escalation * 0.8 + mods.escalation + events.escalationAdd));
  const month = turnMonth(scenario, turn);
  const stockAfterBuy: Record<string, number> = {};
  for (const m of scenario.missiles) stockAfterBuy[m.id] = (state.stock[m.id] ?? 0) + (bought.bought[m.id] ?? 0);
  const fired = launch(scenario, stockAfterBuy, turn, month, escalation, tech, events.launches, params, streams);
  let launchCount = 0;
  for (const m of scenario.missiles) launchCount += fired.launched[m.id]!;

  // 6. What the levers build, and what the adversary and the network learn.
  const { build, decay } = scenario.dynamics;
  const adversary = learn(scenario, state.adversary, outcome.cells.teams, outcome.cells.successes, outcome.cells.chance);

  totals.stolenUsd += stolenUsd;
  totals.frozenUsd += frozenUsd;
  totals.lostUsd += lostUsd;
  totals.cashedOutUsd += laundered.cashedOutUsd;
  totals.inPipelineUsd = inPipelineUsd;
  totals.toMissilesUsd += income.cryptoToMissilesUsd;
  totals.toOtherUsd += laundered.cashedOutUsd - income.cryptoToMissilesUsd;
  totals.otherFundingUsd += income.otherFundingUsd;
  totals.fundingUsd.crypto = (totals.fundingUsd.crypto ?? 0) + income.cryptoToMissilesUsd;
  for (const id of c.streamIds) {
    totals.fundingUsd[id] = (totals.fundingUsd[id] ?? 0) + income.fundingUsd[id]!;
    totals.incomeUsd[id] = (totals.incomeUsd[id] ?? 0) + income.incomeUsd[id]!;
  }
  totals.missileSpendUsd += bought.spendUsd;
  totals.missileFundUsd = bought.fundUsd;
  totals.heists += heistCount;
  totals.blockedHeists += blockedHeists;
  totals.blockedUsd += blockedUsd;
  totals.collateral = round6(totals.collateral + mods.collateral);
  totals.escalation = escalation;
  totals.launches += launchCount;

  const next = copyState(state);
  next.adversary = adversary;
  next.defence = stepStocks(state.defence, mods.defenceTarget, build, decay);
  next.defenceHistory = [state.defence.stock, ...state.defenceHistory.slice(0, DEFENCE_MEMORY - 1)];
  next.pressure = stepStocks(state.pressure, [mods.degradeTarget], build, decay);
  next.incomePressure = stepStocks(state.incomePressure, mods.incomeTarget, build, decay);
  next.pressureEvasion = stepEvasion(state.pressureEvasion, mods.degradeTarget > 0, scenario.laundering.evasion.perTurn, scenario.laundering.evasion.max);
  next.channels = laundered.channels;
  next.tracked = tracked;
  next.vulnerabilities = state.vulnerabilities.filter((v) => v.untilTurn > turn);
  next.pipeline = laundered.pipeline;
  next.totals = totals;
  next.stock = fired.stock;
  next.bought = addCounts(scenario, state.bought, bought.bought);
  next.launched = addCounts(scenario, state.launched, fired.launched);
  next.launchedByEvents = addCounts(scenario, state.launchedByEvents, fired.scriptedLaunched);
  next.spentOn = bought.spentOn;
  next.production = bought.production;

  const defense: Record<string, number> = {};
  const interest: Record<string, number> = {};
  for (let s = 0; s < c.sectorIds.length; s++) {
    let weight = 0;
    let blocked = 0;
    let share = 0;
    for (const k of c.sectorCells[s]!) {
      weight += c.cellExposure[k]!;
      blocked += c.cellExposure[k]! * outcome.cells.block[k]!;
      share += adversary.interest[k]!;
    }
    defense[c.sectorIds[s]!] = weight > 0 ? round6(blocked / weight) : 0;
    interest[c.sectorIds[s]!] = round6(share);
  }
  const incomeCut: Record<string, number> = {};
  for (let k = 0; k < c.streamIds.length; k++) incomeCut[c.streamIds[k]!] = streamCut[k]!;
  const report: TurnReport = {
    turn,
    label: turnLabel(scenario, turn),
    levers: state.levers,
    costByRole: mods.costByRole,
    defense,
    freeze: mods.freeze,
    deter: mods.deter,
    coalition: mods.coalition,
    capability: outcome.capability,
    capabilityCut: outcome.capabilityCut,
    techGained: outcome.techGained,
    tech,
    missileCostFactor: costFactor,
    ops: outcome.ops,
    targeting: outcome.targeting,
    heists,
    flows: laundered.flows,
    routing: laundered.routing,
    seizures: seized.records,
    events: events.events,
    stolenUsd,
    frozenUsd,
    seizedUsd: seized.seizedUsd,
    frozenAtTheftUsd,
    lostUsd,
    queuedUsd: laundered.queuedUsd,
    cashedOutUsd: laundered.cashedOutUsd,
    toMissilesUsd: income.cryptoToMissilesUsd,
    otherFundingUsd: income.otherFundingUsd,
    fundingUsd: income.fundingUsd,
    incomeUsd: income.incomeUsd,
    incomeCut,
    missileSpendUsd: bought.spendUsd,
    purchases: bought.purchases,
    bought: bought.bought,
    launched: fired.launched,
    launchOdds: fired.odds,
    launchMultiplier: c.calendarMultiplier[month]!,
    calendarNotes: c.calendarNotes[month]!,
    collateral: mods.collateral,
    escalation,
    interest,
    totals,
  };
  return { state: next, report };
}

/**
 * Money conservation: stolen = in pipeline + frozen + lost + cashed out; cashed out = to
 * missiles + to other spending; missile money in (crypto and every other stream) = spent
 * + unspent. Returns a description of the first broken identity.
 */
export function conservationError(state: GameState): string | null {
  const t = state.totals;
  const pipeline = state.pipeline.reduce((a, x) => a + x.amountUsd, 0);
  if (pipeline !== t.inPipelineUsd) return `pipeline ${pipeline} != inPipelineUsd ${t.inPipelineUsd}`;
  const rhs = t.inPipelineUsd + t.frozenUsd + t.lostUsd + t.cashedOutUsd;
  if (t.stolenUsd !== rhs) return `stolen ${t.stolenUsd} != pipeline+frozen+lost+cashedOut ${rhs}`;
  if (t.cashedOutUsd !== t.toMissilesUsd + t.toOtherUsd) return 'cashed out != to missiles + to other';
  if ((t.fundingUsd.crypto ?? 0) !== t.toMissilesUsd) return 'crypto funding != crypto to missiles';
  let other = 0;
  for (const [k, v] of Object.entries(t.fundingUsd)) if (k !== 'crypto') other += v;
  if (other !== t.otherFundingUsd) return 'funding by stream != other funding';
  const fundIn = t.toMissilesUsd + t.otherFundingUsd;
  if (fundIn !== t.missileSpendUsd + t.missileFundUsd) return 'missile fund in != spent + unspent';
  return null;
}
