// "Share this run" in the replay viewer: a compact link that opens exactly this run
// (scenario, seed, every decision) in the viewer of this site. A run too long for a link,
// or on a scenario loaded from a file, is shared as the replay file instead.

import { runLink } from '../../../io/share-link.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { downloadText, replayFileName } from '../download.ts';
import { h, newId, setChildren } from '../h.ts';
import type { LoadedRun } from './load.ts';

/** Where a scenario can be found by whoever opens the link. */
export type ShareSource = (s: Scenario) => { shipped: boolean; path?: string };

export function shareSection(run: LoadedRun, source: ShareSource): HTMLElement {
  const out = h('div', { class: 'share-out', role: 'status' });
  const fieldId = newId('share-link');
  const download = () => {
    const name = replayFileName(run.timeline.scenario.id, run.timeline.seed);
    downloadText(name, `${JSON.stringify(run.replay, null, 2)}\n`);
    return name;
  };
  const make = async () => {
    setChildren(out, h('p', { class: 'muted small' }, 'Packing the run…'));
    const s = run.timeline.scenario;
    const link = await runLink(run.replay, s, location.href, source(s));
    if (!link.ok) {
      setChildren(
        out,
        h('p', { class: 'small' }, h('strong', null, 'No link: '), link.reason),
        h('button', { type: 'button', class: 'btn small-btn', on: { click: () => setChildren(out, h('p', { class: 'small' }, `Saved ${download()}.`)) } }, 'Download the replay file'),
      );
      return;
    }
    const field = h('input', { id: fieldId, class: 'share-url mono', type: 'text', readonly: true, value: link.url, 'aria-label': 'Share link' });
    const copied = h('span', { class: 'small muted', 'aria-live': 'polite' });
    const copy = async () => {
      field.select();
      try {
        await navigator.clipboard.writeText(link.url);
        copied.textContent = 'Copied.';
      } catch {
        copied.textContent = 'Select the link and copy it (Ctrl+C).';
      }
    };
    setChildren(
      out,
      h('div', { class: 'fac-controls' }, field, h('button', { type: 'button', class: 'btn small-btn', on: { click: () => void copy() } }, 'Copy'), copied),
      h('p', { class: 'muted small' }, `${link.length} characters. Whoever opens it on this site sees exactly this run, checked turn by turn.`),
    );
    field.focus();
    field.select();
  };
  return h(
    'section',
    { class: 'report-section share-run' },
    h('h3', null, 'Share this run'),
    h(
      'p',
      { class: 'muted small' },
      'A link that opens exactly this run (scenario, seed and every decision) in the viewer. A long run, or one on a scenario loaded from your computer, is shared as the replay file instead.',
    ),
    h('button', { type: 'button', class: 'btn', on: { click: () => void make() } }, 'Make a share link'),
    out,
  );
}
