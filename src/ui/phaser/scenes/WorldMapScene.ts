// The map view: world map, sectors, laundering band and side panel, and the animation of
// one resolved turn. The turn is drawn as a function of elapsed time (see timeline.ts), so
// a single number tween drives it; skip, reduced motion and resize redraw at a given t.
// No game rules run here: the scene only shows the figures in the TurnReport.
import * as Phaser from 'phaser';
import { toUsd } from '../../../engine/money.ts';
import type { TurnReport } from '../../../engine/report.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { MoneyFormat } from '../index.ts';
import { Backdrop } from '../map/Backdrop.ts';
import { FlowBand } from '../map/FlowBand.ts';
import { InsetLayer } from '../map/InsetLayer.ts';
import { MapLayer, type TurnData } from '../map/MapLayer.ts';
import { SidePanel } from '../map/SidePanel.ts';
import { isDrawable, mapGeometry } from '../mapGeometry.ts';
import { DURATIONS } from '../theme.ts';
import { turnTimeline } from '../timeline.ts';
import { turnView } from '../turnView.ts';

export class WorldMapScene extends Phaser.Scene {
  /** Resolves once create() has run and the scene can draw. */
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};
  reducedMotion = false;
  /**
   * 'real': a turn plays in real time (a tween). 'manual': it holds until `advance` moves
   * its clock, so tests (and screenshots of a given frame) are deterministic.
   */
  clock: 'real' | 'manual' = 'real';

  private scenario?: Scenario;
  private money: MoneyFormat = { currency: 'USD', usdJpy: 1 };
  private turn?: TurnData;
  private t = 0;
  private tween?: Phaser.Tweens.Tween;
  private finishTurn?: () => void;
  private backdrop?: Backdrop;
  private mapLayer?: MapLayer;
  private inset?: InsetLayer;
  private band?: FlowBand;
  private panel?: SidePanel;

  constructor() {
    super('WorldMapScene');
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  create(): void {
    this.backdrop = new Backdrop(this);
    this.mapLayer = new MapLayer(this);
    this.inset = new InsetLayer(this);
    this.band = new FlowBand(this);
    this.panel = new SidePanel(this);
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
      this.finish();
    });
    this.markReady();
  }

  showScenario(scenario: Scenario, money: MoneyFormat): void {
    this.finish();
    this.scenario = scenario;
    this.money = money;
    this.turn = undefined;
    this.t = 0;
    this.rebuild();
  }

  playTurn(report: TurnReport, money: MoneyFormat): Promise<void> {
    const scenario = this.scenario;
    if (!scenario) return Promise.reject(new Error('WorldView.playTurn: call showScenario(scenario, money) first'));
    this.finish(); // a new turn replaces an animation still running
    this.money = money;
    const timeline = turnTimeline(report.heists.length, scenario.laundering.stages.length);
    this.turn = { report, view: turnView(scenario, report), timeline };
    this.t = this.reducedMotion ? timeline.total : 0;
    this.rebuild();
    if (this.reducedMotion) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.finishTurn = resolve;
      if (this.clock === 'manual') return;
      this.tween = this.tweens.addCounter({
        from: 0,
        to: timeline.total,
        duration: timeline.total,
        ease: 'Linear',
        onUpdate: (tw) => this.drawAt(tw.getValue() ?? timeline.total),
        onComplete: () => this.finish(),
      });
    });
  }

  /** Manual clock: moves the turn being played `ms` forward (to its end at most). */
  advance(ms: number): void {
    if (!this.turn || !this.finishTurn) return;
    const t = Math.min(this.turn.timeline.total, this.t + Math.max(0, ms));
    this.drawAt(t);
    if (t >= this.turn.timeline.total) this.finish();
  }

  /** Where the turn being played is: ms since it started, of how many. */
  get progress(): { t: number; total: number; playing: boolean } {
    return { t: this.t, total: this.turn?.timeline.total ?? 0, playing: this.finishTurn !== undefined };
  }

  /** Jumps the running animation to its final frame and resolves its promise. */
  skip(): void {
    this.finish();
  }

  setMoney(money: MoneyFormat): void {
    this.money = money;
    this.rebuild();
  }

  private finish(): void {
    const tween = this.tween;
    this.tween = undefined;
    if (tween?.isPlaying()) tween.stop();
    if (this.turn) this.drawAt(this.turn.timeline.total);
    const done = this.finishTurn;
    this.finishTurn = undefined;
    done?.();
  }

  private pendingResize?: Phaser.Time.TimerEvent;

  private onResize(): void {
    this.pendingResize?.remove();
    this.pendingResize = this.time.delayedCall(DURATIONS.resizeSettle, () => this.rebuild());
  }

  /** Recreates every object for the current size, money and turn, then draws at the current time. */
  private rebuild(): void {
    const { width, height } = this.scale;
    const scenario = this.scenario;
    this.cameras.main.setSize(width, height);
    if (!scenario || !isDrawable(width, height)) {
      this.backdrop?.destroy();
      this.mapLayer?.destroy();
      this.inset?.destroy();
      this.band?.destroy();
      this.panel?.destroy();
      return;
    }
    const geo = mapGeometry(scenario, width, height);
    // Burst sizes compare across turns: the largest plausible heist gets the largest burst.
    const refUsd = Math.max(1, ...scenario.sectors.map((s) => toUsd(s.heist.max, scenario)));
    this.backdrop?.draw(geo);
    this.mapLayer?.build(geo, this.money, refUsd, this.turn);
    this.inset?.build(geo, scenario, refUsd, this.turn);
    this.band?.build(geo, this.money, this.turn);
    this.panel?.build(geo, scenario, this.money, this.turn);
    this.drawAt(this.t);
  }

  private drawAt(t: number): void {
    this.t = t;
    this.mapLayer?.draw(t);
    this.inset?.draw(t);
    this.band?.draw(t);
    this.panel?.draw(t);
  }
}
