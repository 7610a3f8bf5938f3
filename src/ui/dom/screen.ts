// What every game screen gets from the app, and what it gives back.
import type { Action } from '../../engine/events-types.ts';
import type { GameSession, SendResult } from '../../engine/session.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { MoneyView } from '../app/format.ts';
import { h } from './h.ts';

export interface GameView {
  session: GameSession;
  scenario: Scenario;
  money: MoneyView;
  players: number;
  /** Send a player's action from `seat` (a role id) to the engine; accepted events are autosaved. */
  act(seat: string, action: Action): SendResult;
}

export interface Screen {
  /** Identity: the app rebuilds the screen when the key changes and calls update otherwise. */
  key: string;
  el: HTMLElement;
  /** Where focus goes when the screen appears (its heading). */
  heading: HTMLElement;
  update?(): void;
  destroy?(): void;
}

/** A screen's main heading, focusable so that keyboard and screen-reader users land on it. */
export function heading(text: string, sub?: string | HTMLElement | null): HTMLElement {
  return h('header', { class: 'screen-head' }, h('h2', { tabindex: -1 }, text), sub ? h('p', { class: 'screen-sub' }, sub) : null);
}

export function focusTarget(head: HTMLElement): HTMLElement {
  return head.querySelector('h2') ?? head;
}

/** Where in the game a screen is, for the guidance that belongs there. */
export type GuideMoment = { phase: 'briefing' | 'debrief' } | { phase: 'planning' | 'report'; turn: number };

/** The tutorial guide's text for this moment, if the scenario has one. */
export function guideText(scenario: Scenario, at: GuideMoment): string | undefined {
  const g = scenario.briefing.guide;
  if (!g) return undefined;
  switch (at.phase) {
    case 'briefing':
    case 'debrief':
      return g[at.phase];
    case 'planning':
    case 'report':
      return g.turns[String(at.turn)]?.[at.phase];
  }
}

function guideWhen(at: GuideMoment): string {
  switch (at.phase) {
    case 'briefing':
      return 'before you start';
    case 'debrief':
      return 'the debrief';
    case 'planning':
      return `turn ${at.turn}, planning`;
    case 'report':
      return `turn ${at.turn}, the report`;
  }
}

/**
 * Guidance for this moment: the tutorial guide's step, open, when there is one; otherwise
 * the scenario's general guidance, folded (it can be long).
 */
export function guidance(scenario: Scenario, at: GuideMoment): HTMLElement | null {
  const step = guideText(scenario, at);
  if (step) {
    const when = guideWhen(at);
    return h('aside', { class: 'callout guide', 'aria-label': 'Guide' }, h('p', { class: 'guide-when' }, `Guide · ${when}`), paragraphs(step));
  }
  const g = scenario.briefing.guidance;
  if (!g) return null;
  return h('details', { class: 'callout guidance' }, h('summary', null, 'Guidance for this scenario'), h('div', { class: 'guidance-body' }, paragraphs(g)));
}

/** Multi-paragraph text from a scenario (blank lines separate paragraphs). */
export function paragraphs(text: string): HTMLElement[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => h('p', null, p));
}
