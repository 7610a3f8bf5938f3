// The instructor's debrief desk: the replay viewer and the class view. The app hands it
// the page frame (layout, world view, header) while it is active and gets it back on
// close; the desk opens files (each verified by the engine before anything shows) and
// decides which of its two screens is up.

import { openRunLink, type ResolveScenario } from '../../../io/share-link.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { Currency, MoneyView } from '../../app/format.ts';
import type { Header } from '../header.ts';
import type { Layout } from '../layout.ts';
import type { WorldHost } from '../world-host.ts';
import { ClassDesk } from './class-desk.ts';
import { parseClass } from './class-load.ts';
import { guardStrayDrops } from './drop-zone.ts';
import { type FileText, type FindScenario, type LoadedRun, loadRun, type Refusal, readFiles } from './load.ts';
import { type OpenPanel, openPanel } from './open-panel.ts';
import type { ShareSource } from './share.ts';
import { type BranchRequest, type OpenOptions, settle, ViewerDesk } from './viewer-desk.ts';

export type { OpenOptions } from './viewer-desk.ts';

export interface BranchStart extends BranchRequest {
  currency: Currency;
}

export interface DeskHost {
  layout: Layout;
  world: WorldHost;
  header: Header;
  findScenario: FindScenario;
  /** The desk closed: show the game (or the start screen) again. */
  leave(): void;
  /** Where a scenario can be found by someone opening a share link. */
  shareSource: ShareSource;
  branch(start: BranchStart): void;
}

export class Desk {
  private mode: ViewerDesk | ClassDesk | null = null;
  /** The start screen's debrief panel, to report on a share link opened with the page. */
  private openPanel: OpenPanel | null = null;
  private linkProblem: Refusal | null = null;
  /** The class view a student's run was opened from, to go back to. */
  private classDesk: ClassDesk | null = null;
  private currency: Currency = 'JPY';
  private ownsHeader = false;

  constructor(private readonly host: DeskHost) {
    document.addEventListener('keydown', (ev) => {
      const m = this.mode;
      if (!(m instanceof ViewerDesk) || ev.defaultPrevented || ev.altKey || ev.ctrlKey || ev.metaKey) return;
      if (m.screen.el.isConnected && m.onKey(ev)) ev.preventDefault();
    });
    guardStrayDrops();
  }

  get active(): boolean {
    return this.mode !== null;
  }

  /** Amounts in the chosen currency at the scenario's rate. */
  private money(s: Scenario | undefined): MoneyView {
    return { currency: this.currency, usdJpy: s?.currency.usdJpy.value ?? 1 };
  }

  /** The start screen's "Open a replay" and "Class view" controls. */
  panel(): HTMLElement {
    const panel: OpenPanel = openPanel({
      openReplay: (files) => void this.openReplayFiles(files, panel),
      openClass: (files) => void this.openClassFiles(files, panel),
    });
    this.openPanel = panel;
    if (this.linkProblem) panel.setProblems([this.linkProblem]);
    return panel.el;
  }

  /** A share link (`?run=…`): re-run it and show it in the viewer, or say why it cannot be opened. */
  async openLink(param: string, resolve: ResolveScenario): Promise<void> {
    this.linkProblem = null;
    this.openPanel?.setBusy('Opening the shared run: the engine re-runs every decision…');
    await settle();
    const r = await openRunLink(param, resolve);
    this.openPanel?.setBusy(null);
    if (r.ok) {
      this.classDesk = null;
      this.openRun({ name: 'shared link', replay: r.replay, timeline: r.timeline }, { back: 'leave', closeLabel: 'Close viewer' });
      return;
    }
    this.linkProblem = { name: 'shared link', lines: [`The shared link cannot be opened: ${r.message}`] };
    this.openPanel?.setProblems([this.linkProblem]);
  }

  private async openReplayFiles(files: File[], panel: OpenPanel): Promise<void> {
    const file = files[0];
    if (!file) return;
    panel.setProblems([]);
    panel.setBusy(`Checking ${file.name}: the engine re-runs every turn…`);
    await settle();
    const { texts, refused } = await readFiles([file]);
    const r = texts[0] ? loadRun(texts[0], this.host.findScenario) : null;
    panel.setBusy(null);
    if (r?.ok) {
      this.classDesk = null;
      this.openRun(r.run, { back: 'leave', closeLabel: 'Close viewer' });
      return;
    }
    panel.setProblems(r ? [r.refusal] : refused);
  }

  private async openClassFiles(files: File[], panel: OpenPanel): Promise<void> {
    if (!files.length) return;
    panel.setProblems([]);
    panel.setBusy(`Checking ${files.length} file${files.length === 1 ? '' : 's'}: the engine re-runs every turn of each…`);
    await settle();
    const { texts, refused } = await readFiles(files);
    const problems = this.openClassTexts(texts, refused);
    panel.setBusy(null);
    if (problems) panel.setProblems(problems);
  }

  /**
   * The class view over replay texts (files, or a classroom session's table logs). Files
   * that are not even replays are returned as refusals when none is left; otherwise the
   * class view opens and checks every run against a reference scenario (or asks for one).
   */
  openClassTexts(texts: FileText[], refused: Refusal[] = []): Refusal[] | null {
    const parsed = parseClass(texts);
    if (parsed.files.length === 0) return [...refused, ...parsed.refused];
    const desk = new ClassDesk(
      {
        layout: this.host.layout,
        findScenario: this.host.findScenario,
        money: (s) => this.money(s),
        changed: () => this.updateHeader(),
        openStudent: (run) => this.openRun(run, { back: 'class', closeLabel: 'Back to class view', currency: this.currency }),
        close: () => this.close(),
      },
      texts,
      refused,
    );
    this.currency = desk.scenario?.currency.display ?? this.currency;
    this.showClass(desk);
    return null;
  }

  private showClass(desk: ClassDesk): void {
    this.leaveMode();
    this.mode = desk;
    this.classDesk = desk;
    desk.show();
    this.updateHeader();
  }

  /** Show a verified run in the viewer at its first turn. */
  openRun(run: LoadedRun, opts: OpenOptions): void {
    const interval = this.mode instanceof ViewerDesk ? this.mode.model.intervalMs : undefined;
    this.leaveMode();
    this.currency = opts.currency ?? run.timeline.scenario.currency.display;
    const viewer = new ViewerDesk(
      {
        layout: this.host.layout,
        world: this.host.world,
        findScenario: this.host.findScenario,
        money: (s) => this.money(s),
        currency: () => this.currency,
        changed: () => this.updateHeader(),
        close: () => this.close(),
        branch: (b) => {
          this.deactivate();
          this.host.branch({ ...b, currency: this.currency });
        },
        openRun: (r, o) => this.openRun(r, o),
        shareSource: this.host.shareSource,
      },
      run,
      opts,
      interval,
    );
    this.mode = viewer;
    viewer.show();
    this.updateHeader();
  }

  /** Close the viewer (back to the class view it came from) or the class view. */
  close(): void {
    if (this.mode instanceof ViewerDesk && this.mode.opts.back === 'class' && this.classDesk) {
      this.showClass(this.classDesk);
      return;
    }
    this.deactivate();
    this.host.leave();
  }

  private leaveMode(): void {
    if (this.mode instanceof ViewerDesk) this.mode.stop();
  }

  private deactivate(): void {
    this.leaveMode();
    this.mode = null;
    this.classDesk = null;
    this.ownsHeader = false;
  }

  // --- app integration ---

  /** Re-show the current desk screen (the app calls this instead of its own render). */
  render(): void {
    const m = this.mode;
    if (m instanceof ViewerDesk) m.remount();
    else if (m) this.host.layout.showStart(m.screen);
    this.updateHeader();
  }

  setCurrency(c: Currency): void {
    if (this.currency === c) return;
    this.currency = c;
    this.mode?.update();
    this.updateHeader();
  }

  private updateHeader(): void {
    const m = this.mode;
    if (!m) return;
    const { header } = this.host;
    // showStart once on entering: it hides the game-only tools (facilitator switch, new
    // game); the debrief only borrows the title, the progress line and the currency switch.
    if (!this.ownsHeader) header.showStart();
    this.ownsHeader = true;
    if (!m.scenario) return;
    header.showGame(m.scenario, this.currency, m.progress);
    header.clearNewGame();
  }
}
