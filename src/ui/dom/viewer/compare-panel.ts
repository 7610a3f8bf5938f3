// The counterfactual panel of the viewer: choose what to compare the recorded run with,
// then read the table of differences (the charts get the paired lines).
import { compareTimelines } from '../../../engine/timeline.ts';
import type { MoneyView } from '../../app/format.ts';
import { h, newId, setChildren } from '../h.ts';
import { type CompareState, hasInjections, policyChoices } from './counterfactual.ts';
import { differencesTable, sharedLuckNote } from './differences.ts';
import { dropZone } from './drop-zone.ts';

/** The select's value (`choice`): '' (nothing), 'policy:<id>', 'original' (a preset run) or 'replay'. */
export type CompareModel = CompareState;

export interface CompareActions {
  choose(choice: string): void;
  compareWithFiles(files: File[]): void;
}

export function comparePanel(model: CompareModel, actions: CompareActions, money: () => MoneyView): { el: HTMLElement; render(): void } {
  const t = model.run.timeline;
  const selectId = newId('compare');
  const choices = policyChoices(t.scenario);
  const select = h(
    'select',
    { id: selectId, on: { change: () => actions.choose(select.value) } },
    h('option', { value: '' }, 'Nothing: this run only'),
    h(
      'optgroup',
      { label: 'The same seed under a policy of the scenario' },
      choices.map((c) => h('option', { value: c.key }, c.label)),
    ),
    model.preset ? h('option', { value: 'original' }, model.preset.label) : null,
    h('option', { value: 'replay' }, 'Another replay’s decisions…'),
  );
  const about = h('p', { class: 'muted small compare-about' });
  const fileSlot = h('div', { class: 'compare-file' });
  const problem = h('div', { class: 'compare-problem', role: 'alert' });
  const result = h('div', { class: 'compare-result' });
  const headingId = newId('compare-h');
  const el = h(
    'section',
    { class: 'report-section compare', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, 'Counterfactual'),
    h(
      'p',
      { class: 'muted small' },
      `What would have happened under another policy: the same scenario and seed, played by the engine for the ${t.checkpoints.length} turn${t.checkpoints.length === 1 ? '' : 's'} this run lasted.`,
    ),
    h('div', { class: 'field compare-field' }, h('label', { for: selectId }, 'Compare this run with'), select),
    about,
    fileSlot,
    problem,
    result,
  );
  const zone = dropZone({
    label: 'Open the other replay',
    hint: 'or drop it here: its lever levels, turn by turn, are replayed on this run’s seed.',
    compact: true,
    onFiles: (files) => actions.compareWithFiles(files),
  });

  const render = () => {
    select.value = model.choice;
    const policy = choices.find((c) => c.key === model.choice);
    about.textContent = policy ? policy.description : model.choice === 'original' ? 'The run this branch started from.' : '';
    about.hidden = !about.textContent;
    setChildren(fileSlot, model.choice === 'replay' ? zone : null);
    setChildren(problem, model.problem ? h('p', { class: 'callout error' }, model.problem) : null);
    const cf = model.cf;
    if (!cf) {
      setChildren(result);
      return;
    }
    const n = Math.min(t.checkpoints.length, cf.timeline.checkpoints.length);
    const last = t.checkpoints[n - 1];
    setChildren(
      result,
      sharedLuckNote(t.seed, cf.label),
      differencesTable(
        compareTimelines(t, cf.timeline),
        { actual: 'This run', other: cf.label },
        money(),
        `Totals after turn ${n}${last ? ` (${last.report.label})` : ''}, the end of the recorded run. Difference = ${cf.label} minus this run.`,
      ),
      hasInjections(t)
        ? h('p', { class: 'muted small' }, 'The facilitator injected events into the recorded run; a policy does not replay them, so part of the difference comes from those events.')
        : null,
      h('p', { class: 'muted small' }, 'The charts show both runs: this run as solid lines, the counterfactual dashed.'),
    );
  };
  render();
  return { el, render };
}
