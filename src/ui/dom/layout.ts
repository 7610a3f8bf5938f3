// The page frame: header, then either the start screen alone or the game's two panes (the
// world view and the side panel with the current screen), plus the live region.

import { h } from './h.ts';
import type { Header } from './header.ts';
import { focusTarget, type Screen } from './screen.ts';
import type { WorldHost, WorldMode } from './world-host.ts';
import { worldKey } from './world-key.ts';

export class Layout {
  private readonly main: HTMLElement;
  private readonly sidePane: HTMLElement;
  private readonly worldPane: HTMLElement;
  private readonly modeSwitch: HTMLElement;
  private readonly modeInputs: Record<WorldMode, HTMLInputElement>;
  private readonly live: HTMLElement;
  private screen: Screen | null = null;

  constructor(
    root: HTMLElement,
    header: Header,
    private readonly world: WorldHost,
  ) {
    const mode = (m: WorldMode, label: string) => {
      const id = `world-mode-${m}`;
      const input = h('input', { type: 'radio', name: 'world-mode', id, value: m, on: { change: () => world.setMode(m) } });
      return { input, label: h('label', { for: id, class: 'seg' }, input, h('span', null, label)) };
    };
    const map = mode('map', 'Map');
    const charts = mode('charts', 'Charts');
    this.modeInputs = { map: map.input, charts: charts.input };
    this.modeSwitch = h('fieldset', { class: 'segmented world-mode' }, h('legend', { class: 'sr-only' }, 'World view shows'), map.label, charts.label);
    this.worldPane = h(
      'section',
      { class: 'world-pane', 'aria-label': 'World view' },
      h('div', { class: 'world-bar' }, h('span', { class: 'world-title' }, 'World view'), worldKey(), this.modeSwitch),
      world.el,
    );
    this.sidePane = h('div', { class: 'side-pane' });
    this.main = h('main', { class: 'app-main', id: 'main' });
    this.live = h('div', { class: 'sr-only', 'aria-live': 'polite', 'aria-atomic': 'true', id: 'turn-summary-live' });
    root.replaceChildren(header.el, this.main, this.live);
  }

  get current(): Screen | null {
    return this.screen;
  }

  /** The start screen fills the page. */
  showStart(screen: Screen): void {
    this.main.className = 'app-main start-layout';
    this.replace(screen);
    this.main.replaceChildren(screen.el);
    this.main.scrollTop = 0;
    focusTarget(screen.heading).focus({ preventScroll: true });
  }

  /** A game screen goes beside the world view; a screen with the same key keeps its scroll. */
  showGame(screen: Screen, opts: { focus: boolean; charts: boolean }): void {
    if (this.main.className !== 'app-main game-layout') {
      this.main.className = 'app-main game-layout';
      this.main.replaceChildren(this.worldPane, this.sidePane);
    }
    // Phaser sizes its canvas from the parent, so it starts once the pane is in the page.
    this.world.start();
    this.modeSwitch.hidden = !opts.charts;
    const sameKey = this.screen?.key === screen.key;
    const scroll = this.sidePane.scrollTop;
    this.replace(screen);
    this.sidePane.replaceChildren(screen.el);
    this.sidePane.dataset.screen = screen.key.split(':')[0];
    this.sidePane.scrollTop = sameKey ? scroll : 0;
    if (opts.focus && !sameKey) focusTarget(screen.heading).focus({ preventScroll: true });
  }

  /**
   * Keep a CSS custom property on the page root equal to an element's height, so sticky
   * parts below it (the budget bar, the viewer's turn controls) can sit under it.
   */
  trackHeight(el: HTMLElement, property: string): void {
    const root = this.main.parentElement;
    if (!root || typeof ResizeObserver === 'undefined') return;
    const set = () => root.style.setProperty(property, `${el.hidden ? 0 : el.offsetHeight}px`);
    new ResizeObserver(set).observe(el);
    set();
  }

  /**
   * With the facilitator panel open the page may scroll: the game keeps a full window's
   * height under the meters instead of being squeezed below the panel.
   */
  setFacilitatorOpen(open: boolean): void {
    this.main.parentElement?.classList.toggle('fac-open', open);
  }

  /** On a narrow window the map is above the side pane: bring it into view (a turn is about to play on it). */
  revealWorld(): void {
    if (window.matchMedia?.('(max-width: 960px)').matches) this.worldPane.scrollIntoView({ block: 'start' });
  }

  setWorldMode(mode: WorldMode): void {
    this.world.setMode(mode);
    this.modeInputs.map.checked = mode === 'map';
    this.modeInputs.charts.checked = mode === 'charts';
  }

  /** Text for screen readers, announced politely. */
  announce(text: string): void {
    this.live.textContent = text;
  }

  private replace(screen: Screen): void {
    this.screen?.destroy?.();
    this.screen = screen;
  }
}
