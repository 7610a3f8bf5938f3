// The start screen's debrief tools: open one replay in the viewer, or many in the class
// view, with a file picker and a drop zone each. Refused files are listed here and the
// start screen stays as it was.
import { h, newId, setChildren } from '../h.ts';
import { dropZone } from './drop-zone.ts';
import type { Refusal } from './load.ts';
import { refusalCallout } from './viewer-screen.ts';

export interface OpenPanel {
  el: HTMLElement;
  setBusy(text: string | null): void;
  setProblems(refused: Refusal[]): void;
}

export function openPanel(actions: { openReplay(files: File[]): void; openClass(files: File[]): void }): OpenPanel {
  const busy = h('p', { class: 'muted small', role: 'status' });
  const problems = h('div', { class: 'open-problems', role: 'alert' });
  const titleId = newId('debrief-open');
  const el = h(
    'section',
    { class: 'start-col debrief-open', 'aria-labelledby': titleId },
    h('h2', { class: 'debrief-open-title', id: titleId }, 'Debrief a run'),
    h('p', { class: 'hint' }, 'For instructors: step through a replay file turn by turn, compare it with what another policy would have done on the same seed, or put a whole class’s runs side by side.'),
    dropZone({ label: 'Open a replay (debrief)', hint: 'or drop a replay file (.json) here', onFiles: actions.openReplay }),
    dropZone({ label: 'Class view: open several replays', hint: 'or drop your students’ replay files here', multiple: true, onFiles: actions.openClass }),
    busy,
    problems,
  );
  return {
    el,
    setBusy: (text) => {
      busy.textContent = text ?? '';
    },
    setProblems: (refused) => setChildren(problems, refused.map((r) => refusalCallout(r, 'could not be opened'))),
  };
}
