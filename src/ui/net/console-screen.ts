// The facilitator console: the join code for the board, a live card per table (turn, who has
// submitted or is ready, who is connected, running totals) and the facilitator's actions,
// per table or for all tables at once. Every action goes to the table's room, which
// records it in that table's log (game events) or audit file (seats, seed).
import type { TableConnection } from '../../net/connection.ts';
import type { FacilitatorAction, TableStatus } from '../../net/protocol.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { formatCount, formatMoney, type MoneyView } from '../app/format.ts';
import { injectOptions } from '../dom/facilitator/inject-options.ts';
import { h, newId, setChildren } from '../dom/h.ts';
import { heading, type Screen } from '../dom/screen.ts';

export interface ConsoleDeps {
  code: string;
  tables: TableConnection[];
  joinUrls: string[];
  money(): MoneyView;
  openClassView(): void;
  downloadTable(table: number): void;
  leave(): void;
}

const phaseText = (st: TableStatus): string => {
  if (st.phase === 'briefing') return 'Briefing (not started)';
  if (st.phase === 'planning') return `Turn ${st.turn} of ${st.turnsTotal} · planning`;
  if (st.phase === 'report') return `Turn ${st.turn} of ${st.turnsTotal} · report`;
  if (st.phase === 'debrief') return 'Debrief (game over)';
  return st.phase;
};

const forceLabel = (st: TableStatus | null): string =>
  st?.phase === 'briefing' ? 'Start now' : st?.phase === 'planning' ? 'Resolve turn now' : st?.phase === 'report' ? 'Next turn now' : 'Force';

function scenarioOf(tables: TableConnection[]): Scenario | null {
  for (const t of tables) if (t.state.mirror) return t.state.mirror.scenario;
  return null;
}

function injectPicker(scenario: Scenario | null, label: string, go: (event: string) => void): HTMLElement {
  const id = newId('inject');
  const select = h('select', { id }, (scenario ? injectOptions(scenario) : []).map((o) => h('option', { value: o.id }, `${o.title} (${o.usually})`)));
  return h(
    'span',
    { class: 'inject-picker' },
    h('label', { for: id, class: 'sr-only' }, `${label}: event`),
    select,
    h('button', { type: 'button', class: 'btn small-btn', on: { click: () => select.value && go(select.value) } }, label),
  );
}

export function consoleScreen(deps: ConsoleDeps): Screen {
  const head = heading(`Facilitator console · class ${deps.code}`, 'Students open the address below and type the code. Everything you do here is recorded in the table’s log.');
  const all = (action: FacilitatorAction) => {
    for (const t of deps.tables) t.facilitator(action);
  };
  const seedBox = h('p', { class: 'seed-line small' });
  const global = h('div', { class: 'console-global', role: 'group', 'aria-label': 'All tables' });
  const cards = deps.tables.map(() => h('section', { class: 'card console-table' }));
  const confirmEnd = new Set<number>();

  const renderGlobal = () => {
    const scenario = scenarioOf(deps.tables);
    setChildren(
      global,
      h('strong', null, 'All tables: '),
      h('button', { type: 'button', class: 'btn', on: { click: () => all({ action: 'pause' }) } }, 'Pause all'),
      h('button', { type: 'button', class: 'btn', on: { click: () => all({ action: 'resume' }) } }, 'Resume all'),
      h('button', { type: 'button', class: 'btn', on: { click: () => all({ action: 'force' }) } }, 'Move every table on'),
      injectPicker(scenario, 'Inject into all', (event) => all({ action: 'inject', event })),
      h('button', { type: 'button', class: 'btn', on: { click: () => all({ action: 'reveal-seed' }) } }, 'Reveal the seed'),
      h('button', { type: 'button', class: 'btn', on: { click: () => deps.openClassView() } }, 'Open all tables in the class view'),
    );
  };

  // Ending a game cannot be undone: it takes a second click.
  const askEnd = (table: number, i: number) => {
    confirmEnd.add(table);
    renderCard(i);
  };
  const endNow = (table: number) => {
    confirmEnd.delete(table);
    deps.tables[table - 1]?.facilitator({ action: 'end' });
  };

  const renderCard = (i: number) => {
    const conn = deps.tables[i]!;
    const st = conn.state.status;
    const table = i + 1;
    const card = cards[i]!;
    if (!st) {
      setChildren(card, h('h3', null, `Table ${table}`), h('p', { class: 'muted' }, conn.state.problem ?? 'Connecting…'));
      return;
    }
    const money = deps.money();
    const act = (action: FacilitatorAction) => conn.facilitator(action);
    const t = st.totals;
    setChildren(
      card,
      h('h3', null, `Table ${table}`, ' ', h('span', { class: 'badge' }, phaseText(st)), st.paused ? h('span', { class: 'badge warn' }, 'Paused') : null),
      conn.state.link !== 'online' ? h('p', { class: 'callout warn small', role: 'status' }, conn.state.problem ?? conn.state.link) : null,
      h(
        'table',
        { class: 'data seats-table' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Role'), h('th', { scope: 'col' }, 'Student'), h('th', { scope: 'col' }, 'Connected'), h('th', { scope: 'col' }, st.phase === 'planning' ? 'Submitted' : 'Ready'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Actions')))),
        h(
          'tbody',
          null,
          st.seats.map((seat) =>
            h(
              'tr',
              { dataset: { role: seat.role } },
              h('th', { scope: 'row' }, seat.roleName),
              h('td', null, seat.taken ? seat.name || '(no name)' : h('span', { class: 'muted' }, 'free')),
              h('td', null, seat.taken ? (seat.connected ? '● yes' : '○ no') : '—'),
              h('td', { class: 'seat-done' }, seat.done ? '✓ yes' : seat.taken ? '… not yet' : '—'),
              h('td', null, seat.taken ? h('button', { type: 'button', class: 'btn small-btn', on: { click: () => act({ action: 'free-seat', role: seat.role }) } }, 'Free seat') : null),
            ),
          ),
        ),
      ),
      t
        ? h(
            'p',
            { class: 'totals small' },
            `Stolen ${formatMoney(t.stolenUsd, money)} · cashed out ${formatMoney(t.cashedOutUsd, money)} · frozen ${formatMoney(t.frozenUsd, money)} · launches ${formatCount(t.launches)}`,
          )
        : null,
      st.phase === 'debrief'
        ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn', on: { click: () => deps.downloadTable(table) } }, 'Download log (replay)'))
        : h(
            'div',
            { class: 'actions console-actions' },
            st.paused
              ? h('button', { type: 'button', class: 'btn', on: { click: () => act({ action: 'resume' }) } }, 'Resume')
              : h('button', { type: 'button', class: 'btn', on: { click: () => act({ action: 'pause' }) } }, 'Pause'),
            h('button', { type: 'button', class: 'btn primary', disabled: st.paused, on: { click: () => act({ action: 'force' }) } }, forceLabel(st)),
            h('button', { type: 'button', class: 'btn', on: { click: () => act({ action: 'extend', turns: 1 }) } }, 'Extend by 1 turn'),
            st.phase === 'planning' || st.phase === 'report' ? injectPicker(conn.state.mirror?.scenario ?? null, 'Inject', (event) => act({ action: 'inject', event })) : null,
            confirmEnd.has(table)
              ? h('button', { type: 'button', class: 'btn danger', on: { click: () => endNow(table) } }, 'Confirm: end this game')
              : h('button', { type: 'button', class: 'btn', on: { click: () => askEnd(table, i) } }, 'End game…'),
            h('button', { type: 'button', class: 'btn', on: { click: () => deps.downloadTable(table) } }, 'Download log'),
          ),
      conn.state.notice && conn.state.notice.level !== 'info' ? h('p', { class: 'small muted', role: 'status' }, conn.state.notice.message) : null,
    );
  };

  const update = () => {
    for (let i = 0; i < deps.tables.length; i++) renderCard(i);
    const seed = deps.tables.map((t) => t.state.revealedSeed).find((x) => x);
    seedBox.textContent = seed ? `Seed (revealed to students): ${seed}` : `Seed: ${deps.tables[0]?.state.welcome?.seed ?? '…'} (hidden from students until you reveal it)`;
  };

  const el = h(
    'section',
    { class: 'screen start classroom-console', 'aria-label': `Facilitator console, class ${deps.code}` },
    head,
    h(
      'div',
      { class: 'callout join-banner' },
      h('p', null, 'Students open ', deps.joinUrls.map((u, i) => [i ? ' or ' : '', h('code', null, u)]), ' and type the code'),
      h('p', { class: 'join-code', 'aria-label': `Join code ${deps.code.split('').join(' ')}` }, deps.code),
      seedBox,
    ),
    global,
    h('div', { class: 'console-tables' }, cards),
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'btn', on: { click: () => deps.leave() } }, 'Close the console (the session goes on)')),
  );
  renderGlobal();
  update();
  return {
    key: `console:${deps.code}`,
    el,
    heading: head,
    update: () => {
      if (!global.querySelector('option')) renderGlobal();
      update();
    },
  };
}
