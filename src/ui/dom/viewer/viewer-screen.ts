// The replay viewer's side panel: turn controls, the decisions of the turn shown, the same
// turn report the game shows, the counterfactual panel, "branch here" and the export.
import type { MoneyView } from '../../app/format.ts';
import { h, setChildren } from '../h.ts';
import { reportSections } from '../report.ts';
import { heading, type Screen } from '../screen.ts';
import { type CompareActions, type CompareModel, comparePanel } from './compare-panel.ts';
import { decisionsSection } from './decisions.ts';
import { dropZone } from './drop-zone.ts';
import type { Refusal } from './load.ts';
import { type TransportActions, type TransportState, transport } from './transport.ts';

export interface ViewerModel extends TransportState, CompareModel {
  /** A file the user tried to open from the viewer and that was refused (the run shown stays). */
  openProblem: Refusal | null;
  /** Set while files are being checked. */
  busy: string | null;
}

export interface ViewerActions extends TransportActions, CompareActions {
  openAnother(files: File[]): void;
  branch(): void;
  exportReport(): void;
  close(): void;
}

export interface ViewerScreen extends Screen {
  /** Redraw what depends on the turn shown. */
  showTurn(): void;
  showCompare(): void;
  showStatus(): void;
  restartCountdown(): void;
}

export function refusalCallout(r: Refusal, what: string): HTMLElement {
  return h(
    'div',
    { class: 'callout error' },
    h('p', null, h('strong', null, `${r.name} ${what}`), r.lines.length > 1 ? ` — ${r.lines.length} problems:` : ':'),
    h('ul', { class: 'diagnostics' }, r.lines.map((l) => h('li', null, h('code', null, l)))),
  );
}

export function viewerScreen(
  model: ViewerModel,
  actions: ViewerActions,
  opts: { money: () => MoneyView; closeLabel: string; share?: HTMLElement },
): ViewerScreen {
  const run = model.run;
  const t = run.timeline;
  const s = t.scenario;
  const head = heading('Replay viewer', `${run.name} · ${s.title} · seed ${t.seed} · ${t.checkpoints.length} turn${t.checkpoints.length === 1 ? '' : 's'} recorded`);
  const controls = transport(model, actions);
  const decisionsSlot = h('div', { class: 'decisions-slot' });
  const reportSlot = h('div', { class: 'viewer-report' });
  const compare = comparePanel(model, actions, opts.money);
  const status = h('div', { class: 'viewer-status', role: 'alert' });
  const busy = h('p', { class: 'muted small', role: 'status' });
  const branchButton = h('button', { type: 'button', class: 'btn', on: { click: () => actions.branch() } });
  const el = h(
    'section',
    { class: 'screen viewer', 'aria-label': 'Replay viewer', dataset: { turn: '1' } },
    h('div', { class: 'viewer-top' }, head, h('button', { type: 'button', class: 'btn ghost', on: { click: () => actions.close() } }, opts.closeLabel)),
    controls.el,
    controls.keys,
    decisionsSlot,
    reportSlot,
    compare.el,
    h(
      'section',
      { class: 'report-section' },
      h('h3', null, 'Branch here'),
      h(
        'p',
        { class: 'muted small' },
        'Play the turn shown again with other decisions: every turn before it is re-run exactly, then you plan it yourself in the normal game screens and compare with this run at the end. Your saved game is not touched unless you choose to autosave the branch.',
      ),
    ),
    h(
      'section',
      { class: 'report-section open-another' },
      h('h3', null, 'Another run'),
      dropZone({ label: 'Open another replay', hint: 'or drop a replay file here. This run stays on screen if the file is refused.', compact: true, onFiles: actions.openAnother }),
      busy,
      status,
    ),
    opts.share ?? null,
    h(
      'div',
      { class: 'actions sticky-actions' },
      branchButton,
      h('button', { type: 'button', class: 'btn primary', on: { click: () => actions.exportReport() } }, 'Export report'),
    ),
  );

  const showTurn = () => {
    const c = t.checkpoints[model.turn - 1]!;
    const r = c.report;
    Object.assign(el.dataset, {
      turn: String(c.turn),
      hash: c.hash,
      stolenUsd: String(r.stolenUsd),
      cashedOutUsd: String(r.cashedOutUsd),
      frozenUsd: String(r.frozenUsd),
    });
    controls.update();
    branchButton.textContent = `Branch here at turn ${c.turn}`;
    setChildren(decisionsSlot, decisionsSection(t, c.turn));
    const parts = reportSections(s, r, opts.money(), t.checkpoints[model.turn - 2]?.report.totals ?? null);
    setChildren(
      reportSlot,
      h(
        'section',
        { class: 'report-section turn-report', 'aria-label': `Turn ${c.turn} report` },
        h('h3', null, `Turn ${c.turn} report · ${r.label}`),
        parts.headline,
        parts.details,
      ),
    );
  };

  const showStatus = () => {
    busy.textContent = model.busy ?? '';
    setChildren(status, model.openProblem ? refusalCallout(model.openProblem, 'could not be opened; the run above is still shown') : null);
  };

  showTurn();
  showStatus();
  return {
    key: 'viewer',
    el,
    heading: head,
    showTurn,
    showCompare: compare.render,
    showStatus,
    restartCountdown: controls.restartCountdown,
    update: () => {
      showTurn();
      compare.render();
      showStatus();
    },
  };
}
