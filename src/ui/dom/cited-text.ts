// Scenario prose cites sources by their calibration keys ("(S32)"). Students cannot look
// those up, so each key that names a source of the scenario becomes a "source" disclosure
// with the citation and its link; a key the scenario does not list stays as written.
import type { Scenario } from '../../scenario/schema.ts';
import { h } from './h.ts';
import { sourceBody } from './sources.ts';

const KEY = /\bS(\d{1,2})\b/g;

/** The scenario's source whose key is the calibration key `S<n>` ("s32-laundering-2021"). */
export function sourceForKey(s: Scenario, n: string): string | undefined {
  const prefix = `s${Number(n)}-`;
  return Object.keys(s.sources).find((k) => k.startsWith(prefix) || k === `s${Number(n)}`);
}

export function citedText(s: Scenario, text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(KEY)) {
    const key = sourceForKey(s, m[1]!);
    if (!key) continue;
    out.push(text.slice(last, m.index));
    out.push(
      h(
        'details',
        { class: 'cite inline' },
        h('summary', null, 'source', h('span', { class: 'sr-only' }, ` ${m[0]}`)),
        h('span', { class: 'cite-body' }, sourceBody(s.sources[key]!)),
      ),
    );
    last = m.index + m[0].length;
  }
  out.push(text.slice(last));
  return out;
}
