// The class view at work: the set of files, the reference scenario they are checked
// against, the class seed, adding more files, sorting, and opening a student's run in the
// viewer. Every run shown was re-run by the engine against the reference.
import type { ClassReference } from '../../../engine/classview.ts';
import { formatDiagnostic } from '../../../scenario/diagnostics.ts';
import { parseScenarioText } from '../../../scenario/load.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import type { MoneyView } from '../../app/format.ts';
import type { Layout } from '../layout.ts';
import type { Screen } from '../screen.ts';
import { defaultReference, type LoadedClass, loadClass, type ParsedClass, parseClass } from './class-load.ts';
import { type ClassModel, classScreen, type SortKey, sortLabel } from './class-screen.ts';
import { type FileText, type FindScenario, type LoadedRun, type Refusal, readFiles } from './load.ts';
import { settle } from './viewer-desk.ts';

export interface ClassContext {
  layout: Layout;
  findScenario: FindScenario;
  money(s: Scenario | undefined): MoneyView;
  /** The runs changed: refresh the header's progress line. */
  changed(): void;
  openStudent(run: LoadedRun): void;
  close(): void;
}

/** Largest scenario file read in the browser (the same cap as the start screen's). */
const MAX_SCENARIO_BYTES = 2_000_000;

export class ClassDesk {
  readonly screen: Screen;
  private readonly model: ClassModel;
  private parsed: ParsedClass;
  private reference: ClassReference | null;

  constructor(
    private readonly ctx: ClassContext,
    private texts: FileText[],
    /** Files that could not even be read (too large, unreadable): listed whatever else changes. */
    private unread: Refusal[] = [],
  ) {
    this.parsed = parseClass(texts);
    this.reference = defaultReference(this.parsed, ctx.findScenario);
    const loaded = loadClass(this.parsed, this.reference, null);
    loaded.refused.unshift(...unread);
    this.model = { loaded, sort: { key: 'name', dir: 1 }, busy: null, referenceProblem: null };
    this.screen = classScreen(
      this.model,
      {
        open: (name) => this.open(name),
        addFiles: (files) => void this.addFiles(files),
        sortBy: (key) => this.sortBy(key),
        close: () => ctx.close(),
        chooseReference: (file) => void this.chooseReference(file),
        setSeed: (seed) => this.setSeed(seed),
      },
      () => ctx.money(this.scenario),
    );
  }

  /** The verified runs (both lists), or none yet. */
  get runCount(): number {
    return this.model.loaded.view.runs.length + this.model.loaded.view.otherSeed.length;
  }

  get scenario(): Scenario | undefined {
    return this.reference?.scenario;
  }

  get progress(): string {
    return `Class view · ${this.runCount} runs`;
  }

  show(): void {
    this.ctx.layout.showStart(this.screen);
    this.announce();
  }

  update(): void {
    this.screen.update?.();
  }

  private announce(): void {
    const v = this.model.loaded.view;
    const refused = this.model.loaded.refused.length;
    this.ctx.layout.announce(
      v.reference
        ? `Class view: ${v.runs.length} run${v.runs.length === 1 ? '' : 's'} compared${v.otherSeed.length ? `, ${v.otherSeed.length} on another seed` : ''}${refused ? `, ${refused} file${refused === 1 ? '' : 's'} refused` : ''}.`
        : 'Class view: choose the scenario file these runs are for.',
    );
  }

  /** Check every file again (after a new reference, seed or files). */
  private recheck(seed = this.model.loaded.view.classSeed): void {
    const loaded: LoadedClass = loadClass(this.parsed, this.reference, seed);
    loaded.refused.unshift(...this.unread);
    this.model.loaded = loaded;
    this.update();
    this.announce();
    this.ctx.changed();
  }

  private async addFiles(files: File[]): Promise<void> {
    this.model.busy = `Checking ${files.length} more file${files.length === 1 ? '' : 's'}…`;
    this.update();
    await settle();
    const { texts, refused } = await readFiles(files);
    this.texts = [...this.texts, ...texts];
    this.unread = [...this.unread, ...refused];
    this.parsed = parseClass(this.texts);
    this.reference ??= defaultReference(this.parsed, this.ctx.findScenario);
    this.model.busy = null;
    this.recheck();
  }

  /** The instructor's own scenario file becomes the reference every run is checked against. */
  private async chooseReference(file: File): Promise<void> {
    this.model.referenceProblem = null;
    if (file.size > MAX_SCENARIO_BYTES) {
      this.model.referenceProblem = { file: file.name, lines: [`${file.name}: the file is ${Math.round(file.size / 1024)} kB; a scenario is far smaller.`] };
      this.update();
      return;
    }
    this.model.busy = `Checking every run against ${file.name}…`;
    this.update();
    await settle();
    const r = parseScenarioText(await file.text(), file.name);
    this.model.busy = null;
    if (!r.ok) {
      this.model.referenceProblem = { file: file.name, lines: r.errors.map(formatDiagnostic) };
      this.update();
      return;
    }
    this.reference = { scenario: r.value, name: `your scenario file ${file.name}` };
    this.recheck();
  }

  private setSeed(seed: string | null): void {
    this.recheck(seed);
  }

  private sortBy(key: SortKey): void {
    const s = this.model.sort;
    this.model.sort = { key, dir: s.key === key ? (s.dir === 1 ? -1 : 1) : 1 };
    this.update();
    this.ctx.layout.announce(`Sorted by ${sortLabel(key)}, ${this.model.sort.dir === 1 ? 'ascending' : 'descending'}.`);
    // The table was rebuilt: keep the focus on the header button just pressed.
    this.screen.el.querySelector<HTMLButtonElement>('th[aria-sort] .sort-btn')?.focus();
  }

  private open(name: string): void {
    const { view, replays } = this.model.loaded;
    const run = [...view.runs, ...view.otherSeed].find((r) => r.name === name);
    const replay = replays.get(name);
    if (run && replay) this.ctx.openStudent({ name, replay, timeline: run.timeline });
  }
}
