// The Phaser world view as the DOM app sees it: a promise-based facade over two scenes.
// Phaser, the scenes and the world atlas are loaded on demand (dynamic import below), so
// the page's first chunk stays small; this file imports only types at the top level.
import type { TurnReport } from '../../engine/report.ts';
import type { Scenario } from '../../scenario/schema.ts';

export interface MoneyFormat {
  currency: 'USD' | 'JPY';
  usdJpy: number;
} // engine money is whole USD
export interface WorldView {
  /** Draw the world map, the scenario's sectors (at sector.location lon/lat, labelled) and laundering channels (channel.location if given, else placed along a flow diagram). */
  showScenario(scenario: Scenario, money: MoneyFormat): void;
  /** Animate one resolved turn: heists as arcs/bursts from Pyongyang (lon 125.75, lat 39.02) to the sectors hit (size ∝ amount, blocked attempts shown differently — not by colour alone: use shape/label/dash), the laundering flow through stages/channels (frozen amounts peeling off), cash reaching the regime, missiles bought and launched. Resolves when finished or skipped. Must also print labels with amounts (formatted with `money`). */
  playTurn(report: TurnReport, money: MoneyFormat): Promise<void>;
  /** Finish the current animation immediately (the final frame is drawn). */
  skip(): void;
  /** With the manual clock: move the turn being played `ms` forward. */
  advance(ms: number): void;
  /** The turn being played: ms since it started, its length, and whether it is still playing. */
  readonly progress: { t: number; total: number; playing: boolean };
  /** Charts over turns: stolen, frozen, cashed out per turn, cumulative launches, budget/cost; optional second series (counterfactual) drawn as paired dashed lines. Shown in a chart area/scene. */
  showCharts(reports: TurnReport[], money: MoneyFormat, compare?: { label: string; short?: string; reports: TurnReport[] }): void;
  /** Switch what the canvas shows. */
  setMode(mode: 'map' | 'charts'): void;
  setMoney(money: MoneyFormat): void;
  readonly rendererName: 'WebGL' | 'Canvas';
  destroy(): void;
}

/**
 * Creates the world view inside `parent`, which must have a definite size (the canvas
 * fills it and follows it). Resolves once both scenes can draw.
 */
export async function createWorldView(parent: HTMLElement, opts?: { reducedMotion?: boolean; clock?: 'real' | 'manual' }): Promise<WorldView> {
  const { StartGame } = await import('./StartGame.ts');
  const h = await StartGame(parent, opts);
  let budget: number | undefined;
  let destroyed = false;
  const setVisible = (key: 'WorldMapScene' | 'ChartsScene', visible: boolean) => {
    h.game.scene.getScene(key)?.sys.setVisible(visible);
  };
  // Every call may change what is drawn: wake the render loop (it sleeps when idle).
  const poke = h.poke;

  return {
    rendererName: h.rendererName,
    showScenario(scenario, money) {
      poke();
      budget = scenario.roles.reduce((a, r) => a + r.budgetPerTurn, 0);
      h.map.showScenario(scenario, money);
    },
    playTurn(report, money) {
      poke();
      if (destroyed) return Promise.resolve();
      return h.map.playTurn(report, money);
    },
    skip() {
      poke();
      h.map.skip();
    },
    advance(ms) {
      poke();
      h.map.advance(ms);
    },
    get progress() {
      return h.map.progress;
    },
    showCharts(reports, money, compare) {
      poke();
      h.charts.showCharts({ reports, money, ...(compare ? { compare } : {}), ...(budget !== undefined ? { budget } : {}) });
    },
    setMode(mode) {
      poke();
      setVisible('WorldMapScene', mode === 'map');
      setVisible('ChartsScene', mode === 'charts');
    },
    setMoney(money) {
      poke();
      h.map.setMoney(money);
      h.charts.setMoney(money);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      h.map.skip(); // resolve a pending playTurn so callers awaiting it are not left hanging
      h.unobserve();
      h.game.destroy(true);
    },
  };
}
