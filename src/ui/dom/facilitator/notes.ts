// The scenario's facilitator guide in the facilitator panel: before turn 1 the learning
// objectives, in each turn that turn's notes and discussion questions (and a glimpse of
// the next turn's while the report is up), and the debrief questions at the end.
import type { GameSession } from '../../../engine/session.ts';
import { turnLabel } from '../../../engine/state.ts';
import type { Scenario } from '../../../scenario/schema.ts';
import { h, newId, setChildren } from '../h.ts';

type Guide = NonNullable<Scenario['assessment']>['turns'][number];

const guideFor = (s: Scenario, turn: number): Guide | undefined => s.assessment?.turns.find((g) => g.turn === turn);

function guideBlock(s: Scenario, turn: number, g: Guide, lead: string): HTMLElement {
  const src = g.source ? s.sources[g.source] : undefined;
  return h(
    'div',
    { class: 'fac-guide', dataset: { turn: String(turn) } },
    h('h4', { class: 'fac-guide-title' }, `${lead} — turn ${turn} (${turnLabel(s, turn)})`),
    g.notes ? h('p', null, g.notes) : null,
    g.questions.length ? h('p', { class: 'fac-label' }, 'Ask the players:') : null,
    g.questions.length ? h('ul', { class: 'fac-questions' }, g.questions.map((q) => h('li', null, q))) : null,
    src ? h('p', { class: 'muted small' }, `Source: ${src.publisher}, ${src.title} (${src.date}).`) : null,
  );
}

export function notesBlock(session: GameSession): { el: HTMLElement; refresh(): void } {
  const s = session.scenario;
  const bodyId = newId('fac-notes');
  const body = h('div', { class: 'fac-notes-body', id: bodyId });
  let shown = true;
  const toggle = h('button', {
    type: 'button',
    class: 'btn ghost small-btn',
    'aria-expanded': 'true',
    'aria-controls': bodyId,
    on: {
      click: () => {
        shown = !shown;
        toggle.setAttribute('aria-expanded', String(shown));
        toggle.textContent = shown ? 'Hide notes' : 'Show notes';
        body.hidden = !shown;
      },
    },
  }, 'Hide notes');
  const el = h('section', { class: 'fac-notes', 'aria-label': 'Facilitator notes' }, h('div', { class: 'fac-notes-head' }, h('span', { class: 'fac-label' }, 'Facilitator notes'), toggle), body);
  const a = s.assessment;
  if (!a) {
    setChildren(body, h('p', { class: 'muted small' }, 'This scenario has no facilitator notes (an `assessment` section in the scenario file adds them).'));
    return { el, refresh() {} };
  }
  return {
    el,
    refresh() {
      const g = session.game;
      const phase = session.phase;
      if (phase === 'setup' || phase === 'briefing') {
        const first = guideFor(s, 1);
        setChildren(
          body,
          h('p', { class: 'fac-label' }, 'Learning objectives'),
          h('ul', null, a.learningObjectives.map((lo) => h('li', null, lo.text))),
          first ? guideBlock(s, 1, first, 'First') : null,
        );
        return;
      }
      if (phase === 'debrief') {
        setChildren(body, h('p', { class: 'fac-label' }, 'Debrief questions'), h('ol', { class: 'fac-questions' }, a.debrief.map((q) => h('li', null, q))));
        return;
      }
      const now = guideFor(s, g.turn);
      const next = phase === 'report' && g.turn < g.turnsTotal ? guideFor(s, g.turn + 1) : undefined;
      setChildren(
        body,
        now ? guideBlock(s, g.turn, now, 'This turn') : h('p', { class: 'muted small' }, `No notes for turn ${g.turn}.`),
        next ? guideBlock(s, g.turn + 1, next, 'Coming next') : null,
      );
    },
  };
}
