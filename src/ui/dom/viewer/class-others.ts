// Runs on another seed than the class seed: verified, but listed apart from the class's
// spread, because they met other luck.
import { evaluateObjectives } from '../../../engine/summary.ts';
import type { MoneyView } from '../../app/format.ts';
import { h } from '../h.ts';
import type { ClassActions, ClassModel } from './class-screen.ts';
import { formatCompared } from './differences.ts';

export function otherSeedSection(model: ClassModel, actions: ClassActions, m: MoneyView): HTMLElement | null {
  const { view } = model.loaded;
  if (view.otherSeed.length === 0) return null;
  return h(
    'section',
    { class: 'report-section class-other-seed', 'aria-label': 'Runs on another seed' },
    h('h3', null, `Runs on another seed (${view.otherSeed.length})`),
    h('p', { class: 'muted small' }, `These runs verified, but were played on another seed than the class seed ${view.classSeed}, so their luck differs; they are not part of the class's spread above.`),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'data' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Run'), h('th', { scope: 'col' }, 'Seed'), h('th', { scope: 'col' }, 'Objectives'), h('th', { scope: 'col', class: 'num' }, 'Cashed out'), h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, 'Open')))),
        h(
          'tbody',
          null,
          [...view.otherSeed]
            .sort((a, b) => a.name.localeCompare(b.name))
            .map((r) => {
              const last = r.timeline.checkpoints.at(-1);
              const objectives = last ? evaluateObjectives(r.timeline.scenario, last.game) : [];
              return h(
                'tr',
                { dataset: { run: r.name, seed: r.timeline.seed } },
                h('th', { scope: 'row', class: 'run-name' }, r.name),
                h('td', { class: 'mono small' }, r.timeline.seed),
                h('td', { class: 'nowrap' }, `${objectives.filter((o) => o.met).length} of ${objectives.length} met`),
                h('td', { class: 'num' }, formatCompared('cashedOutUsd', r.totals.cashedOutUsd, m)),
                h('td', null, h('button', { type: 'button', class: 'btn small-btn', 'aria-label': `Open ${r.name} in the viewer`, on: { click: () => actions.open(r.name) } }, 'Open')),
              );
            }),
        ),
      ),
    ),
  );
}
