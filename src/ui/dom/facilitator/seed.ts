// The run's seed with a copy button: on the debrief for everyone, during play only in the
// facilitator panel (hot-seat students should not be handed it mid-game).
import { h } from '../h.ts';

export function seedWithCopy(seed: string, label = 'Seed'): HTMLElement {
  const status = h('span', { class: 'copy-status muted small', role: 'status' });
  const value = h('code', { class: 'seed-value' }, seed);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(seed);
      status.textContent = `Seed “${seed}” copied.`;
    } catch {
      const range = document.createRange();
      range.selectNodeContents(value);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      status.textContent = 'The seed is selected: press Ctrl+C (Cmd+C) to copy it.';
    }
  };
  return h(
    'div',
    { class: 'seed-reveal' },
    h('span', { class: 'seed-label' }, `${label}: `),
    value,
    h('button', { type: 'button', class: 'btn small-btn', on: { click: () => void copy() } }, 'Copy seed'),
    status,
  );
}
