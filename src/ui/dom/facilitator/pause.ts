// While the facilitator has paused the game: a banner everyone sees, and the current
// screen's controls disabled (the engine refuses player actions anyway; this says so first).
import { h } from '../h.ts';

const HELD = 'heldByPause';

export function pauseBanner(): HTMLElement {
  return h(
    'div',
    { class: 'pause-banner', hidden: true },
    h('span', { class: 'pause-icon', 'aria-hidden': 'true' }),
    h('p', null, h('strong', null, 'Paused by the facilitator.'), ' Player actions are disabled until the facilitator resumes the game.'),
  );
}

/** Disable (or give back) every control of a screen; controls disabled for other reasons stay so. */
export function holdControls(root: HTMLElement | null | undefined, paused: boolean): void {
  if (!root) return;
  for (const el of Array.from(root.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('button, input, select, textarea'))) {
    if (paused && !el.disabled) {
      el.disabled = true;
      el.dataset[HELD] = '';
    } else if (!paused && el.dataset[HELD] !== undefined) {
      el.disabled = false;
      delete el.dataset[HELD];
    }
  }
}
