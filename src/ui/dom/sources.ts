// Sources and sourced figures: every real-world number can show where it comes from.
import type { FigureDef, Scenario, SourceDef } from '../../scenario/schema.ts';
import { h } from './h.ts';

export function sourceText(src: SourceDef): string {
  return `${src.publisher}, “${src.title}” (${src.date})`;
}

/** The full reference: publisher, title, date, link and note. */
export function sourceBody(src: SourceDef): HTMLElement {
  return h(
    'span',
    { class: 'source-body' },
    h('span', { class: 'source-publisher' }, src.publisher),
    ', ',
    h('cite', null, src.title),
    ` (${src.date})`,
    src.url ? [' — ', h('a', { href: src.url, target: '_blank', rel: 'noopener noreferrer' }, src.url)] : null,
    src.note ? h('span', { class: 'source-note' }, ` ${src.note}`) : null,
  );
}

/**
 * A disclosure that shows a source on demand. `label` names what is sourced so the
 * control reads well out of context ("Source for SRBM cost").
 */
export function cite(scenario: Scenario, key: string | undefined, what?: string): HTMLElement | null {
  if (!key) return null;
  const src = scenario.sources[key];
  return h(
    'details',
    { class: 'cite' },
    h('summary', null, 'Source', what ? h('span', { class: 'sr-only' }, ` for ${what}`) : null),
    h('div', { class: 'cite-body' }, src ? sourceBody(src) : `Source “${key}” is not listed in this scenario.`),
  );
}

const CONFIDENCE_TEXT: Record<FigureDef['confidence'], string> = {
  documented: 'documented',
  estimate: 'estimate',
  disputed: 'disputed',
  assumption: 'game assumption',
};

/** A sourced figure: its formatted value, how sure it is, its note and its source. */
export function figure(scenario: Scenario, fig: FigureDef, formatted: string, what: string): HTMLElement {
  return h(
    'span',
    { class: 'figure' },
    h('span', { class: 'figure-value' }, formatted),
    ' ',
    h('span', { class: `badge conf-${fig.confidence}` }, CONFIDENCE_TEXT[fig.confidence]),
    fig.note ? h('span', { class: 'figure-note' }, ` ${fig.note}`) : null,
    cite(scenario, fig.source, what),
  );
}

/** The scenario's reading list, less the sources of events players may not know of yet. */
export function sourceList(scenario: Scenario, hidden: ReadonlySet<string> = new Set()): HTMLElement {
  const entries = Object.entries(scenario.sources).filter(([key]) => !hidden.has(key));
  if (entries.length === 0) return h('p', { class: 'muted' }, 'This scenario lists no sources: its figures are game assumptions.');
  return h(
    'ol',
    { class: 'source-list' },
    entries.map(([key, src]) => h('li', { id: `source-${key}` }, h('span', { class: 'source-key' }, `[${key}] `), sourceBody(src))),
  );
}
