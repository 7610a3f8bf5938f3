// The scripted events a player can see coming and act on: those that strike a sector
// (heists, vulnerabilities, …). Generic over effect kinds: any effect naming a sector counts.
import type { Scenario } from '../../scenario/schema.ts';

export interface SectorEvent {
  turn: number;
  id: string;
  sectors: string[];
}

/**
 * The turn a scripted event happens on: its `turn`, or its calendar month ("2024-05")
 * counted from the scenario's start month, for scenarios that key events by month.
 */
export function eventTurn(scenario: Scenario, event: object): number | null {
  const { turn, month } = event as { turn?: unknown; month?: unknown };
  if (typeof turn === 'number') return turn;
  const at = typeof month === 'string' ? /^(\d{4})-(\d{2})$/.exec(month) : null;
  const start = /^(\d{4})-(\d{2})$/.exec(scenario.calendar.start);
  if (!at || !start) return null;
  return (Number(at[1]) - Number(start[1])) * 12 + (Number(at[2]) - Number(start[2])) + 1;
}

export function sectorEvents(scenario: Scenario): SectorEvent[] {
  const out: SectorEvent[] = [];
  for (const e of scenario.events.scripted) {
    const turn = eventTurn(scenario, e);
    if (turn === null || turn < 1 || turn > scenario.calendar.turns) continue;
    const sectors = new Set<string>();
    for (const effect of e.effects) {
      const sector = (effect as { sector?: unknown }).sector;
      if (typeof sector === 'string') sectors.add(sector);
    }
    if (sectors.size) out.push({ turn, id: e.id, sectors: [...sectors].sort() });
  }
  return out.sort((a, b) => a.turn - b.turn || a.id.localeCompare(b.id));
}

/** How many turns before a known event still count as "around" it. */
export const EVENT_LEAD_TURNS = 1;

/** Turns "around" the known sector events: each event's turn and the turn before it. */
export function eventWindow(scenario: Scenario): Set<number> {
  const turns = new Set<number>();
  for (const e of sectorEvents(scenario))
    for (let t = Math.max(1, e.turn - EVENT_LEAD_TURNS); t <= e.turn; t++) turns.add(t);
  return turns;
}

/** How much defence one level of `lever` gives each sector (from effects that name a sector). */
export function defencePerLevel(scenario: Scenario, leverId: string): Map<string, number> {
  const out = new Map<string, number>();
  const lever = scenario.levers.find((l) => l.id === leverId);
  if (!lever) return out;
  for (const effect of lever.effects) {
    const { sector, perLevel } = effect as { sector?: unknown; perLevel?: unknown };
    // 'all' is every sector at once, not a concentration on one.
    if (typeof sector === 'string' && sector !== 'all' && typeof perLevel === 'number' && perLevel > 0)
      out.set(sector, (out.get(sector) ?? 0) + perLevel);
  }
  return out;
}
