// After the code: pick a table and a role (taken roles are shown and cannot be picked), or
// be dealt one. The session's scenario and roles come from the server.
import { h, newId, setChildren } from '../dom/h.ts';
import { heading, type Screen } from '../dom/screen.ts';
import type { SessionInfo } from './api.ts';

export interface SeatChoice {
  table: number;
  role: string | 'auto';
}

export function seatPicker(info: SessionInfo, actions: { take(choice: SeatChoice): Promise<string | null>; back(): void }): Screen {
  const head = heading(`Class ${info.code}: ${info.scenario.title}`, `${info.scenario.turns} turns · ${info.tables.length} table${info.tables.length === 1 ? '' : 's'} · pick a table and a role`);
  const problem = h('div', { role: 'alert', class: 'form-error' });
  const busy = (on: boolean) => {
    for (const b of el.querySelectorAll('button')) b.disabled = on;
  };
  const take = (choice: SeatChoice) => {
    busy(true);
    setChildren(problem, h('p', { class: 'muted' }, 'Taking the seat…'));
    void actions.take(choice).then((p) => {
      busy(false);
      setChildren(problem, p ? h('p', null, p) : null);
    });
  };
  const tables = info.tables.map((t) => {
    const free = info.scenario.roles.filter((r) => !t.taken.includes(r.id));
    const where = t.phase === 'briefing' ? 'not started' : t.phase === 'debrief' ? 'finished' : `turn ${t.turn} of ${t.turnsTotal}`;
    const labelId = newId('table');
    return h(
      'section',
      { class: 'card table-card', 'aria-labelledby': labelId },
      h('h3', { id: labelId }, `Table ${t.table}`, h('span', { class: 'badge' }, where)),
      h(
        'ul',
        { class: 'seat-options' },
        info.scenario.roles.map((r) => {
          const taken = t.taken.includes(r.id);
          return h(
            'li',
            null,
            h(
              'button',
              { type: 'button', class: 'btn seat-btn', disabled: taken, 'aria-describedby': `${labelId}`, on: { click: () => take({ table: t.table, role: r.id }) } },
              r.name,
              taken ? h('span', { class: 'small muted' }, ' · taken') : null,
            ),
            h('p', { class: 'small muted' }, r.description),
          );
        }),
      ),
      free.length > 0 ? h('button', { type: 'button', class: 'btn ghost', on: { click: () => take({ table: t.table, role: 'auto' }) } }, 'Deal me a free role here') : h('p', { class: 'small muted' }, 'Every role is taken.'),
    );
  });
  const el = h(
    'section',
    { class: 'screen start seat-picker', 'aria-label': 'Pick a table and a role' },
    head,
    problem,
    h('div', { class: 'table-cards' }, tables),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn', on: { click: () => actions.back() } }, 'Back')),
  );
  return { key: `pick:${info.code}`, el, heading: head };
}
