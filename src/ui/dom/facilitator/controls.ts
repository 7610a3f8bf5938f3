// The facilitator's controls, one function each. Each sends an ordinary engine event through
// the app, so an accepted action is logged, autosaved and replayed like any decision.
import type { Action } from '../../../engine/events-types.ts';
import { MAX_TOTAL_TURNS } from '../../../engine/rules.ts';
import type { GameSession } from '../../../engine/session.ts';
import { h, newId, setChildren } from '../h.ts';
import { excerpt, injectOptions, KIND_LABEL } from './inject-options.ts';
import { seedWithCopy } from './seed.ts';

export interface ControlContext {
  session: GameSession;
  /** Send a facilitator action; a refusal is shown in the engine's words. True when accepted. */
  send(action: Action): boolean;
  /** Confirm what happened, on screen and to screen readers. */
  say(text: string): void;
  /** Show why an input is not acceptable. */
  fail(text: string): void;
}

export interface Control {
  el: HTMLElement;
  /** Extra lines under the row (descriptions, what is queued). */
  foot?: HTMLElement[];
  refresh(): void;
  /** Called when the panel is hidden. */
  close?(): void;
}

const live = (s: GameSession) => s.phase === 'planning' || s.phase === 'report';
/** The turn whose resolution comes next (the current one while planning). */
export const nextResolution = (s: GameSession) => (s.phase === 'planning' ? s.game.turn : s.game.turn + 1);

function group(label: string, ...children: (Node | Node[] | null)[]): HTMLElement {
  return h('div', { class: 'fac-group', role: 'group', 'aria-label': label }, h('span', { class: 'fac-label', 'aria-hidden': 'true' }, label), h('div', { class: 'fac-controls' }, children));
}

export function pauseControl(ctx: ControlContext): Control {
  const { session } = ctx;
  const button = h('button', {
    type: 'button',
    class: 'btn',
    on: {
      click: () => {
        const wasPaused = session.game.paused;
        if (!ctx.send({ type: wasPaused ? 'RESUME' : 'PAUSE' })) return;
        ctx.say(wasPaused ? 'Game resumed: players can act again.' : 'Game paused by the facilitator: player actions are disabled until you resume.');
      },
    },
  });
  return {
    el: group('Pause', button),
    refresh() {
      // One button that changes its label keeps the keyboard focus for the next press.
      button.textContent = session.game.paused ? 'Resume the game' : 'Pause the game';
      button.classList.toggle('primary', session.game.paused);
    },
  };
}

export function injectControl(ctx: ControlContext): Control {
  const { session } = ctx;
  const options = injectOptions(session.scenario);
  const id = newId('fac-inject');
  const label = h('label', { class: 'fac-label', for: id }, 'Inject an event now');
  if (!options.length)
    return { el: h('div', { class: 'fac-group' }, label, h('p', { class: 'muted small' }, 'This scenario has no events.')), refresh() {} };
  const select = h(
    'select',
    { id, class: 'fac-select', 'aria-describedby': `${id}-about` },
    (['scripted', 'random', 'conditional'] as const).map((kind) => {
      const of = options.filter((o) => o.kind === kind);
      return of.length ? h('optgroup', { label: KIND_LABEL[kind] }, of.map((o) => h('option', { value: o.id }, `${o.title} — ${excerpt(o.text, 60)}`))) : null;
    }),
  );
  const about = h('p', { class: 'fac-about', id: `${id}-about` });
  const note = h('p', { class: 'fac-note' });
  const describe = () => {
    const o = options.find((x) => x.id === select.value);
    about.textContent = o ? `${o.title} (${o.kind}; ${o.usually}): ${excerpt(o.text, 180)}` : '';
  };
  select.addEventListener('change', describe);
  const button = h('button', {
    type: 'button',
    class: 'btn',
    on: {
      click: () => {
        const o = options.find((x) => x.id === select.value);
        if (!o) return;
        const turn = nextResolution(session);
        if (ctx.send({ type: 'INJECT', event: o.id })) ctx.say(`Queued “${o.title}”: it happens at the next resolution, when turn ${turn} resolves.`);
      },
    },
  }, 'Inject');
  describe();
  return {
    el: h('div', { class: 'fac-group fac-inject' }, label, h('div', { class: 'fac-controls' }, select, button)),
    foot: [about, note],
    refresh() {
      const g = session.game;
      about.hidden = !live(session);
      // After the last turn's resolution there is no next one until the game is extended.
      const noTurnLeft = session.phase === 'report' && g.turn >= g.turnsTotal;
      button.disabled = noTurnLeft;
      const queued = g.injects.map((eid) => options.find((o) => o.id === eid)?.title ?? eid);
      note.textContent = !live(session)
        ? ''
        : noTurnLeft
        ? 'This was the last turn: extend the game to inject an event.'
        : queued.length
          ? `Queued for turn ${nextResolution(session)}: ${queued.join(', ')}.`
          : '';
    },
  };
}

export function extendControl(ctx: ControlContext): Control {
  const { session } = ctx;
  const id = newId('fac-extend');
  const input = h('input', { type: 'number', id, class: 'fac-number', min: 1, step: 1, value: '2', inputmode: 'numeric', 'aria-describedby': `${id}-hint` });
  const hint = h('span', { class: 'sr-only', id: `${id}-hint` });
  const extend = () => {
    const raw = input.value.trim();
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < 1) {
      ctx.fail('enter a whole number of turns, 1 or more.');
      input.focus();
      return;
    }
    // Past the engine's limit the engine refuses, and says so.
    if (ctx.send({ type: 'EXTEND', turns: n })) ctx.say(`Game extended by ${n} turn${n === 1 ? '' : 's'}: it now lasts ${session.game.turnsTotal} turns.`);
  };
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      extend();
    }
  });
  return {
    el: h(
      'div',
      { class: 'fac-group' },
      h('label', { class: 'fac-label', for: id }, 'Extend the game by'),
      h('div', { class: 'fac-controls' }, input, h('span', { class: 'small', 'aria-hidden': 'true' }, 'turns'), hint, h('button', { type: 'button', class: 'btn', on: { click: extend } }, 'Extend')),
    ),
    refresh() {
      const room = MAX_TOTAL_TURNS - session.game.turnsTotal;
      input.max = String(Math.max(1, room));
      hint.textContent = `turns; up to ${room} more (${MAX_TOTAL_TURNS} in all).`;
    },
  };
}

export function endControl(ctx: ControlContext): Control {
  const { session } = ctx;
  const box = h('div', { class: 'fac-end' });
  const reset = () => setChildren(box, h('button', { type: 'button', class: 'btn danger', on: { click: confirm } }, 'End the game now…'));
  function confirm(): void {
    const left = session.game.turnsTotal - session.reports.length;
    const keep = h('button', {
      type: 'button',
      class: 'btn',
      on: {
        click: () => {
          reset();
          box.querySelector('button')?.focus();
        },
      },
    }, 'Keep playing');
    const end = h('button', {
      type: 'button',
      class: 'btn danger',
      on: {
        click: () => {
          reset();
          ctx.send({ type: 'END_GAME' });
        },
      },
    }, 'End the game');
    setChildren(
      box,
      h('div', { class: 'confirm', role: 'group', 'aria-label': 'Confirm ending the game' }, h('span', { class: 'small' }, `End for everyone? ${left} turn${left === 1 ? ' is' : 's are'} not played.`), end, keep),
    );
    keep.focus();
  }
  reset();
  return { el: group('End', box), refresh() {}, close: reset };
}

export function seedControl(ctx: ControlContext): Control {
  const value = h('div', { class: 'fac-seed-value' });
  const show = (on: boolean) => {
    button.setAttribute('aria-expanded', String(on));
    button.textContent = on ? 'Hide the seed' : 'Reveal the seed';
    setChildren(value, on ? seedWithCopy(ctx.session.seed) : null);
  };
  const button = h('button', {
    type: 'button',
    class: 'btn ghost',
    'aria-expanded': 'false',
    on: { click: () => show(button.getAttribute('aria-expanded') !== 'true') },
  }, 'Reveal the seed');
  // Hidden again whenever the panel is closed, so students do not come upon it later.
  return { el: group('Seed', button, value), refresh() {}, close: () => show(false) };
}
