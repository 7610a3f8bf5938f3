// The decisions taken during one recorded turn, in words: which role moved which lever
// from what to what (the engine's checkpoint.decisions), and what the facilitator did.
import type { GameEvent } from '../../../engine/events-types.ts';
import type { Timeline } from '../../../engine/timeline.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { levelLabel, roleName } from '../../app/describe.ts';
import { h } from '../h.ts';

export interface LeverChange {
  role: string;
  lever: string;
  from: number;
  to: number;
}

function eventTitle(s: Scenario, id: string): string {
  const all = [...s.events.scripted, ...s.events.random, ...s.events.conditional];
  return all.find((e) => e.id === id)?.title ?? id;
}

/** Levers touched this turn (in the order first touched) with the levels before and in force. */
export function leverChanges(t: Timeline, turn: number): LeverChange[] {
  const c = t.checkpoints[turn - 1];
  if (!c) return [];
  const before = t.levels[turn - 2] ?? {};
  const now = t.levels[turn - 1] ?? {};
  const seen = new Map<string, LeverChange>();
  for (const e of c.decisions) {
    if (e.type !== 'SET_LEVER' || seen.has(e.lever)) continue;
    seen.set(e.lever, { role: e.seat, lever: e.lever, from: before[e.lever] ?? 0, to: now[e.lever] ?? e.level });
  }
  return [...seen.values()];
}

function facilitatorLine(s: Scenario, e: GameEvent): string | null {
  switch (e.type) {
    case 'PAUSE':
      return 'The facilitator paused the game.';
    case 'RESUME':
      return 'The facilitator resumed the game.';
    case 'INJECT':
      return `The facilitator injected an event: ${eventTitle(s, e.event)}.`;
    case 'EXTEND':
      return `The facilitator extended the game by ${e.turns} turn${e.turns === 1 ? '' : 's'}.`;
    case 'END_GAME':
      return 'The game was ended after this turn.';
    default:
      return null;
  }
}

export function decisionsSection(t: Timeline, turn: number): HTMLElement {
  const s = t.scenario;
  const c = t.checkpoints[turn - 1];
  const changes = leverChanges(t, turn);
  const leverName = (id: string) => s.levers.find((l) => l.id === id)?.name ?? id;
  const facilitator = (c?.decisions ?? []).map((e) => facilitatorLine(s, e)).filter((x): x is string => x !== null);
  const inForce = Object.entries(t.levels[turn - 1] ?? {})
    .filter(([, level]) => level > 0)
    .map(([id, level]) => `${leverName(id)} (${levelLabel(level).toLowerCase()})`);
  return h(
    'section',
    { class: 'report-section decisions', 'aria-label': `Decisions in turn ${turn}` },
    h('h3', null, `Decisions in turn ${turn}`),
    changes.length
      ? h(
          'ul',
          { class: 'decision-list' },
          changes.map((ch) =>
            h(
              'li',
              { dataset: { lever: ch.lever } },
              h('span', { class: 'decision-role' }, roleName(s, ch.role)),
              h('span', { class: 'decision-lever' }, leverName(ch.lever)),
              h(
                'span',
                { class: 'decision-levels' },
                ch.from === ch.to ? `${levelLabel(ch.to)} (changed, then set back)` : `${levelLabel(ch.from)} → ${levelLabel(ch.to)}`,
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'No lever was changed this turn.'),
    facilitator.length ? h('ul', { class: 'decision-list facilitator' }, facilitator.map((f) => h('li', null, f))) : null,
    h('p', { class: 'muted small' }, h('strong', null, 'In force this turn: '), inForce.length ? inForce.join(', ') : 'no measures.'),
  );
}
