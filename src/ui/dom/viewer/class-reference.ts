// The top of the class view: which scenario every run is checked against (the app's copy,
// or the instructor's own file; never a student's inline copy), and the class seed that
// decides which runs are compared with each other.
import { h, newId, setChildren } from '../h.ts';
import type { ClassActions, ClassModel } from './class-screen.ts';

const shortHash = (hash: string) => hash.slice(0, 8);

export function referencePanel(model: ClassModel, actions: ClassActions): { el: HTMLElement; render(): void } {
  const fileId = newId('class-reference');
  const fileInput = h('input', {
    type: 'file',
    id: fileId,
    class: 'file-input',
    accept: '.yaml,.yml,.json,application/x-yaml,text/yaml,application/json',
    on: {
      change: () => {
        const f = fileInput.files?.[0];
        if (f) actions.chooseReference(f);
        fileInput.value = '';
      },
    },
  });
  const seedId = newId('class-seed');
  const seedInput = h('input', { type: 'text', id: seedId, class: 'seed-input', autocomplete: 'off', spellcheck: false, list: `${seedId}-list` });
  const seedList = h('datalist', { id: `${seedId}-list` });
  const setSeed = () => {
    const v = seedInput.value;
    actions.setSeed(v.trim() === '' ? null : v.trim());
  };
  seedInput.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter') {
      ev.preventDefault();
      setSeed();
    }
  });
  const which = h('div', { class: 'class-which' });
  const seeds = h('div', { class: 'class-seed', role: 'group', 'aria-label': 'Class seed' });
  const problem = h('div', { role: 'alert' });
  const el = h('section', { class: 'report-section class-reference', 'aria-label': 'Reference scenario and class seed' }, which, problem, seeds);

  const render = () => {
    const v = model.loaded.view;
    const chooser = h('label', { class: 'file-label', for: fileId }, v.reference ? 'Check against another scenario file:' : 'Your scenario file:');
    if (v.reference)
      setChildren(
        which,
        h(
          'p',
          { class: 'reference-line' },
          h('strong', null, 'Checked against: '),
          `${v.reference.name} (“${v.reference.title}”, content ${shortHash(v.reference.hash)}). `,
          'A student’s file counts only if it was recorded on exactly this scenario; the copy inside the file is never trusted.',
        ),
        h('div', { class: 'fac-controls' }, chooser, fileInput),
      );
    else
      setChildren(
        which,
        h(
          'div',
          { class: 'callout warn' },
          h('p', null, h('strong', null, 'Which scenario are these runs for?'), ' Load your own scenario file: every run is checked against it, never against the copy a student’s file carries.'),
          h(
            'ul',
            { class: 'reference-groups' },
            v.groups.map((g) => h('li', null, `${g.files} file${g.files === 1 ? '' : 's'} say${g.files === 1 ? 's' : ''} “${g.title}” (${g.id}, content ${shortHash(g.hash)})`)),
          ),
          h('div', { class: 'fac-controls' }, chooser, fileInput),
        ),
      );
    const p = model.referenceProblem;
    setChildren(
      problem,
      p
        ? h('div', { class: 'callout error' }, h('p', null, h('strong', null, `${p.file} cannot be used`), ' — fix it and load it again:'), h('ul', { class: 'diagnostics' }, p.lines.map((l) => h('li', null, h('code', null, l)))))
        : null,
    );
    seeds.hidden = !v.reference;
    if (document.activeElement !== seedInput) seedInput.value = v.classSeed ?? '';
    setChildren(seedList, v.seeds.map((s) => h('option', { value: s.seed }, `${s.runs} run${s.runs === 1 ? '' : 's'}`)));
    const used = v.seeds.map((s) => `${s.seed} (${s.runs})`).join(', ');
    setChildren(
      seeds,
      h('label', { for: seedId, class: 'fac-label' }, 'Class seed'),
      h(
        'div',
        { class: 'fac-controls' },
        seedInput,
        seedList,
        h('button', { type: 'button', class: 'btn small-btn', on: { click: setSeed } }, 'Set'),
        v.classSeed !== null ? h('button', { type: 'button', class: 'btn ghost small-btn', on: { click: () => actions.setSeed(null) } }, 'Compare every seed') : null,
      ),
      h(
        'p',
        { class: 'muted small' },
        v.classSeed !== null
          ? `Class seed ${v.classSeed}: runs on another seed are listed apart below. `
          : v.seeds.length > 1
            ? 'No class seed set: runs on different seeds met different luck. Set the seed you gave the class to compare like with like. '
            : '',
        used ? `Seeds in these runs: ${used}.` : '',
      ),
    );
  };
  return { el, render };
}
