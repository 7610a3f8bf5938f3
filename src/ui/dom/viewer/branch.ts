// A branched game ("branch here") as the app runs it: the banner on every game screen, the
// comparison with the original run at its debrief, and the game's own run for the viewer
// and the report export.
import { buildReplay } from '../../../engine/replay.ts';
import type { GameSession } from '../../../engine/session.ts';
import { compareTimelines, type Timeline, timelineOf } from '../../../engine/timeline.ts';
import type { Currency, MoneyView } from '../../app/format.ts';
import { h } from '../h.ts';
import type { ChartCompare } from '../world-host.ts';
import { type Counterfactual, policyCounterfactual } from './counterfactual.ts';
import { differencesTable, sharedLuckNote } from './differences.ts';
import { exportReport } from './export.ts';
import type { LoadedRun } from './load.ts';

export interface BranchInfo {
  from: string;
  turn: number;
  original: Timeline;
  /** The player chose to let this branch replace the autosave. */
  autosave: boolean;
}

export const originalLabel = (b: BranchInfo) => `Original run (${b.from})`;

export function branchBanner(b: BranchInfo, autosaveBranch: () => void): HTMLElement {
  const saveNote = h('span', { class: 'branch-save' });
  const button = h('button', { type: 'button', class: 'btn small-btn', on: { click: () => autosaveBranch() } }, 'Autosave this branch instead');
  const el = h(
    'div',
    { class: 'branch-banner', role: 'note', 'aria-label': 'Branched game' },
    h('p', null, h('strong', null, `Branched from ${b.from} at turn ${b.turn}`), ' — compare at the end.'),
    h('p', { class: 'small' }, saveNote, ' ', button),
  );
  const render = () => {
    saveNote.textContent = b.autosave
      ? 'This branch is autosaved: it replaced your saved game.'
      : 'Not autosaved: your saved game is kept. Export the replay at the end to keep this branch.';
    button.hidden = b.autosave;
  };
  render();
  button.addEventListener('click', render);
  return el;
}

/** The paired chart lines at the branch's debrief: the original run, dashed. */
export function branchCharts(b: BranchInfo): ChartCompare {
  return { label: originalLabel(b), short: 'Original run', reports: b.original.checkpoints.map((c) => c.report) };
}

/** Debrief section: how the branch differs from the run it was taken from. */
export function branchComparison(b: BranchInfo, session: GameSession, money: MoneyView): HTMLElement {
  const mine = timelineOf(session);
  const n = Math.min(mine.checkpoints.length, b.original.checkpoints.length);
  return h(
    'section',
    { class: 'report-section branch-comparison' },
    h('h3', null, 'Compared with the original run'),
    h('p', null, `This game re-ran ${b.from} exactly up to turn ${b.turn}, then followed your decisions.`),
    sharedLuckNote(session.seed, originalLabel(b)),
    differencesTable(
      compareTimelines(b.original, mine),
      { actual: originalLabel(b), other: 'This branch' },
      money,
      `Totals after turn ${n}, the last turn both runs reached. Difference = this branch minus the original run.`,
    ),
    h('p', { class: 'muted small' }, 'The charts show this branch as solid lines and the original run dashed.'),
  );
}

/** The game just played, as a run the viewer can open. */
export function gameRun(session: GameSession, name: string): LoadedRun {
  return { name, replay: buildReplay(session, { inline: true, meta: { tool: 'cashout web' } }), timeline: timelineOf(session) };
}

/** The original run as the viewer's preset comparison for a branch. */
export function originalCounterfactual(b: BranchInfo): Counterfactual {
  return { key: 'original', label: originalLabel(b), timeline: b.original };
}

/**
 * Export the debrief report of the game just played: compared with the original run for a
 * branch, otherwise with "no new measures" on the same seed.
 */
export function exportGameReport(session: GameSession, branch: BranchInfo | null, currency: Currency): void {
  const run = gameRun(session, 'this game');
  const cf = branch ? originalCounterfactual(branch) : policyCounterfactual(run, 'none');
  exportReport({
    timeline: run.timeline,
    counterfactual: 'ok' in cf ? (cf.ok ? cf.cf : null) : cf,
    currency,
    subtitle: branch ? `Branch of ${branch.from} from turn ${branch.turn}` : `Game played in the browser`,
  });
}
