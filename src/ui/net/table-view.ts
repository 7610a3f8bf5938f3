// A student's screens at a classroom table. They are the hot-seat game's own screens
// (briefing, planning, report, debrief), fed with this browser's mirror of the table and a
// `send` that talks to the server instead of the engine: "Start" and "Next" become
// "ready", a plan is drafted on a scratch copy of the game (the engine checks every lever)
// and "Commit" submits it. Nothing here computes an outcome.
import type { Action } from '../../engine/events-types.ts';
import { GameSession, type SendResult } from '../../engine/session.ts';
import type { ConnectionState, TableConnection } from '../../net/connection.ts';
import { levelLabel } from '../app/describe.ts';
import type { MoneyView } from '../app/format.ts';
import { briefingScreen } from '../dom/briefing.ts';
import { debriefScreen } from '../dom/debrief.ts';
import { h, setChildren } from '../dom/h.ts';
import { planningScreen } from '../dom/planning.ts';
import { reportScreen } from '../dom/report.ts';
import { type GameView, heading, type Screen } from '../dom/screen.ts';

export interface TableViewDeps {
  conn: TableConnection;
  money(): MoneyView;
  exportReplay(): void;
  exportReport(): void;
  leave(): void;
  /** The plan this browser submitted for a turn (the server never echoes plans back). */
  plan(turn: number): Record<string, number> | null;
  submitted(turn: number, levers: Record<string, number>): void;
}

const ok: SendResult = { ok: true };
const refuse = (event: string, message: string): SendResult => ({ ok: false, refusal: { code: 'wrong-phase', event, message } });

/** Which screen the state calls for; the screen is rebuilt only when this changes. */
export function tableScreenKey(s: ConnectionState): string {
  const session = s.mirror?.session;
  if (!session) return 'waiting';
  const role = s.welcome?.role ?? '';
  const done = s.status?.seats.find((x) => x.role === role)?.done ?? false;
  return `${session.phase}:${session.game.turn}:${session.reports.length}:${role}:${done}`;
}

/** A scratch copy of the table's game where this seat drafts its plan (never sent as such). */
function scratchFor(s: ConnectionState): GameSession {
  const m = s.mirror!;
  return GameSession.resume(m.scenario, m.seed, m.session.snapshot());
}

export function tableScreen(deps: TableViewDeps, s: ConnectionState): Screen {
  const session = s.mirror?.live;
  const role = s.welcome?.role ?? null;
  if (!session) {
    const head = heading('Joining the table…');
    return { key: 'waiting', el: h('section', { class: 'screen' }, head), heading: head };
  }
  const scenario = session.scenario;
  const mySeat = s.status?.seats.find((x) => x.role === role);
  const readyOn =
    (type: Action['type']) =>
    (_seat: string, a: Action): SendResult => {
      if (a.type !== type || !role) return refuse(a.type, 'Not now.');
      deps.conn.ready();
      return ok;
    };
  const base: GameView = { session, scenario, money: deps.money(), players: scenario.roles.length, act: () => refuse('none', 'Watching only.') };

  switch (session.phase) {
    case 'briefing': {
      const screen = briefingScreen({ ...base, act: readyOn('START') });
      relabel(screen, role ? (mySeat?.done ? 'Ready — waiting for the others' : 'Ready to start') : null, mySeat?.done);
      return screen;
    }
    case 'planning': {
      if (!role) return waitingScreen(session.game.turn, session.game.turnsTotal, 'Watching this table: the seats are planning.');
      if (mySeat?.done) return submittedScreen(deps, s);
      const scratch = scratchFor(s);
      // After "Change my plan", start from the plan this browser submitted, not from scratch.
      const earlier = deps.plan(session.game.turn);
      if (earlier) {
        // Lowered levers first, so the budget holds between two changes.
        const draft = scratch.game.draft;
        const order = Object.entries(earlier).sort(([a, x], [b, y]) => x - (draft[a] ?? 0) - (y - (draft[b] ?? 0)));
        for (const [lever, level] of order) scratch.act(role, { type: 'SET_LEVER', lever, level });
      }
      const view: GameView = {
        ...base,
        session: scratch,
        act: (seat: string, e: Action) => {
          if (seat !== role) return refuse(e.type, 'You plan for your own role only.');
          if (e.type === 'SET_LEVER') return scratch.act(seat, e);
          if (e.type === 'COMMIT') {
            const levers: Record<string, number> = {};
            for (const l of scenario.levers) if (l.role === role) levers[l.id] = scratch.game.draft[l.id] ?? 0;
            deps.submitted(session.game.turn, levers);
            deps.conn.submit(levers);
            return ok;
          }
          return refuse(e.type, 'Not possible in classroom play.');
        },
      };
      const screen = planningScreen(view, role);
      relabel(screen, 'Submit my plan', false);
      const destroy = screen.destroy;
      return {
        ...screen,
        destroy: () => {
          destroy?.();
          scratch.stop();
        },
      };
    }
    case 'report': {
      const report = session.reports[session.reports.length - 1]!;
      const last = session.game.turn >= session.game.turnsTotal;
      const screen = reportScreen({ ...base, act: readyOn('NEXT') }, report);
      relabel(screen, role ? (mySeat?.done ? 'Ready — waiting for the others' : last ? 'Ready for the debrief' : `Ready for turn ${session.game.turn + 1}`) : null, mySeat?.done);
      return screen;
    }
    case 'debrief': {
      return debriefScreen(base, { exportReplay: deps.exportReplay, leave: { label: 'Leave the table', action: deps.leave }, exportReport: deps.exportReport });
    }
    default: {
      const head = heading(`Turn ${session.game.turn}: resolving…`);
      return { key: session.phase, el: h('section', { class: 'screen' }, head), heading: head };
    }
  }
}

/** The screen's main button becomes the classroom's ("Ready", "Submit"), disabled once done. */
function relabel(screen: Screen, label: string | null, done: boolean | undefined): void {
  const button = screen.el.querySelector<HTMLButtonElement>('.sticky-actions .btn.primary');
  if (!button) return;
  if (label === null) button.remove();
  else {
    button.textContent = label;
    button.disabled = done === true;
  }
}

function waitingScreen(turn: number, total: number, text: string): Screen {
  const head = heading(`Turn ${turn} of ${total}`, text);
  return { key: `watch:${turn}`, el: h('section', { class: 'screen' }, head), heading: head };
}

/** Plan in: what this seat asked for (only this browser knows), and who the table waits for. */
function submittedScreen(deps: TableViewDeps, s: ConnectionState): Screen {
  const session = s.mirror!.session;
  const role = s.welcome!.role!;
  const scenario = session.scenario;
  const head = heading(`Turn ${session.game.turn} of ${session.game.turnsTotal} · plan submitted`, 'The turn resolves when every seat has submitted, or when the facilitator moves it on.');
  const waiting = h('p', { class: 'waiting-for' });
  const update = () => {
    const seats = deps.conn.state.status?.seats ?? [];
    const missing = seats.filter((x) => x.taken && !x.done).map((x) => x.roleName);
    setChildren(waiting, missing.length ? `Waiting for: ${missing.join(', ')}.` : 'Everyone has submitted: resolving…');
  };
  update();
  const mine = scenario.levers.filter((l) => l.role === role);
  const plan = deps.plan(session.game.turn);
  const el = h(
    'section',
    { class: 'screen planning submitted', 'aria-label': 'Plan submitted' },
    head,
    waiting,
    h('p', { class: 'small muted' }, plan ? 'Your plan for this turn (only you and, once the turn resolves, the log see it):' : 'Your levers in force now:'),
    h('ul', { class: 'submitted-plan' }, mine.map((l) => h('li', null, `${l.name}: ${levelLabel(plan?.[l.id] ?? session.game.levers[l.id] ?? 0).toLowerCase()}`))),
    h('div', { class: 'actions sticky-actions' }, h('button', { type: 'button', class: 'btn', on: { click: () => deps.conn.withdraw() } }, 'Change my plan')),
  );
  return { key: `submitted:${session.game.turn}`, el, heading: head, update };
}
