// The top bar: where we are in the game, the currency switch (with the rate's source),
// the autosave status, the facilitator switch and "New game".
import type { Scenario } from '../../scenario/schema.ts';
import type { Currency } from '../app/format.ts';
import { h, newId, setChildren } from './h.ts';
import { icon } from './icons.ts';
import { figure } from './sources.ts';

export interface HeaderActions {
  setCurrency(c: Currency): void;
  newGame(): void;
  /** The "Facilitator" switch: shows or hides the facilitator panel (see facilitator/panel.ts). */
  setFacilitator?(on: boolean): void;
}

export class Header {
  readonly el: HTMLElement;
  private readonly title = h('h1', { class: 'app-title' });
  private readonly progress = h('p', { class: 'app-progress' });
  private readonly currencyBox = h('div', { class: 'currency' });
  private readonly saveStatus = h('p', { class: 'save-status' });
  private readonly newGameBox = h('div', { class: 'new-game' });
  private readonly facilitatorSwitch = h('input', {
    type: 'checkbox',
    role: 'switch',
    id: 'facilitator-switch',
    'aria-controls': 'facilitator-panel',
    on: { change: () => this.actions.setFacilitator?.(this.facilitatorSwitch.checked) },
  });
  private readonly facilitatorBox = h(
    'label',
    { class: 'fac-toggle', for: 'facilitator-switch', hidden: true },
    this.facilitatorSwitch,
    h('span', null, 'Facilitator'),
  );
  private currencyInputs: Record<Currency, HTMLInputElement> | null = null;

  constructor(private readonly actions: HeaderActions) {
    this.el = h(
      'header',
      { class: 'app-header' },
      h('div', { class: 'brand' }, icon('diamond', 'brand-mark'), h('span', { class: 'brand-name' }, 'Cashout')),
      // The save status sits under the title, so the tools fit one row down to 960 px.
      h('div', { class: 'app-where' }, this.title, h('div', { class: 'app-status' }, this.progress, this.saveStatus)),
      h('div', { class: 'app-tools' }, this.facilitatorBox, this.currencyBox, this.newGameBox),
    );
  }

  /** Outside a game: just the brand. */
  showStart(): void {
    this.title.textContent = '';
    this.title.hidden = true;
    this.progress.textContent = '';
    setChildren(this.currencyBox);
    setChildren(this.newGameBox);
    this.saveStatus.textContent = '';
    this.currencyInputs = null;
    this.facilitatorBox.hidden = true;
  }

  /** The facilitator switch shows during a game; off by default, remembered with the autosave. */
  setFacilitator(on: boolean): void {
    this.facilitatorBox.hidden = false;
    this.facilitatorSwitch.checked = on;
  }

  showGame(scenario: Scenario, currency: Currency, progress: string): void {
    this.title.textContent = scenario.title;
    this.title.hidden = false;
    this.progress.textContent = progress;
    if (!this.currencyInputs || this.currencyBox.dataset.scenario !== scenario.id) this.buildCurrency(scenario, currency);
    if (this.currencyInputs) {
      this.currencyInputs.JPY.checked = currency === 'JPY';
      this.currencyInputs.USD.checked = currency === 'USD';
    }
    if (!this.newGameBox.firstChild) this.resetNewGame();
  }

  setSaveStatus(text: string, problem = false): void {
    this.saveStatus.textContent = text;
    this.saveStatus.classList.toggle('problem', problem);
    this.saveStatus.setAttribute('role', problem ? 'alert' : 'status');
  }

  private buildCurrency(scenario: Scenario, currency: Currency): void {
    const name = newId('currency');
    const make = (c: Currency, label: string) => {
      const id = newId('cur');
      const input = h('input', {
        type: 'radio',
        name,
        id,
        value: c,
        checked: currency === c,
        on: { change: () => this.actions.setCurrency(c) },
      });
      return { input, label: h('label', { for: id, class: 'seg' }, input, h('span', null, label)) };
    };
    const jpy = make('JPY', '¥ JPY');
    const usd = make('USD', '$ USD');
    this.currencyInputs = { JPY: jpy.input, USD: usd.input };
    const rate = scenario.currency.usdJpy;
    setChildren(
      this.currencyBox,
      h('fieldset', { class: 'segmented' }, h('legend', { class: 'sr-only' }, 'Show amounts in'), jpy.label, usd.label),
      h(
        'details',
        { class: 'rate' },
        h('summary', null, `¥${rate.value}/$`, h('span', { class: 'sr-only' }, ' exchange rate and its source')),
        h('div', { class: 'rate-body' }, 'Exchange rate used to convert amounts: ', figure(scenario, rate, `¥${rate.value} per US dollar`, 'the exchange rate')),
      ),
    );
    this.currencyBox.dataset.scenario = scenario.id;
  }

  private resetNewGame(): void {
    setChildren(
      this.newGameBox,
      h('button', { type: 'button', class: 'btn ghost', on: { click: () => this.confirmNewGame() } }, 'New game'),
    );
  }

  private confirmNewGame(): void {
    const keep = h('button', { type: 'button', class: 'btn', on: { click: () => this.resetNewGame() } }, 'Keep playing');
    setChildren(
      this.newGameBox,
      h(
        'div',
        { class: 'confirm', role: 'group', 'aria-label': 'Confirm new game' },
        h('span', { class: 'small' }, 'Abandon this game?'),
        h('button', { type: 'button', class: 'btn danger', on: { click: () => this.actions.newGame() } }, 'Abandon and start over'),
        keep,
      ),
    );
    keep.focus();
  }

  clearNewGame(): void {
    setChildren(this.newGameBox);
  }
}
