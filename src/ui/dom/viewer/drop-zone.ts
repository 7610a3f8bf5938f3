// A file picker that is also a clearly marked drop target. The real <input type=file> is
// the labelled control; dropping files on the zone hands them to the same callback.
import { h, newId } from '../h.ts';
import { icon } from '../icons.ts';

export interface DropZoneOptions {
  label: string;
  hint: string;
  multiple?: boolean;
  compact?: boolean;
  onFiles(files: File[]): void;
}

const hasFiles = (ev: DragEvent) => Array.from(ev.dataTransfer?.types ?? []).includes('Files');

export function dropZone(opts: DropZoneOptions): HTMLElement {
  const id = newId('replay-file');
  const hintId = `${id}-hint`;
  const input = h('input', {
    type: 'file',
    id,
    class: 'file-input',
    accept: '.json,application/json',
    multiple: opts.multiple ?? false,
    'aria-describedby': hintId,
    on: {
      change: () => {
        const files = Array.from(input.files ?? []);
        input.value = '';
        if (files.length) opts.onFiles(files);
      },
    },
  });
  const zone = h(
    'div',
    { class: `drop-zone${opts.compact ? ' compact' : ''}`, dataset: { dropZone: opts.label } },
    h('label', { for: id, class: 'drop-label' }, opts.label),
    input,
    h('p', { class: 'drop-hint small', id: hintId }, icon('arrowDown', 'drop-icon'), opts.hint),
  );
  let depth = 0;
  zone.addEventListener('dragenter', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    depth += 1;
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragover', (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'copy';
  });
  zone.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (depth === 0) zone.classList.remove('dragging');
  });
  zone.addEventListener('drop', (ev) => {
    ev.preventDefault();
    depth = 0;
    zone.classList.remove('dragging');
    const files = Array.from(ev.dataTransfer?.files ?? []);
    if (files.length) opts.onFiles(opts.multiple ? files : files.slice(0, 1));
  });
  return zone;
}

let guarded = false;

/**
 * A file dropped just beside a zone would make the browser navigate away to it (and lose
 * the page); swallow such drops everywhere except on native file inputs.
 */
export function guardStrayDrops(): void {
  if (guarded) return;
  guarded = true;
  const isFileInput = (t: EventTarget | null) => t instanceof HTMLInputElement && t.type === 'file';
  window.addEventListener('dragover', (ev) => {
    if (ev.defaultPrevented || !hasFiles(ev) || isFileInput(ev.target)) return;
    ev.preventDefault();
    if (ev.dataTransfer) ev.dataTransfer.dropEffect = 'none';
  });
  window.addEventListener('drop', (ev) => {
    if (!isFileInput(ev.target)) ev.preventDefault();
  });
}
