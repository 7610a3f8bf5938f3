// The global error boundary: any uncaught error becomes a friendly message in the page,
// never a blank screen. The game autosaves after every decision, so reloading is safe.
import { h, setChildren } from './h.ts';

/** Browser noise that is not an error of the game. */
const BENIGN = [/ResizeObserver loop/i];

export class ErrorBoundary {
  readonly el: HTMLElement;

  constructor(host: HTMLElement) {
    this.el = h('div', { class: 'error-boundary', hidden: true });
    host.appendChild(this.el);
  }

  install(): void {
    window.addEventListener('error', (ev) => {
      const err = ev.error ?? ev.message;
      if (BENIGN.some((re) => re.test(String(ev.message ?? '')))) return;
      this.show(err);
    });
    window.addEventListener('unhandledrejection', (ev) => this.show(ev.reason));
  }

  /** Show what went wrong; the page underneath stays usable. */
  show(err: unknown, what = 'Something went wrong'): void {
    const detail = err instanceof Error ? err.message : String(err);
    setChildren(
      this.el,
      h(
        'div',
        { class: 'error-card', role: 'alert' },
        h('h2', null, what),
        h('p', null, 'The game hit an unexpected problem. Your game is saved after every decision, so reloading the page continues where you were.'),
        h('details', null, h('summary', null, 'Technical details'), h('pre', null, detail)),
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: 'btn primary', on: { click: () => window.location.reload() } }, 'Reload the page'),
          h('button', { type: 'button', class: 'btn', on: { click: () => this.hide() } }, 'Dismiss'),
        ),
      ),
    );
    this.el.hidden = false;
    this.el.querySelector<HTMLButtonElement>('.btn.primary')?.focus();
  }

  hide(): void {
    this.el.hidden = true;
    setChildren(this.el);
  }
}
