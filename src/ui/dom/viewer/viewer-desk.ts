// The replay viewer at work: which recorded turn is shown, playback, the counterfactual and
// the world view. Every figure is a checkpoint the engine recorded, so stepping is a
// lookup, never a re-run, and cannot drift from the original run.
import type { GameSession } from '../../../engine/session.ts';
import { branchAt, type Timeline } from '../../../engine/timeline.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Currency, MoneyView } from '../../app/format.ts';
import { turnSummary } from '../../app/summary-text.ts';
import type { Layout } from '../layout.ts';
import type { WorldHost } from '../world-host.ts';
import { Comparisons, type Counterfactual } from './counterfactual.ts';
import { exportReport } from './export.ts';
import { type FindScenario, type LoadedRun, loadRun, readFiles } from './load.ts';
import { type ShareSource, shareSection } from './share.ts';
import { keyCommand, type Move } from './transport.ts';
import { type ViewerModel, type ViewerScreen, viewerScreen } from './viewer-screen.ts';

export interface OpenOptions {
  /** Where "close" goes: back to the class view, or out of the desk. */
  back: 'class' | 'leave';
  closeLabel: string;
  currency?: Currency;
  /** A run to offer (and preselect) as the comparison, e.g. the original of a branch. */
  preset?: Counterfactual;
}

export interface BranchRequest {
  session: GameSession;
  /** The file (or "this game") the branch was taken from. */
  from: string;
  turn: number;
  original: Timeline;
}

export interface ViewerContext {
  layout: Layout;
  world: WorldHost;
  findScenario: FindScenario;
  money(s: Scenario): MoneyView;
  currency(): Currency;
  /** The turn shown changed: refresh the header's progress line. */
  changed(): void;
  close(): void;
  branch(b: BranchRequest): void;
  /** Replace this run by another (opened from the viewer). */
  openRun(run: LoadedRun, opts: OpenOptions): void;
  /** Where the run's scenario can be found by someone opening a share link. */
  shareSource: ShareSource;
}

export const DEFAULT_INTERVAL_MS = 8000;
/** Let "checking…" paint before the engine runs. */
export const settle = () => new Promise((r) => setTimeout(r, 30));

export class ViewerDesk {
  readonly model: ViewerModel;
  readonly screen: ViewerScreen;
  private readonly comparisons = new Comparisons();
  private stopTimer: (() => void) | null = null;
  private readyPoll: number | null = null;
  private live = false;
  /** The canvas redraw waiting for the next frame, and how (steps in between make it a jump). */
  private worldFrame: number | null = null;
  private pendingWorld: Move | null = null;

  constructor(
    private readonly ctx: ViewerContext,
    run: LoadedRun,
    readonly opts: OpenOptions,
    intervalMs = DEFAULT_INTERVAL_MS,
  ) {
    const t = run.timeline;
    this.model = {
      run,
      turn: 1,
      labels: t.checkpoints.map((c) => c.report.label),
      playing: false,
      intervalMs,
      choice: opts.preset ? 'original' : '',
      cf: opts.preset ?? null,
      preset: opts.preset ?? null,
      problem: null,
      openProblem: null,
      busy: null,
    };
    this.screen = viewerScreen(
      this.model,
      {
        go: (turn, how) => this.go(turn, how),
        togglePlay: () => this.togglePlay(),
        setIntervalMs: (ms) => this.setIntervalMs(ms),
        choose: (choice) => this.choose(choice),
        compareWithFiles: (files) => void this.compareWithFiles(files),
        openAnother: (files) => void this.openAnother(files),
        branch: () => this.branch(),
        exportReport: () => this.exportReport(),
        close: () => ctx.close(),
      },
      { money: () => this.money, closeLabel: opts.closeLabel, share: shareSection(run, ctx.shareSource) },
    );
  }

  get scenario(): Scenario {
    return this.model.run.timeline.scenario;
  }

  private get money(): MoneyView {
    return this.ctx.money(this.scenario);
  }

  private get total(): number {
    return this.model.labels.length;
  }

  get progress(): string {
    return `Replay viewer · turn ${this.model.turn} of ${this.total} · ${this.model.labels[this.model.turn - 1]}`;
  }

  /** Put the viewer on the page at its current turn, the map showing it. */
  show(): void {
    const { layout, world } = this.ctx;
    this.live = true;
    layout.showGame(this.screen, { focus: true, charts: true });
    world.showScenario(this.scenario, this.money);
    layout.setWorldMode('map');
    this.showWorld('jump');
    this.announceTurn(`Replay viewer: ${this.model.run.name}, ${this.total} turns. `);
    this.whenWorldReady();
  }

  /** Re-mount after the app re-rendered (same key: the scroll position stays). */
  remount(): void {
    this.ctx.layout.showGame(this.screen, { focus: false, charts: true });
  }

  /** Stop timers: the viewer is leaving the page. */
  stop(): void {
    this.live = false;
    this.stopPlay();
    if (this.readyPoll !== null) window.clearInterval(this.readyPoll);
    this.readyPoll = null;
    if (this.worldFrame !== null) cancelAnimationFrame(this.worldFrame);
    this.worldFrame = null;
  }

  /** The currency changed: redraw the amounts. */
  update(): void {
    this.ctx.world.setMoney(this.money);
    this.screen.update?.();
    this.showCharts();
  }

  // --- stepping ---

  private go(turn: number, how: Move, auto = false): void {
    if (!auto) this.stopPlay();
    const next = Math.min(this.total, Math.max(1, Math.round(turn)));
    if (next === this.model.turn) {
      this.screen.showTurn();
      return;
    }
    this.model.turn = next;
    this.screen.showTurn();
    this.scheduleWorld(how);
    this.ctx.changed();
    const end = auto && next >= this.total;
    if (end) this.stopPlay();
    this.announceTurn('', end ? ' Playback stopped at the last turn.' : '');
  }

  /**
   * Redrawing the canvas (map and charts) costs tens of milliseconds, while the report and
   * readout update in about one: the step shows its text at once and the canvas follows on
   * the next frame. Several steps before that frame (a held arrow key) draw only the last
   * turn, as a jump, instead of queueing one animation per turn.
   */
  private scheduleWorld(how: Move): void {
    this.pendingWorld = this.pendingWorld === null ? how : 'jump';
    if (this.worldFrame !== null) return;
    this.worldFrame = requestAnimationFrame(() => {
      this.worldFrame = null;
      const pending = this.pendingWorld ?? 'jump';
      this.pendingWorld = null;
      if (this.live) this.showWorld(pending);
    });
  }

  /** The map for the turn shown (animated when stepping, the final frame when jumping) and the charts up to it. */
  private showWorld(how: Move): void {
    const { world } = this.ctx;
    const c = this.model.run.timeline.checkpoints[this.model.turn - 1]!;
    void world.playTurn(c.report, this.money);
    if (how === 'jump') world.skip();
    this.showCharts();
  }

  private showCharts(): void {
    const n = this.model.turn;
    const reports = this.model.run.timeline.checkpoints.slice(0, n).map((c) => c.report);
    const cf = this.model.cf;
    const compare = cf ? { label: cf.label, reports: cf.timeline.checkpoints.slice(0, n).map((c) => c.report) } : undefined;
    this.ctx.world.showCharts(reports, this.money, compare);
  }

  /** The map loads lazily: once it is up, draw the turn being shown. */
  private whenWorldReady(): void {
    if (this.ctx.world.ready) return;
    const started = Date.now();
    this.readyPoll = window.setInterval(() => {
      const done = !this.live || this.ctx.world.ready || Date.now() - started > 60_000;
      if (!done) return;
      window.clearInterval(this.readyPoll!);
      this.readyPoll = null;
      if (this.live && this.ctx.world.ready) this.showWorld('jump');
    }, 200);
  }

  private announceTurn(before = '', after = ''): void {
    const t = this.model.run.timeline;
    const c = t.checkpoints[this.model.turn - 1]!;
    const summary = turnSummary(t.scenario, c.report, this.money).replace(/^Turn \d+ \([^)]*\) resolved\. /, '');
    this.ctx.layout.announce(`${before}Showing turn ${c.turn} of ${this.total} (${c.report.label}). ${summary}${after}`);
  }

  // --- playback ---

  private togglePlay(): void {
    if (this.model.playing) {
      this.stopPlay();
      this.ctx.layout.announce(`Paused at turn ${this.model.turn}.`);
      return;
    }
    if (this.model.turn >= this.total) this.go(1, 'jump', true);
    this.model.playing = true;
    this.startTimer();
    this.screen.showTurn();
    this.screen.restartCountdown();
    this.ctx.layout.announce(`Playing: one turn every ${this.model.intervalMs / 1000} seconds. Space pauses.`);
  }

  private startTimer(): void {
    this.stopTimer?.();
    // A UI timer only picks which recorded turn to show; it never drives the rules.
    this.stopTimer = this.ctx.world.ticker.every(this.model.intervalMs, () => {
      this.go(this.model.turn + 1, 'step', true);
      this.screen.restartCountdown();
    });
  }

  private stopPlay(): void {
    this.stopTimer?.();
    this.stopTimer = null;
    if (this.model.playing) {
      this.model.playing = false;
      this.screen.showTurn();
    }
  }

  private setIntervalMs(ms: number): void {
    this.model.intervalMs = ms;
    if (this.model.playing) {
      this.startTimer();
      this.screen.restartCountdown();
    }
    this.screen.showTurn();
  }

  // --- counterfactual ---

  private choose(choice: string): void {
    this.comparisons.choose(this.model, choice);
    this.afterCompare();
  }

  private async compareWithFiles(files: File[]): Promise<void> {
    const file = files[0];
    if (!file) return;
    await this.comparisons.withFile(this.model, file, this.ctx.findScenario);
    if (this.live) this.afterCompare();
  }

  private afterCompare(): void {
    this.screen.showCompare();
    this.showCharts();
    const cf = this.model.cf;
    if (cf && !this.model.problem) this.ctx.layout.announce(`Compared with ${cf.label}: the charts show it dashed and the table of differences is below.`);
  }

  // --- other actions ---

  private async openAnother(files: File[]): Promise<void> {
    const file = files[0];
    if (!file) return;
    this.model.openProblem = null;
    this.model.busy = `Checking ${file.name}…`;
    this.screen.showStatus();
    await settle();
    const { texts, refused } = await readFiles([file]);
    const r = texts[0] ? loadRun(texts[0], this.ctx.findScenario) : null;
    if (!this.live) return;
    this.model.busy = null;
    if (r?.ok) {
      this.ctx.openRun(r.run, { back: this.opts.back, closeLabel: this.opts.closeLabel, currency: this.ctx.currency() });
      return;
    }
    // Refused: nothing of the file is shown, the run on screen stays as it was.
    this.model.openProblem = r ? r.refusal : (refused[0] ?? null);
    this.screen.showStatus();
  }

  private branch(): void {
    const { run, turn } = this.model;
    const r = branchAt(run.replay, turn, run.timeline.scenario);
    if (!r.ok) {
      this.model.openProblem = { name: run.name, lines: [`Cannot branch at turn ${turn}: ${r.message}`] };
      this.screen.showStatus();
      return;
    }
    this.ctx.branch({ session: r.session, from: run.name, turn, original: run.timeline });
  }

  private exportReport(): void {
    const name = exportReport({ timeline: this.model.run.timeline, counterfactual: this.model.cf, currency: this.ctx.currency(), subtitle: this.model.run.name });
    this.ctx.layout.announce(`Report saved as ${name}.`);
  }

  /** The viewer's keyboard shortcuts; true when the key was used. */
  onKey(ev: KeyboardEvent): boolean {
    const command = keyCommand(ev);
    const turn = this.model.turn;
    if (command === 'back') this.go(turn - 1, 'step');
    else if (command === 'next') this.go(turn + 1, 'step');
    else if (command === 'first') this.go(1, 'jump');
    else if (command === 'last') this.go(this.total, 'jump');
    else if (command === 'play') this.togglePlay();
    else if (command === 'skip') this.ctx.world.skip();
    return command !== null;
  }
}
