// The browser app: owns the one GameSession, decides which screen shows for the engine's
// phase, sends player events, autosaves after every accepted decision and drives the
// world view. It renders engine snapshots; it never computes an outcome.
import { tableSeat } from '../../engine/autoplay.ts';
import { type Action, FACILITATOR_SEAT } from '../../engine/events-types.ts';
import { buildReplay } from '../../engine/replay.ts';
import { activeRole } from '../../engine/rules.ts';
import { type SendResult, sendProblem } from '../../engine/run.ts';
import { GameSession } from '../../engine/session.ts';
import { zeroTotals } from '../../engine/state.ts';
import { summarize } from '../../engine/summary.ts';
import { runLinkFromQuery } from '../../io/share-link.ts';
import { formatDiagnostic } from '../../scenario/diagnostics.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { shipped } from '../app/catalogue.ts';
import type { Currency, MoneyView } from '../app/format.ts';
import { clampPlayers, needsHandover } from '../app/hotseat.ts';
import { linkResolver, shareSourceOf } from '../app/link-scenario.ts';
import { progressText } from '../app/progress.ts';
import { clearSave, loadSave, type SaveStorage, type UiSettings, writeSave } from '../app/save.ts';
import { randomSeed } from '../app/seed.ts';
import { turnSummary } from '../app/summary-text.ts';
import { scenarioUrlFromQuery } from '../app/url-scenario.ts';
import type { ErrorBoundary } from './boundary.ts';
import { briefingScreen } from './briefing.ts';
import { debriefScreen } from './debrief.ts';
import { defaultCounterfactuals, type StudentCounterfactual } from './debrief-compare.ts';
import { downloadText, replayFileName } from './download.ts';
import { FacilitatorPanel } from './facilitator/panel.ts';
import { urlFieldState } from './facilitator/scenario-url.ts';
import { handoverScreen } from './handover.ts';
import { Header } from './header.ts';
import { Layout } from './layout.ts';
import { ObjectiveMeters } from './meters.ts';
import { planningScreen } from './planning.ts';
import { reportScreen } from './report.ts';
import { resolvingScreen } from './resolving.ts';
import type { GameView, Screen } from './screen.ts';
import { type StartState, startScreen } from './start.ts';
import { type BranchInfo, branchBanner, branchCharts, branchComparison, exportGameReport, gameRun, originalCounterfactual } from './viewer/branch.ts';
import { type BranchStart, Desk } from './viewer/desk.ts';
import { type ChartCompare, WorldHost, type WorldMode } from './world-host.ts';

/**
 * With ?clock=manual a turn's animation holds until `window.cashoutClock.advance(ms)` moves
 * it (browser tests drive it deterministically; nothing plays in real time).
 */
function exposeManualClock(world: WorldHost): void {
  Object.defineProperty(window, 'cashoutClock', {
    value: Object.freeze({
      advance: (ms: number) => world.advance(ms),
      get progress() {
        return world.progress;
      },
    }),
  });
}

export class App {
  private session: GameSession | null = null;
  private ui: UiSettings = { players: 1, currency: 'JPY' };
  /** Hand-overs acknowledged this page load, as "turn:role". */
  private readonly handedOver = new Set<string>();
  /** The turn whose animation is playing, if any. */
  private animating: number | null = null;
  private announcedKey = '';
  private readonly startState: StartState;

  private readonly header: Header;
  private readonly layout: Layout;
  private readonly world: WorldHost;
  private readonly facilitator: FacilitatorPanel;
  /** The objectives against their limits, always in view during a game. */
  private readonly meters = new ObjectiveMeters();
  /** The debrief tools (replay viewer, class view); while active they own the page. */
  private readonly desk: Desk;
  /** The debrief's counterfactuals (same seed, other policies), computed once per finished game. */
  private counterfactuals: { session: GameSession; runs: StudentCounterfactual[]; problems: string[] } | null = null;
  /** Set while playing a game branched from a replay ("branch here"). */
  private branch: BranchInfo | null = null;
  /** `?scenario=…` in the page's address: an instructor's link to a scenario on this site. */
  private readonly linkedScenario = scenarioUrlFromQuery(location.search);

  constructor(
    root: HTMLElement,
    private readonly boundary: ErrorBoundary,
    private readonly storage: SaveStorage,
    opts: { clock?: 'real' | 'manual' } = {},
  ) {
    this.world = new WorldHost(opts.clock);
    if (opts.clock === 'manual') exposeManualClock(this.world);
    this.startState = {
      entries: [...shipped.entries],
      broken: shipped.broken.map((b) => ({ file: b.file, lines: b.errors.map(formatDiagnostic) })),
      selected: shipped.entries[0]?.file ?? null,
      seed: randomSeed(),
      players: 1,
      fileProblem: null,
      saveProblem: null,
      scenarioUrl: urlFieldState(this.linkedScenario),
    };
    this.header = new Header({
      setCurrency: (c) => this.setCurrency(c),
      newGame: () => this.newGame(),
      setFacilitator: (on) => this.setFacilitator(on),
    });
    this.layout = new Layout(root, this.header, this.world);
    this.facilitator = new FacilitatorPanel({ send: (e) => this.facilitatorSend(e), announce: (t) => this.layout.announce(t) });
    // Between the header and the game, so the pause banner and the panel span the page.
    this.header.el.after(this.facilitator.banner, this.facilitator.el, this.meters.el);
    this.layout.trackHeight(this.meters.el, '--meters-h');
    this.desk = new Desk({
      layout: this.layout,
      world: this.world,
      header: this.header,
      findScenario: (id) => this.startState.entries.find((e) => e.scenario.id === id)?.scenario,
      leave: () => (this.session ? this.enterGame() : this.render()),
      branch: (b) => this.startBranch(b),
      shareSource: (s) => shareSourceOf(this.startState.entries, s),
    });
    document.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && this.animating !== null) {
        ev.preventDefault();
        this.skipAnimation();
      }
    });
  }

  /** Resume the autosave if there is one, else show the start screen; then open a share link if the address has one. */
  boot(): void {
    this.bootGame();
    const link = runLinkFromQuery(location.search);
    if (link) void this.desk.openLink(link, linkResolver(() => this.startState.entries, location.href));
  }

  private bootGame(): void {
    const saved = loadSave(this.storage);
    if (saved.kind === 'ok') {
      this.session = saved.session;
      this.ui = saved.ui;
      this.enterGame();
      this.header.setSaveStatus(
        this.linkedScenario ? `Resumed from autosave · “New game” loads ${this.linkedScenario}` : 'Resumed from autosave',
      );
    } else {
      if (saved.kind === 'problem') this.startState.saveProblem = saved.message;
      this.render();
    }
  }

  private get money(): MoneyView {
    return { currency: this.ui.currency, usdJpy: this.session?.scenario.currency.usdJpy.value ?? 1 };
  }

  private view(): GameView {
    const session = this.session!;
    return { session, scenario: session.scenario, money: this.money, players: this.ui.players, act: (seat, a) => this.send(seat, a) };
  }

  // --- game lifecycle ---

  private startGame(scenario: Scenario, seed: string, players: number): void {
    this.session?.stop();
    this.session = new GameSession(scenario, seed);
    this.ui = { players: clampPlayers(players, scenario.roles.length), currency: scenario.currency.display, facilitator: this.ui.facilitator };
    this.handedOver.clear();
    this.startState.saveProblem = null;
    this.branch = null;
    const r = this.session.act(tableSeat(scenario), { type: 'BEGIN' });
    if (!r.ok) throw new Error(sendProblem(r));
    this.persist();
    this.enterGame();
  }

  private enterGame(): void {
    const s = this.session!.scenario;
    this.world.showScenario(s, this.money);
    const phase = this.session!.phase;
    const compare = phase === 'debrief' ? this.debriefCompare() : undefined;
    if (this.session!.reports.length) this.world.showCharts(this.session!.reports, this.money, compare);
    this.setWorldMode(phase === 'report' || phase === 'debrief' ? 'charts' : 'map');
    this.render();
  }

  /** Back to the start screen, with the scenario and player count just played preselected. */
  private newGame(): void {
    if (this.animating !== null) this.world.skip();
    this.animating = null;
    if (this.session) this.preselect(this.session.scenario);
    this.session?.stop();
    this.session = null;
    // Abandoning a branch that was not autosaved leaves the saved game alone.
    if (!this.branch || this.branch.autosave) clearSave(this.storage);
    this.branch = null;
    this.handedOver.clear();
    this.startState.seed = randomSeed();
    this.startState.saveProblem = null;
    this.render();
  }

  private preselect(scenario: Scenario): void {
    const st = this.startState;
    let entry = st.entries.find((e) => e.scenario.id === scenario.id);
    if (!entry) {
      // A scenario loaded from a file before a reload: offer it again from the save.
      entry = { file: `your last game (${scenario.id})`, origin: 'file', scenario };
      st.entries = [...st.entries, entry];
    }
    st.selected = entry.file;
    st.players = clampPlayers(this.ui.players, entry.scenario.roles.length);
  }

  /**
   * Send an action from a seat; accepted events are autosaved, then the page re-renders.
   * A refused or failed action is never recorded, so it is never autosaved either.
   */
  private send(seat: string, event: Action): SendResult {
    const session = this.session;
    if (!session) return { ok: false, refusal: { code: 'wrong-phase', event: event.type, message: 'No game is running.' } };
    const before = session.reports.length;
    const r = session.act(seat, event);
    if (r.ok) {
      this.persist();
      if (session.reports.length > before) this.playLatestTurn();
      if (session.phase === 'planning' && event.type === 'NEXT') this.setWorldMode('map');
      if (session.phase === 'debrief') {
        this.world.showCharts(session.reports, this.money, this.debriefCompare());
        this.setWorldMode('charts');
      }
    }
    this.render();
    return r;
  }

  /** "No new measures" and the historical policy on the game's seed, once per finished game. */
  private debriefCounterfactuals(): { runs: StudentCounterfactual[]; problems: string[] } {
    const session = this.session!;
    if (this.counterfactuals?.session !== session)
      this.counterfactuals = { session, ...defaultCounterfactuals(session.scenario, session.seed, session.reports.length) };
    return this.counterfactuals;
  }

  /** The dashed chart lines at the debrief: the original run for a branch, else no new measures on this seed. */
  private debriefCompare(): ChartCompare | undefined {
    if (this.branch) return branchCharts(this.branch);
    const none = this.debriefCounterfactuals().runs.find((c) => c.id === 'none');
    return none ? { label: `${none.label} (same seed)`, short: none.label, reports: none.timeline.checkpoints.map((c) => c.report) } : undefined;
  }

  /** "Play again": the same scenario and players, on the same seed or a new one. */
  private playAgain(seed: 'same' | 'new'): void {
    const session = this.session!;
    this.startGame(session.scenario, seed === 'same' ? session.seed : randomSeed(), this.ui.players);
    this.layout.announce(seed === 'same' ? `New game on the same seed (${session.seed}): the same luck, your new decisions.` : 'New game on a new seed.');
  }

  private persist(): void {
    if (!this.session) return;
    if (this.branch && !this.branch.autosave) {
      this.header.setSaveStatus('Branch · not autosaved');
      return;
    }
    const problem = writeSave(this.storage, this.session, this.ui);
    this.header.setSaveStatus(problem ?? `Autosaved · ${this.session.log.length} decision${this.session.log.length === 1 ? '' : 's'}`, problem !== null);
  }

  private playLatestTurn(): void {
    const session = this.session!;
    const report = session.reports[session.reports.length - 1]!;
    if (!this.world.ready) {
      // No map to animate (yet): straight to the report and its charts.
      this.world.showCharts(session.reports, this.money);
      this.setWorldMode('charts');
      return;
    }
    this.animating = report.turn;
    this.setWorldMode('map');
    this.layout.revealWorld();
    void this.world.playTurn(report, this.money).then(() => this.finishAnimation(report.turn));
  }

  private skipAnimation(): void {
    const turn = this.animating;
    if (turn === null) return;
    this.world.skip();
    this.finishAnimation(turn);
  }

  private finishAnimation(turn: number): void {
    if (this.animating !== turn || !this.session) return;
    this.animating = null;
    this.world.showCharts(this.session.reports, this.money);
    this.setWorldMode('charts');
    this.render();
  }

  private setCurrency(c: Currency): void {
    if (this.desk.active) {
      this.desk.setCurrency(c);
      return;
    }
    if (this.ui.currency === c) return;
    this.ui.currency = c;
    this.world.setMoney(this.money);
    this.persist();
    this.render(true);
  }

  private setFacilitator(on: boolean): void {
    this.ui.facilitator = on;
    this.persist();
    this.render();
    this.layout.announce(on ? 'Facilitator controls shown below the header.' : 'Facilitator controls hidden.');
  }

  /** Facilitator actions go through send (so they are logged and autosaved like any decision). */
  private facilitatorSend(event: Action): SendResult {
    const r = this.send(FACILITATOR_SEAT, event);
    // More turns change the turn counts shown on the current screen: rebuild it in place.
    if (r.ok && event.type === 'EXTEND') this.render(true);
    return r;
  }

  private setWorldMode(mode: WorldMode): void {
    this.layout.setWorldMode(mode);
  }

  private exportReplay(): void {
    const session = this.session!;
    const replay = buildReplay(session, { inline: true, meta: { tool: 'cashout web' } });
    downloadText(replayFileName(session.scenario.id, session.seed), JSON.stringify(replay, null, 2));
  }

  // --- debrief tools (src/ui/dom/viewer) ---

  /** "Branch here": play on from a recorded turn in the normal screens; the autosave is kept unless chosen. */
  private startBranch(b: BranchStart): void {
    if (this.animating !== null) this.world.skip();
    this.animating = null;
    this.session?.stop();
    this.session = b.session;
    this.branch = { from: b.from, turn: b.turn, original: b.original, autosave: false };
    this.ui = { ...this.ui, players: 1, currency: b.currency };
    this.handedOver.clear();
    this.persist();
    this.enterGame();
    this.layout.announce(`Branched from ${b.from} at turn ${b.turn}: plan turn ${b.turn} again.`);
  }

  private autosaveBranch(): void {
    if (!this.branch) return;
    this.branch.autosave = true;
    this.persist();
  }

  /** The game's debrief → the viewer; closing it comes back here. */
  private openInViewer(): void {
    const session = this.session!;
    this.desk.openRun(gameRun(session, this.branch ? `branch of ${this.branch.from}` : 'this game'), {
      back: 'leave',
      closeLabel: 'Back to the debrief',
      currency: this.ui.currency,
      ...(this.branch ? { preset: originalCounterfactual(this.branch) } : {}),
    });
    this.facilitator.update(null, false, null);
  }

  // --- rendering ---

  /** Show the screen for the current state; `rebuild` forces a fresh one (e.g. new currency). */
  private render(rebuild = false): void {
    try {
      if (this.desk.active) {
        this.facilitator.update(null, false, null);
        this.layout.setFacilitatorOpen(false);
        this.meters.hide();
        this.desk.render();
        return;
      }
      const next = this.session ? this.gameScreen(rebuild) : null;
      if (!this.session) this.mountStart();
      else if (next) this.mount(next, !rebuild);
      this.updateHeader();
    } catch (err) {
      this.boundary.show(err, 'This screen could not be shown');
    }
  }

  private updateHeader(): void {
    const session = this.session;
    if (!session) this.header.showStart();
    else {
      this.header.showGame(session.scenario, this.ui.currency, progressText(session, this.animating !== null));
      this.header.setFacilitator(this.ui.facilitator === true);
    }
    this.facilitator.update(session, this.ui.facilitator === true, session ? this.layout.current?.el : null);
    this.layout.setFacilitatorOpen(session !== null && this.ui.facilitator === true);
    this.updateMeters();
  }

  /** The meters show the totals after the last turn on screen: a turn still animating is not shown yet. */
  private updateMeters(): void {
    const session = this.session;
    if (!session || session.phase === 'setup' || session.phase === 'briefing') {
      this.meters.hide();
      return;
    }
    const shown = session.reports.length - (this.animating !== null ? 1 : 0);
    const last = shown > 0 ? session.reports[shown - 1]! : null;
    const before = last ? (shown > 1 ? session.reports[shown - 2]!.totals : zeroTotals(session.scenario)) : null;
    this.meters.show({
      scenario: session.scenario,
      // Before the first turn is shown (even while it animates): nothing has happened yet.
      totals: last ? last.totals : zeroTotals(session.scenario),
      last,
      before,
      money: this.money,
      turn: shown,
      turnsTotal: session.game.turnsTotal,
    });
  }

  /** The screen the state calls for, or null when the current one only needs an update. */
  private gameScreen(rebuild: boolean): Screen | null {
    const session = this.session!;
    const view = this.view();
    const s = session.scenario;
    const g = session.game;
    const key = this.screenKey();
    const current = this.layout.current;
    if (!rebuild && current && current.key === key) {
      current.update?.();
      return null;
    }
    switch (session.phase) {
      case 'briefing':
        return briefingScreen(view);
      case 'planning': {
        const role = activeRole(s, g)!;
        if (key.startsWith('handover:'))
          return handoverScreen(view, role, () => {
            this.handedOver.add(`${g.turn}:${role}`);
            this.render();
          });
        return planningScreen(view, role);
      }
      case 'report': {
        const report = session.reports[session.reports.length - 1]!;
        if (this.animating !== null) return resolvingScreen(view, report, () => this.skipAnimation());
        return reportScreen(view, report);
      }
      case 'debrief':
        return debriefScreen(view, {
          exportReplay: () => this.exportReplay(),
          playAgain: (seed) => this.playAgain(seed),
          counterfactuals: this.debriefCounterfactuals(),
          exportReport: () => exportGameReport(session, this.branch, this.ui.currency),
          openInViewer: () => this.openInViewer(),
          comparison: this.branch ? branchComparison(this.branch, session, this.money) : null,
        });
      default:
        throw new Error(`The game is in an unexpected phase (${session.phase}).`);
    }
  }

  private screenKey(): string {
    const session = this.session!;
    const g = session.game;
    const s = session.scenario;
    switch (session.phase) {
      case 'planning': {
        const role = activeRole(s, g)!;
        const idx = s.roles.findIndex((r) => r.id === role);
        const pending = needsHandover(idx, s.roles.length, this.ui.players) && !this.handedOver.has(`${g.turn}:${role}`);
        return `${pending ? 'handover' : 'plan'}:${g.turn}:${role}`;
      }
      case 'report':
        return `${this.animating !== null ? 'resolve' : 'report'}:${session.reports.length}`;
      default:
        return session.phase;
    }
  }

  private mountStart(): void {
    if (this.layout.current?.key === 'start') return;
    this.layout.showStart(
      startScreen(this.startState, {
        start: (scenario, seed, players) => this.startGame(scenario, seed, players),
        discardSave: () => clearSave(this.storage),
      }, this.desk.panel()),
    );
  }

  private mount(screen: Screen, focus: boolean): void {
    if (this.branch) screen.el.prepend(branchBanner(this.branch, () => this.autosaveBranch()));
    this.layout.showGame(screen, { focus, charts: (this.session?.reports.length ?? 0) > 0 });
    this.announce(screen.key);
  }

  /** Write each turn's summary (and the debrief verdict) to the live region, once. */
  private announce(key: string): void {
    if (key === this.announcedKey) return;
    const session = this.session!;
    if (key.startsWith('report:')) {
      const report = session.reports[session.reports.length - 1]!;
      this.layout.announce(turnSummary(session.scenario, report, this.money));
    } else if (key === 'debrief') {
      const sum = summarize(session.scenario, session.game, session.reports);
      const met = sum.objectives.filter((o) => o.met).length;
      this.layout.announce(`Debrief: ${met} of ${sum.objectives.length} objectives met after ${sum.turns} turns.`);
    } else return;
    this.announcedKey = key;
  }
}
