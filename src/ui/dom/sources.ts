// Sources and sourced figures: every real-world number can show where it comes from.
import type { FigureDef, Scenario, SourceDef } from '../../scenario/schema.ts';
import { citedText } from './cited-text.ts';
import { h } from './h.ts';
import { icon } from './icons.ts';

export function sourceText(src: SourceDef): string {
  return `${src.publisher}, “${src.title}” (${src.date})`;
}

/**
 * Where a student can read a source: its own address, or else a web search for its
 * publisher, title and date (the scenario records no address for it).
 */
export function sourceLink(src: SourceDef): { href: string; label: string; search: boolean } {
  if (src.url) return { href: src.url, label: 'Read the source', search: false };
  const q = `${src.publisher} ${src.title} ${src.date}`;
  return { href: `https://duckduckgo.com/?q=${encodeURIComponent(q)}`, label: 'Search for this source', search: true };
}

/** The full reference: publisher, title, date, what it says, and a link. Authors' notes never show. */
export function sourceBody(src: SourceDef): HTMLElement {
  const link = sourceLink(src);
  return h(
    'span',
    { class: 'source-body' },
    h('span', { class: 'source-publisher' }, src.publisher),
    ', ',
    h('cite', null, src.title),
    ` (${src.date}).`,
    src.note ? h('span', { class: 'source-note' }, ` ${src.note}`) : null,
    ' ',
    h(
      'a',
      { class: `source-link${link.search ? ' search' : ''}`, href: link.href, target: '_blank', rel: 'noopener noreferrer' },
      link.label,
      icon('link', 'link-icon'),
      h('span', { class: 'sr-only' }, ' (opens in a new tab)'),
    ),
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
    fig.note ? h('span', { class: 'figure-note' }, ' ', citedText(scenario, fig.note)) : null,
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
