// Where the game stands, in one line for the header ("Turn 2 of 6 · 2022-04 · planning: …").
import { activeRole } from '../../engine/rules.ts';
import type { GameSession } from '../../engine/session.ts';
import { turnLabel } from '../../engine/state.ts';
import { roleName } from './describe.ts';

export function progressText(session: GameSession, resolving: boolean): string {
  const g = session.game;
  const s = session.scenario;
  const turn = () => `Turn ${g.turn} of ${g.turnsTotal} · ${turnLabel(s, g.turn)}`;
  switch (session.phase) {
    case 'setup':
    case 'briefing':
      return `Briefing · ${g.turnsTotal} turns`;
    case 'planning': {
      const role = activeRole(s, g);
      return `${turn()} · planning${role ? `: ${roleName(s, role)}` : ''}`;
    }
    case 'debrief':
      return `Debrief · ${session.reports.length} turn${session.reports.length === 1 ? '' : 's'} played`;
    default:
      return `${turn()} · ${resolving ? 'resolving' : 'report'}`;
  }
}
