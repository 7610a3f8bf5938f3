// Escalation, explained: what it does (it raises the chance that the regime launches each
// missile it holds) and why it moved in a turn (what carried over, what each lever and
// event added). Read from a turn report and the scenario; nothing here changes a game.
import type { Scenario } from '../scenario/schema.ts';
import { round6 } from './detmath.ts';
import { findEvent } from './events.ts';
import type { TurnReport } from './report.ts';

/**
 * Share of last turn's escalation still in force this turn (the rest fades): the factor
 * resolutionStep applies in turn.ts. A test checks that the parts explained here add up to
 * the engine's own totals, so the two cannot drift apart unnoticed.
 */
export const ESCALATION_CARRY = 0.8;

/** How much escalation multiplies the tests the regime plans: 1 + escalation / 100 (14.4 → ×1.144). */
export function escalationFactor(escalation: number): number {
  return 1 + escalation / 100;
}

export interface EscalationPart {
  /** A lever id or an event id. */
  id: string;
  name: string;
  add: number;
}

export interface EscalationChange {
  before: number;
  /** What remained of `before` after fading. */
  carried: number;
  levers: EscalationPart[];
  events: EscalationPart[];
  /** Anything the parts above do not account for (e.g. the floor at zero). */
  other: number;
  after: number;
}

/** Why escalation went from `before` (the total after the previous turn) to the report's total. */
export function explainEscalation(scenario: Scenario, before: number, report: TurnReport): EscalationChange {
  const carried = round6(before * ESCALATION_CARRY);
  const levers: EscalationPart[] = [];
  for (const l of scenario.levers) {
    const level = report.levers[l.id] ?? 0;
    const add = round6(l.sideEffects.escalation * level);
    if (add !== 0) levers.push({ id: l.id, name: l.name, add });
  }
  const events: EscalationPart[] = [];
  for (const e of report.events) {
    const def = findEvent(scenario, e.id);
    const add = round6((def?.effects ?? []).reduce((a, fx) => a + (fx.type === 'escalation' ? fx.add : 0), 0));
    if (add !== 0) events.push({ id: e.id, name: e.title, add });
  }
  const after = report.totals.escalation;
  const sum = carried + levers.reduce((a, p) => a + p.add, 0) + events.reduce((a, p) => a + p.add, 0);
  return { before, carried, levers, events, other: round6(after - sum), after };
}
