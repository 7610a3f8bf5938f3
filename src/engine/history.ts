// What the players may know of the documented record at a given turn: only what had
// happened by then. Briefings and planning screens show history through these functions,
// so no screen announces a heist's month before it comes.
import type { Scenario } from '../scenario/schema.ts';
import { turnLabel } from './state.ts';

export type ScriptedEventDef = Scenario['events']['scripted'][number];

export interface RevealedEvent {
  turn: number;
  /** Calendar month (YYYY-MM). */
  label: string;
  id: string;
  title: string;
  text: string;
  source?: string;
}

/** Scripted events of the turns before `turn`, in turn order (none before turn 2). */
export function revealedEvents(scenario: Scenario, turn: number): RevealedEvent[] {
  return scenario.events.scripted
    .filter((e) => e.turn < turn)
    .sort((a, b) => a.turn - b.turn)
    .map((e) => ({
      turn: e.turn,
      label: turnLabel(scenario, e.turn),
      id: e.id,
      title: e.title,
      text: e.text,
      ...(e.source ? { source: e.source } : {}),
    }));
}

function collectSources(value: unknown, into: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectSources(v, into);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' && typeof v === 'string') into.add(v);
      else collectSources(v, into);
    }
}

/**
 * Source keys that only scripted events still to come cite (the report of a heist that
 * has not happened yet, say). A briefing's reading list leaves them out until then.
 */
export function hiddenSources(scenario: Scenario, turn: number): Set<string> {
  const future = new Set<string>();
  const elsewhere = new Set<string>();
  for (const e of scenario.events.scripted) collectSources(e, e.turn >= turn ? future : elsewhere);
  for (const [k, v] of Object.entries(scenario)) {
    if (k === 'sources' || k === 'calibration' || k === 'events') continue;
    collectSources(v, elsewhere);
  }
  collectSources(scenario.events.random, elsewhere);
  collectSources(scenario.events.conditional, elsewhere);
  for (const key of elsewhere) future.delete(key);
  return future;
}

/** Doctrine periods that had begun by `turn` (a pause or surge still to come stays hidden). */
export function revealedDoctrine(scenario: Scenario, turn: number): Scenario['calendar']['doctrine'] {
  const label = turnLabel(scenario, Math.max(1, turn));
  return scenario.calendar.doctrine.filter((d) => d.from <= label);
}
