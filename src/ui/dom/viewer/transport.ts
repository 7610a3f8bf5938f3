// The viewer's turn controls: first / back / jump / forward / last, play-pause with its
// interval, and the keyboard shortcuts, announced in the UI and on each button.

import { h, newId } from '../h.ts';
import { ICONS, type IconName, icon } from '../icons.ts';

export type Move = 'step' | 'jump';

export interface TransportState {
  turn: number;
  /** "2022-03" for turn 1, … (index 0 = turn 1). */
  labels: string[];
  playing: boolean;
  intervalMs: number;
}

export interface TransportActions {
  go(turn: number, how: Move): void;
  togglePlay(): void;
  setIntervalMs(ms: number): void;
}

export const INTERVALS_MS = [3000, 5000, 8000, 12000] as const;

export interface Transport {
  el: HTMLElement;
  /** The keyboard shortcuts, written out (placed below the sticky controls). */
  keys: HTMLElement;
  update(): void;
  /** Restart the visible countdown to the next turn. */
  restartCountdown(): void;
}

/** « and » are in every font; the arrows are SVG icons (see icons.ts). */
const markOf = (mark: string) => (mark in ICONS ? icon(mark as IconName) : h('span', { 'aria-hidden': 'true' }, mark));

export function transport(state: TransportState, actions: TransportActions): Transport {
  const total = state.labels.length;
  const button = (text: string, mark: string | IconName, keys: string, onClick: () => void, iconAfter = false) =>
    h(
      'button',
      {
        type: 'button',
        class: 'btn transport-btn',
        'aria-keyshortcuts': keys,
        on: {
          click: (ev) => {
            // aria-disabled (not disabled) keeps focus on the button at either end of the run.
            if ((ev.currentTarget as HTMLElement).getAttribute('aria-disabled') === 'true') return;
            onClick();
          },
        },
      },
      iconAfter ? null : markOf(mark),
      text,
      iconAfter ? markOf(mark) : null,
    );
  const first = button('First', '«', 'Home', () => actions.go(1, 'jump'));
  const back = button('Back', 'back', 'ArrowLeft', () => actions.go(state.turn - 1, 'step'));
  const forward = button('Next', 'play', 'ArrowRight', () => actions.go(state.turn + 1, 'step'), true);
  const last = button('Last', '»', 'End', () => actions.go(total, 'jump'), true);

  const jumpId = newId('jump');
  const jump = h(
    'select',
    { id: jumpId, class: 'turn-select', on: { change: () => actions.go(Number(jump.value), 'jump') } },
    state.labels.map((label, i) => h('option', { value: String(i + 1) }, `Turn ${i + 1} · ${label}`)),
  );

  const play = h('button', { type: 'button', class: 'btn primary play-btn', 'aria-keyshortcuts': 'Space', on: { click: () => actions.togglePlay() } });
  const speedId = newId('speed');
  const speed = h(
    'select',
    { id: speedId, on: { change: () => actions.setIntervalMs(Number(speed.value)) } },
    INTERVALS_MS.map((ms) => h('option', { value: String(ms) }, `every ${ms / 1000} s`)),
  );
  const bar = h('span', { class: 'countdown-fill' });
  const countdown = h('span', { class: 'countdown', 'aria-hidden': 'true' }, bar);
  const readout = h('p', { class: 'viewer-turn' });

  const el = h(
    'div',
    { class: 'transport', role: 'group', 'aria-label': 'Turn controls' },
    h('div', { class: 'transport-row play-row' }, readout, play, h('label', { for: speedId, class: 'sr-only' }, 'Advance every'), speed, countdown),
    h('div', { class: 'transport-row' }, first, back, h('label', { class: 'sr-only', for: jumpId }, 'Jump to turn'), jump, forward, last),
  );
  const keysId = newId('keys');
  const keys = h(
    'p',
    { class: 'shortcuts small muted', id: keysId },
    'Keyboard: ',
    h('kbd', null, '←'),
    ' ',
    h('kbd', null, '→'),
    ' step back and forward · ',
    h('kbd', null, 'Home'),
    ' ',
    h('kbd', null, 'End'),
    ' first and last turn · ',
    h('kbd', null, 'Space'),
    ' play or pause · ',
    h('kbd', null, 'Esc'),
    ' finish the map animation',
  );
  el.setAttribute('aria-describedby', keysId);

  const setEnabled = (b: HTMLButtonElement, on: boolean) => b.setAttribute('aria-disabled', on ? 'false' : 'true');

  const update = () => {
    const t = state.turn;
    readout.textContent = `Turn ${t} of ${total} · ${state.labels[t - 1] ?? ''}`;
    jump.value = String(t);
    speed.value = String(state.intervalMs);
    setEnabled(first, t > 1);
    setEnabled(back, t > 1);
    setEnabled(forward, t < total);
    setEnabled(last, t < total);
    const label = state.playing ? 'Pause' : t >= total && total > 1 ? 'Play again' : 'Play';
    play.replaceChildren(icon(state.playing ? 'pause' : 'play'), label);
    countdown.classList.toggle('running', state.playing);
    bar.style.animationDuration = `${state.intervalMs}ms`;
  };

  const restartCountdown = () => {
    countdown.classList.remove('running');
    void countdown.offsetWidth; // restart the CSS animation
    countdown.classList.toggle('running', state.playing);
  };

  update();
  return { el, keys, update, restartCountdown };
}

export type KeyCommand = 'back' | 'next' | 'first' | 'last' | 'play' | 'skip';

/** The shortcut a key press asks for, or null (form controls keep their own keys). */
export function keyCommand(ev: KeyboardEvent): KeyCommand | null {
  const target = ev.target as HTMLElement | null;
  const tag = target?.tagName ?? '';
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || target?.isContentEditable) return null;
  switch (ev.key) {
    case 'ArrowLeft':
      return 'back';
    case 'ArrowRight':
      return 'next';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case ' ':
      // Space activates the focused button, link or disclosure instead.
      return tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A' ? null : 'play';
    case 'Escape':
      return 'skip';
    default:
      return null;
  }
}
