// The canvas pane: the Phaser world view (map, animations, charts), loaded lazily. The
// game never depends on it: if it cannot start, every figure is still in the text panels.
import type { TurnReport } from '../../engine/report.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { MoneyView } from '../app/format.ts';
import { ManualTicker, realTicker, type Ticker } from '../app/ticker.ts';
import type { WorldView } from '../phaser/index.ts';
import { h, setChildren } from './h.ts';

export type WorldMode = 'map' | 'charts';

/** A second run drawn as paired dashed lines (the debrief's counterfactual or original run). */
export type ChartCompare = { label: string; short?: string; reports: TurnReport[] };

type Factory = (parent: HTMLElement, opts?: { reducedMotion?: boolean; clock?: 'real' | 'manual' }) => Promise<WorldView>;

/** Phaser and the atlas are large: they load only when a game starts. */
async function loadFactory(): Promise<Factory> {
  const mod = await import('../phaser/index.ts');
  return mod.createWorldView;
}

interface Desired {
  scenario: Scenario | null;
  money: MoneyView | null;
  charts: { reports: TurnReport[]; money: MoneyView; compare?: ChartCompare } | null;
  mode: WorldMode;
}

export class WorldHost {
  readonly el: HTMLElement;
  private readonly stage: HTMLElement;
  private readonly note: HTMLElement;
  private view: WorldView | null = null;
  private status: 'idle' | 'loading' | 'ready' | 'failed' = 'idle';
  private readonly desired: Desired = { scenario: null, money: null, charts: null, mode: 'map' };
  private destroyed = false;

  /** Repeating UI timers (the viewer's playback): manual with the manual clock. */
  readonly ticker: Ticker;

  /** 'manual' (the page's ?clock=manual): turns and playback hold until advanced, for deterministic tests. */
  constructor(private readonly clock: 'real' | 'manual' = 'real') {
    this.ticker = clock === 'manual' ? new ManualTicker() : realTicker;
    this.stage = h('div', {
      class: 'world-stage',
      role: 'img',
      'aria-label': 'World map and charts. Everything shown here is also written out in the panel beside it.',
    });
    this.note = h('p', { class: 'world-note', role: 'status' }, 'Loading the world map…');
    this.el = h('div', { class: 'world-host' }, this.stage, this.note);
  }

  /** Start loading the world view once; safe to call repeatedly. */
  start(): void {
    if (this.status !== 'idle') return;
    this.status = 'loading';
    const reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
    void (async () => {
      try {
        const factory = await loadFactory();
        const view = await factory(this.stage, { reducedMotion, clock: this.clock });
        if (this.destroyed) {
          view.destroy();
          return;
        }
        this.view = view;
        this.status = 'ready';
        this.note.hidden = true;
        this.apply();
      } catch (err) {
        this.status = 'failed';
        setChildren(
          this.note,
          `The world map could not start (${err instanceof Error ? err.message : String(err)}). `,
          'The game is fully playable: every number is in the panel beside it.',
        );
        this.note.hidden = false;
      }
    })();
  }

  get ready(): boolean {
    return this.status === 'ready';
  }

  private apply(): void {
    const v = this.view;
    if (!v) return;
    const d = this.desired;
    if (d.scenario && d.money) v.showScenario(d.scenario, d.money);
    if (d.charts) v.showCharts(d.charts.reports, d.charts.money, d.charts.compare);
    v.setMode(d.mode);
  }

  showScenario(scenario: Scenario, money: MoneyView): void {
    const changed = this.desired.scenario !== scenario;
    this.desired.scenario = scenario;
    this.desired.money = money;
    if (changed) this.desired.charts = null;
    if (this.view) this.guard(() => this.view!.showScenario(scenario, money));
  }

  showCharts(reports: TurnReport[], money: MoneyView, compare?: ChartCompare): void {
    this.desired.charts = { reports, money, ...(compare ? { compare } : {}) };
    if (this.view) this.guard(() => this.view!.showCharts(reports, money, compare));
  }

  setMode(mode: WorldMode): void {
    this.desired.mode = mode;
    if (this.view) this.guard(() => this.view!.setMode(mode));
  }

  get mode(): WorldMode {
    return this.desired.mode;
  }

  setMoney(money: MoneyView): void {
    this.desired.money = money;
    if (this.desired.charts) this.desired.charts = { ...this.desired.charts, money };
    if (this.view) this.guard(() => this.view!.setMoney(money));
  }

  /** Animate a turn; resolves at once when there is no map to animate. */
  async playTurn(report: TurnReport, money: MoneyView): Promise<void> {
    if (!this.view) return;
    try {
      await this.view.playTurn(report, money);
    } catch {
      // A failed animation must not block the game: the report follows regardless.
    }
  }

  skip(): void {
    if (this.view) this.guard(() => this.view!.skip());
  }

  /** Manual clock: move the turn being played, and the UI timers, forward. */
  advance(ms: number): void {
    if (this.view) this.guard(() => this.view!.advance(ms));
    if (this.ticker instanceof ManualTicker) this.ticker.advance(ms);
  }

  get progress(): { t: number; total: number; playing: boolean } | null {
    return this.view?.progress ?? null;
  }

  destroy(): void {
    this.destroyed = true;
    this.view?.destroy();
    this.view = null;
  }

  private guard(f: () => void): void {
    try {
      f();
    } catch {
      // Drawing problems stay in the canvas; the text panels carry the game.
    }
  }
}
