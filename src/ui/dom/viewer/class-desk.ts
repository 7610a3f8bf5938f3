// The class view at work: the set of files, adding more, sorting, and opening a student's
// run in the viewer. Every run was verified by the engine when the files were loaded.
import type { Scenario } from '../../../scenario/schema.ts';
import type { MoneyView } from '../../app/format.ts';
import type { Layout } from '../layout.ts';
import type { Screen } from '../screen.ts';
import { type ClassModel, classScreen, type SortKey, sortLabel } from './class-screen.ts';
import { type FileText, type FindScenario, type LoadedClass, type LoadedRun, loadClass, readFiles } from './load.ts';
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

export class ClassDesk {
  readonly screen: Screen;
  private readonly model: ClassModel;

  constructor(
    private readonly ctx: ClassContext,
    loaded: LoadedClass,
    private texts: FileText[],
  ) {
    this.model = { loaded, sort: { key: 'name', dir: 1 }, busy: null };
    this.screen = classScreen(
      this.model,
      {
        open: (name) => this.open(name),
        addFiles: (files) => void this.addFiles(files),
        sortBy: (key) => this.sortBy(key),
        close: () => ctx.close(),
      },
      () => ctx.money(this.scenario),
    );
  }

  get scenario(): Scenario | undefined {
    return this.model.loaded.view.runs[0]?.timeline.scenario;
  }

  get progress(): string {
    return `Class view · ${this.model.loaded.view.runs.length} runs`;
  }

  show(): void {
    this.ctx.layout.showStart(this.screen);
    const n = this.model.loaded.view.runs.length;
    const refused = this.model.loaded.refused.length;
    this.ctx.layout.announce(`Class view: ${n} run${n === 1 ? '' : 's'} compared${refused ? `, ${refused} file${refused === 1 ? '' : 's'} refused` : ''}.`);
  }

  update(): void {
    this.screen.update?.();
  }

  private async addFiles(files: File[]): Promise<void> {
    this.model.busy = `Checking ${files.length} more file${files.length === 1 ? '' : 's'}…`;
    this.update();
    await settle();
    const { texts, refused } = await readFiles(files);
    this.texts = [...this.texts, ...texts];
    const loaded = loadClass(this.texts, this.ctx.findScenario);
    loaded.refused.unshift(...refused);
    this.model.loaded = loaded;
    this.model.busy = null;
    this.update();
    this.ctx.layout.announce(`${loaded.view.runs.length} runs compared, ${loaded.refused.length} refused.`);
    this.ctx.changed();
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
    const run = this.model.loaded.view.runs.find((r) => r.name === name);
    const replay = this.model.loaded.replays.get(name);
    if (run && replay) this.ctx.openStudent({ name, replay, timeline: run.timeline });
  }
}
