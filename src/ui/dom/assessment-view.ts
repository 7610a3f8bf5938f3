// Assessment material for the table: a role's own briefing and objectives while it plans
// (open on turn 1, one click away afterwards), and the debrief questions at the end.
import type { Scenario } from '../../scenario/schema.ts';
import { h } from './h.ts';

export function roleBrief(s: Scenario, roleId: string, turn: number): HTMLElement | null {
  const g = s.assessment?.roles.find((r) => r.role === roleId);
  if (!g) return null;
  const name = s.roles.find((r) => r.id === roleId)?.name ?? roleId;
  return h(
    'details',
    { class: 'role-brief', open: turn <= 1 },
    h('summary', null, h('strong', null, `Your brief: ${name}`)),
    h('p', null, g.briefing),
    h('h4', null, 'You are judged on'),
    h('ul', null, g.objectives.map((o) => h('li', null, o))),
  );
}

/** The scenario's debrief questions, for the whole table at the end of the game. */
export function debriefQuestions(s: Scenario): HTMLElement | null {
  const qs = s.assessment?.debrief;
  if (!qs?.length) return null;
  return h(
    'section',
    { class: 'report-section debrief-questions' },
    h('h3', null, 'Discussion questions'),
    h('ol', null, qs.map((q) => h('li', null, q))),
    h('p', { class: 'muted small' }, 'Export the report from the debrief viewer for the after-action report: strengths and areas for improvement per learning objective, with this run’s figures as evidence.'),
  );
}
