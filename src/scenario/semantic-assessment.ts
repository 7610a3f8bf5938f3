// Checks on the assessment section: every role, objective, lever and event it names exists,
// notes fall inside the calendar, and each role and turn is written once.
import type { DataPath } from './diagnostics.ts';
import type { Scenario } from './schema.ts';
import { checkRef, type Reporter } from './semantic-report.ts';

export function checkAssessment(s: Scenario, r: Reporter): void {
  const a = s.assessment;
  if (!a) return;
  const roles = s.roles.map((x) => x.id);
  const objectives = s.objectives.map((x) => x.id);
  const levers = s.levers.map((x) => x.id);
  const events = [...s.events.scripted, ...s.events.random, ...s.events.conditional].map((x) => x.id);

  const seenLo = new Set<string>();
  a.learningObjectives.forEach((lo, i) => {
    const at: DataPath = ['assessment', 'learningObjectives', i];
    if (seenLo.has(lo.id)) r.error([...at, 'id'], `the learning objective id "${lo.id}" is used twice; ids must be unique, so rename one`);
    seenLo.add(lo.id);
    lo.evidence.forEach((x, j) => {
      const here: DataPath = [...at, 'evidence', j];
      if (x.objective !== undefined) checkRef(r, 'objective', x.objective, objectives, [...here, 'objective']);
      if (x.event !== undefined) checkRef(r, 'event', x.event, events, [...here, 'event']);
      if (x.lever !== undefined) {
        checkRef(r, 'lever', x.lever, levers, [...here, 'lever']);
        const lever = s.levers.find((l) => l.id === x.lever);
        if (lever && x.op === '>=' && x.level > lever.maxLevel)
          r.error([...here, 'level'], `"${lever.id}" goes up to level ${lever.maxLevel}; use a level from 1 to ${lever.maxLevel}`);
        if (x.byTurn !== undefined && x.byTurn > s.calendar.turns)
          r.error([...here, 'byTurn'], `turn ${x.byTurn} is after the last turn (${s.calendar.turns}); use a turn inside the game`);
      }
    });
  });

  const seenRole = new Set<string>();
  a.roles.forEach((g, i) => {
    const at: DataPath = ['assessment', 'roles', i, 'role'];
    checkRef(r, 'role', g.role, roles, at);
    if (seenRole.has(g.role)) r.error(at, `role "${g.role}" already has a briefing above; merge the two`);
    seenRole.add(g.role);
  });

  const seenTurn = new Map<number, number>();
  a.turns.forEach((g, i) => {
    const turn = g.turn ?? 0;
    const at: DataPath = ['assessment', 'turns', i, g.month !== undefined ? 'month' : 'turn'];
    if (turn > s.calendar.turns)
      r.error(at, `turn ${turn} is after the last turn of the game (${s.calendar.turns}); use a turn from 1 to ${s.calendar.turns}`);
    const earlier = seenTurn.get(turn);
    if (earlier !== undefined) r.error(at, `turn ${turn} already has notes (assessment.turns[${earlier}]); merge the two`);
    else seenTurn.set(turn, i);
  });
}
