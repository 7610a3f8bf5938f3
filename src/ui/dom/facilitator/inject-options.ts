// The scenario's events as a facilitator chooses among them: grouped by kind, each with its
// title, when it would normally happen and a short excerpt of its text.
import type { Scenario } from '../../../scenario/schema.ts';

export type InjectKind = 'scripted' | 'random' | 'conditional';

export interface InjectOption {
  id: string;
  kind: InjectKind;
  title: string;
  text: string;
  /** When the scenario would make it happen on its own. */
  usually: string;
}

export const KIND_LABEL: Record<InjectKind, string> = {
  scripted: 'Scripted events',
  random: 'Random events',
  conditional: 'Conditional events',
};

export function injectOptions(s: Scenario): InjectOption[] {
  const { scripted, random, conditional } = s.events;
  return [
    ...scripted.map((e) => ({ id: e.id, kind: 'scripted' as const, title: e.title, text: e.text, usually: `scheduled for turn ${e.turn}` })),
    ...random.map((e) => ({ id: e.id, kind: 'random' as const, title: e.title, text: e.text, usually: `${percent(e.probability)} chance a turn` })),
    ...conditional.map((e) => ({ id: e.id, kind: 'conditional' as const, title: e.title, text: e.text, usually: 'happens when its condition is met' })),
  ];
}

/** The first words of a text, cut at a word boundary: enough to tell events apart in a list. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:—-]+$/, '')}…`;
}

const percent = (p: number) => `${Math.round(p * 1000) / 10}%`;
