// Class view: many students' runs of one scenario side by side. Outcomes per student with
// the class's spread, which levers were in force in which turn, and "Open" on every run.
import { evaluateObjectives } from '../../../engine/summary.ts';
import type { ComparedMetric } from '../../../engine/timeline.ts';
import { roleName } from '../../app/describe.ts';
import type { MoneyView } from '../../app/format.ts';
import { h, setChildren } from '../h.ts';
import { icon } from '../icons.ts';
import { heading, type Screen } from '../screen.ts';
import type { LoadedClass } from './class-load.ts';
import { otherSeedSection } from './class-others.ts';
import { referencePanel } from './class-reference.ts';
import { formatCompared } from './differences.ts';
import { dropZone } from './drop-zone.ts';

export type SortKey = 'name' | ComparedMetric;

export interface ClassModel {
  loaded: LoadedClass;
  sort: { key: SortKey; dir: 1 | -1 };
  busy: string | null;
  /** The instructor's scenario file could not be used as the reference. */
  referenceProblem: { file: string; lines: string[] } | null;
}

export interface ClassActions {
  open(name: string): void;
  addFiles(files: File[]): void;
  sortBy(key: SortKey): void;
  close(): void;
  /** Check every run against this scenario file (the instructor's own). */
  chooseReference(file: File): void;
  /** Compare only runs on this seed (null: every seed). */
  setSeed(seed: string | null): void;
}

const COLUMNS: { key: ComparedMetric; label: string }[] = [
  { key: 'stolenUsd', label: 'Stolen' },
  { key: 'frozenUsd', label: 'Frozen' },
  { key: 'cashedOutUsd', label: 'Cashed out' },
  { key: 'missileSpendUsd', label: 'Missile spending' },
  { key: 'launches', label: 'Launches' },
  { key: 'collateral', label: 'Collateral harm' },
  { key: 'escalation', label: 'Escalation risk' },
];

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** The column's name as the table heads it ("run name" for the first). */
export function sortLabel(key: SortKey): string {
  return key === 'name' ? 'run name' : (COLUMNS.find((c) => c.key === key)?.label.toLowerCase() ?? key);
}

export function classScreen(model: ClassModel, actions: ClassActions, money: () => MoneyView): Screen {
  // A placeholder, so the line exists to be filled in by render (an empty text gives no line).
  const head = heading('Class view', h('span'));
  const body = h('div', { class: 'class-body' });
  const busy = h('p', { class: 'muted small', role: 'status' });
  const refused = h('div', { class: 'class-refused', role: 'alert' });
  const reference = referencePanel(model, actions);
  const el = h(
    'section',
    { class: 'screen class-view', 'aria-label': 'Class view' },
    h('div', { class: 'class-top' }, head, h('button', { type: 'button', class: 'btn ghost', on: { click: () => actions.close() } }, 'Close class view')),
    h(
      'div',
      { class: 'class-add' },
      dropZone({
        label: 'Add more runs',
        hint: 'or drop more replay files of the same scenario here.',
        multiple: true,
        compact: true,
        onFiles: actions.addFiles,
      }),
      busy,
    ),
    reference.el,
    refused,
    body,
  );

  const render = () => {
    const { view } = model.loaded;
    const m = money();
    const s = view.reference ? view.runs[0]?.timeline.scenario ?? view.otherSeed[0]?.timeline.scenario : undefined;
    const sub = head.querySelector('.screen-sub');
    if (sub)
      sub.textContent = view.reference
        ? `${view.reference.title} · ${view.classSeed !== null ? `class seed ${view.classSeed} · ` : ''}${view.runs.length} run${view.runs.length === 1 ? '' : 's'} compared${view.otherSeed.length ? ` · ${view.otherSeed.length} on another seed` : ''}${model.loaded.refused.length ? ` · ${model.loaded.refused.length} refused` : ''}`
        : 'Choose the scenario these runs are for.';
    reference.render();
    busy.textContent = model.busy ?? '';
    setChildren(
      refused,
      model.loaded.refused.length
        ? h(
            'div',
            { class: 'callout warn' },
            h('p', null, h('strong', null, `${model.loaded.refused.length} file${model.loaded.refused.length === 1 ? ' was' : 's were'} refused`), ' and left out of the class view:'),
            h(
              'ul',
              { class: 'diagnostics refused-list' },
              model.loaded.refused.map((r) => h('li', { dataset: { file: r.name } }, r.lines.map((l) => h('code', { class: 'block' }, l)))),
            ),
          )
        : null,
    );
    if (!s) {
      setChildren(body, h('p', { class: 'muted' }, view.reference ? 'No run of this scenario could be verified yet.' : 'Open replay files of one scenario to compare the runs.'));
      return;
    }
    setChildren(
      body,
      view.runs.length ? outcomesTable(model, actions, m) : h('p', { class: 'muted' }, `No run is on the class seed ${view.classSeed ?? ''}.`),
      view.runs.length ? usageTable(model) : null,
      otherSeedSection(model, actions, m),
      h('p', { class: 'muted small' }, refusalNote(view.reference?.name ?? 'the reference scenario')),
    );
  };
  render();
  return { key: 'class', el, heading: head, update: render };
}

const refusalNote = (reference: string) =>
  `Every run was re-run by the engine on ${reference} (never on the copy inside a student's file) and matched its recorded hashes turn by turn. Runs with different seeds met different luck: set the class seed to compare like with like, or open a run and choose a counterfactual.`;

function outcomesTable(model: ClassModel, actions: ClassActions, m: MoneyView): HTMLElement {
  const { view } = model.loaded;
  const { key, dir } = model.sort;
  const runs = [...view.runs].sort((a, b) => (key === 'name' ? a.name.localeCompare(b.name) : a.totals[key] - b.totals[key] || a.name.localeCompare(b.name)) * dir);
  const sortHeader = (k: SortKey, label: string, cls = '') =>
    h(
      'th',
      { scope: 'col', class: cls, 'aria-sort': key === k ? (dir === 1 ? 'ascending' : 'descending') : null },
      h(
        'button',
        { type: 'button', class: 'sort-btn', on: { click: () => actions.sortBy(k) } },
        label,
        key === k ? icon(dir === 1 ? 'sortUp' : 'sortDown', 'sort-mark') : null,
      ),
    );
  const spreadRow = (label: string, pick: 'p5' | 'p50' | 'p95') =>
    h(
      'tr',
      { class: 'spread', dataset: { spread: pick } },
      h('th', { scope: 'row', colspan: 3 }, label),
      COLUMNS.map((c) => h('td', { class: 'num' }, formatCompared(c.key, view.outcomes[c.key][pick], m))),
      h('td'),
    );
  return h(
    'section',
    { class: 'report-section' },
    h('h3', null, 'Outcomes by student'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data class-outcomes' },
        h('caption', { class: 'sr-only' }, 'Totals at the end of each run, with the spread across the class. Column headers sort the table.'),
        h(
          'thead',
          null,
          h('tr', null, sortHeader('name', 'Run'), h('th', { scope: 'col' }, 'Seed'), h('th', { scope: 'col' }, 'Objectives'), COLUMNS.map((c) => sortHeader(c.key, c.label, 'num')), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Open'))),
        ),
        h(
          'tbody',
          null,
          runs.map((r) => {
            const t = r.timeline;
            const last = t.checkpoints.at(-1);
            const objectives = last ? evaluateObjectives(t.scenario, last.game) : [];
            return h(
              'tr',
              { dataset: { run: r.name } },
              h('th', { scope: 'row', class: 'run-name' }, r.name),
              h('td', { class: 'mono small' }, t.seed),
              h('td', { class: 'nowrap' }, `${objectives.filter((o) => o.met).length} of ${objectives.length} met`),
              COLUMNS.map((c) => h('td', { class: 'num', dataset: { metric: c.key, value: String(r.totals[c.key]) } }, formatCompared(c.key, r.totals[c.key], m))),
              h('td', null, h('button', { type: 'button', class: 'btn small-btn', 'aria-label': `Open ${r.name} in the viewer`, on: { click: () => actions.open(r.name) } }, 'Open')),
            );
          }),
        ),
        h('tfoot', null, spreadRow('5th percentile', 'p5'), spreadRow('Median', 'p50'), spreadRow('95th percentile', 'p95')),
      ),
    ),
  );
}

function usageTable(model: ClassModel): HTMLElement {
  const { view } = model.loaded;
  const s = view.runs[0]!.timeline.scenario;
  const turns = Math.max(0, ...Object.values(view.usage).map((u) => u.length));
  const label = (i: number) => view.runs.map((r) => r.timeline.checkpoints[i]?.report.label).find(Boolean) ?? `turn ${i + 1}`;
  return h(
    'section',
    { class: 'report-section' },
    h('h3', null, 'Lever use over the turns'),
    h('p', { class: 'muted small' }, 'Share of the runs with each lever switched on (level 1 or more) in each turn. The percentage is written in every cell; the shading only repeats it.'),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data heat' },
        h('caption', { class: 'sr-only' }, 'Lever use by turn, as the share of runs using each lever'),
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, 'Lever'),
            Array.from({ length: turns }, (_, i) => h('th', { scope: 'col', class: 'num', title: label(i) }, h('span', { class: 'sr-only' }, 'Turn '), String(i + 1))),
          ),
        ),
        h(
          'tbody',
          null,
          s.levers.map((l) =>
            h(
              'tr',
              { dataset: { lever: l.id } },
              h('th', { scope: 'row' }, l.name, h('span', { class: 'muted small block' }, roleName(s, l.role))),
              (view.usage[l.id] ?? []).map((share) =>
                h('td', { class: `num heat-cell${share >= 0.5 ? ' hot' : ''}`, style: `--share: ${share.toFixed(3)}` }, pct(share)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
