// How a turn's events and heists read, the same in every view (turn report, live summary,
// replay viewer, exported report): a documented heist that the defences blocked reads as
// blocked everywhere, with the odds the defences gave. Plain strings, no DOM.
import type { EventRecord, HeistRecord, TurnReport } from '../engine/report.ts';
import type { Scenario } from '../scenario/schema.ts';

export type EventOutcomeKind = 'blocked' | 'succeeded' | 'partly';

/** The heists an event caused this turn (documented heists come from scripted events). */
export function heistsOf(report: TurnReport, event: EventRecord): HeistRecord[] {
  return report.heists.filter((x) => x.origin === 'event' && x.eventId === event.id);
}

export function eventOutcome(report: TurnReport, event: EventRecord): EventOutcomeKind | null {
  const hs = heistsOf(report, event);
  if (!hs.length) return null;
  const blocked = hs.filter((x) => x.blocked).length;
  return blocked === hs.length ? 'blocked' : blocked === 0 ? 'succeeded' : 'partly';
}

/** An event's headline in this game: a blocked heist is not called "drained". */
export function eventHeadline(report: TurnReport, event: EventRecord): string {
  const kind = eventOutcome(report, event);
  const name = heistsOf(report, event)[0]?.name ?? event.title;
  switch (kind) {
    case null:
    case 'succeeded':
      return event.title;
    case 'blocked':
      return `${name}: attack blocked by the defences`;
    case 'partly':
      return `${event.title} (partly blocked)`;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

/**
 * The chance the defences gave to block a documented heist: the report records it (the
 * defence stock built before the heist was prepared, never that month's decisions).
 */
export function blockChance(_report: TurnReport, heist: HeistRecord): number {
  return heist.blockChance;
}

const pct = (p: number) => `${Math.round(p * 100)} %`;

/** "your defences gave a 55 % chance to block it" — for a documented heist. */
export function oddsPhrase(report: TurnReport, heist: HeistRecord): string {
  const p = blockChance(report, heist);
  if (p <= 0) return 'no defences in force in this sector gave any chance to block it';
  return `your defences gave a ${pct(p)} chance to block it`;
}

/** One sentence on what happened to a documented heist in this game. */
export function heistSentence(s: Scenario, report: TurnReport, heist: HeistRecord): string {
  const sector = s.sectors.find((x) => x.id === heist.sector)?.name ?? heist.sector;
  const what = heist.name ?? sector;
  return heist.blocked
    ? `In this game the attack on ${what} was blocked: ${oddsPhrase(report, heist)}.`
    : `In this game the attack on ${what} succeeded: ${oddsPhrase(report, heist)}.`;
}
