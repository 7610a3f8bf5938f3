// Scripted, random and facilitator-injected events, and what their effects do.

import type { EventEffectDef, Scenario } from '../scenario/schema.ts';
import type { Condition } from '../scenario/schema-parts.ts';
import { cellOf, compile } from './compiled.ts';
import { round6 } from './detmath.ts';
import type { Modifiers } from './effects.ts';
import { toUsd } from './money.ts';
import type { EventRecord, HeistRecord } from './report.ts';
import type { TurnStreams } from './rng.ts';
import { type GameState, metricValue, type RecordedOutcome, type Vulnerability } from './state.ts';
import { blockOf } from './stocks.ts';

type AnyEvent = {
  id: string;
  title: string;
  text: string;
  effects: EventEffectDef[];
  source?: string | undefined;
};

export interface EventOutcome {
  events: EventRecord[];
  heists: HeistRecord[];
  vulnerabilities: Vulnerability[];
  capabilityAdd: number;
  escalationAdd: number;
  priceFactor: number;
  launches: Record<string, number>;
  /** Seizures of funds being laundered: fixed amounts, tied to one heist's loot when `heist` is set. */
  seizures: { eventId: string; heist?: string; amountUsd: number }[];
  fired: string[];
  /** How each event that happened this turn turned out (for conditions on its outcome). */
  outcomes: Record<string, RecordedOutcome>;
}

export function findEvent(scenario: Scenario, id: string): AnyEvent | undefined {
  const { scripted, random, conditional } = scenario.events;
  return scripted.find((e) => e.id === id) ?? random.find((e) => e.id === id) ?? conditional.find((e) => e.id === id);
}

/** Which events happen this turn. Every random event takes one draw every turn (CRN). */
export function selectEvents(
  scenario: Scenario,
  state: GameState,
  streams: TurnStreams,
): { event: AnyEvent; kind: EventRecord['kind'] }[] {
  const turn = streams.turn;
  const out: { event: AnyEvent; kind: EventRecord['kind'] }[] = [];
  for (const e of scenario.events.scripted) if (e.turn === turn) out.push({ event: e, kind: 'scripted' });
  // One draw per random event per turn, in scenario order, whatever happens (CRN).
  const luck = streams.get('random-events');
  for (const e of scenario.events.random) {
    const u = luck.next();
    const inWindow = (e.fromTurn ?? 1) <= turn && turn <= (e.toTurn ?? Number.MAX_SAFE_INTEGER);
    const allowed = !(e.once && state.firedEvents.includes(e.id));
    if (inWindow && allowed && u < e.probability) out.push({ event: e, kind: 'random' });
  }
  for (const e of scenario.events.conditional) {
    const w = e.when;
    const inWindow = (w.fromTurn ?? 1) <= turn && turn <= (w.toTurn ?? Number.MAX_SAFE_INTEGER);
    const allowed = !(e.once && state.firedEvents.includes(e.id));
    if (inWindow && allowed && conditionHolds(w, state)) out.push({ event: e, kind: 'conditional' });
  }
  for (const id of state.injects) {
    const e = findEvent(scenario, id);
    if (e) out.push({ event: e, kind: 'injected' });
  }
  return out;
}

const compare = (v: number, op: '>=' | '<=', x: number) => (op === '>=' ? v >= x : v <= x);

/**
 * A condition against the state at the start of the turn: a total, the recorded outcome of
 * an event that happened in an earlier turn, or a lever's level in force this turn.
 */
export function conditionHolds(w: Condition, state: GameState): boolean {
  if (w.metric !== undefined) return compare(metricValue(state, w.metric), w.op, w.value);
  if (w.event !== undefined) {
    const outcome = state.eventOutcomes[w.event];
    if (outcome === undefined) return false;
    return w.outcome === 'happened' || w.outcome === outcome;
  }
  if (w.lever !== undefined) return compare(state.levers[w.lever] ?? 0, w.op, w.level);
  const never: never = w;
  return never;
}

/** succeeded, unless the event attempted heists and every one of them was blocked. */
function outcomeOf(heists: HeistRecord[]): RecordedOutcome {
  return heists.length > 0 && heists.every((h) => h.blocked) ? 'blocked' : 'succeeded';
}

export function applyEvents(
  scenario: Scenario,
  state: GameState,
  _mods: Modifiers, // kept for callers: documented heists depend on defence stocks, not on this month's levers
  streams: TurnStreams,
): EventOutcome {
  const outcome: EventOutcome = {
    events: [],
    heists: [],
    vulnerabilities: [],
    capabilityAdd: 0,
    escalationAdd: 0,
    priceFactor: 1,
    launches: {},
    seizures: [],
    fired: [],
    outcomes: {},
  };
  for (const { event, kind } of selectEvents(scenario, state, streams)) {
    outcome.events.push({
      id: event.id,
      title: event.title,
      text: event.text,
      kind,
      ...(event.source ? { source: event.source } : {}),
    });
    outcome.fired.push(event.id);
    const heistsBefore = outcome.heists.length;
    event.effects.forEach((fx, i) => {
      switch (fx.type) {
        case 'heist': {
          // A documented heist happens unless the defence stock in place when it was
          // prepared (preparedMonths before the theft) blocks it; this month's levers play
          // no part, and neither do defences raised after the intrusion.
          const c = compile(scenario);
          const k = cellOf(c, fx.sector, fx.method);
          const stock = fx.preparedMonths === 0 ? state.defence.stock : (state.defenceHistory[fx.preparedMonths - 1] ?? []);
          const block = k >= 0 ? blockOf(stock[k] ?? 0) : 0;
          const u = streams.get(`event-heist:${event.id}:${i}`).next();
          const s = c.sectorIds.indexOf(fx.sector);
          outcome.heists.push({
            sector: fx.sector,
            method: fx.method,
            amountUsd: toUsd(fx.amount, scenario),
            origin: 'event',
            eventId: event.id,
            name: fx.name ?? event.title,
            blocked: u < block,
            blockChance: block,
            successChance: round6(1 - block),
            roll: round6(u),
            stablecoinShare: fx.stablecoinShare ?? (s >= 0 ? c.stablecoinShare[s]! : 0),
            frozenAtTheftUsd: 0,
            ...(event.source ? { source: event.source } : {}),
          });
          break;
        }
        case 'vulnerability':
          outcome.vulnerabilities.push({
            sector: fx.sector,
            add: fx.add,
            untilTurn: streams.turn + fx.turns - 1,
            cause: event.id,
          });
          break;
        case 'capability':
          outcome.capabilityAdd += fx.add;
          break;
        case 'escalation':
          outcome.escalationAdd += fx.add;
          break;
        case 'priceShock':
          outcome.priceFactor *= fx.factor;
          break;
        case 'launch':
          outcome.launches[fx.missile] = (outcome.launches[fx.missile] ?? 0) + fx.count;
          break;
        case 'seizure':
          outcome.seizures.push({ eventId: event.id, ...(fx.heist ? { heist: fx.heist } : {}), amountUsd: toUsd(fx.amount, scenario) });
          break;
      }
    });
    outcome.outcomes[event.id] = outcomeOf(outcome.heists.slice(heistsBefore));
  }
  return outcome;
}
