// Checks on conditional events that follow another event or a lever: the names must exist,
// the level must be reachable, and the outcome must be one the event can have.
import type { DataPath } from './diagnostics.ts';
import type { Scenario } from './schema.ts';
import { checkRef, type Reporter } from './semantic-report.ts';

export function checkConditions(s: Scenario, r: Reporter): void {
  const all = [...s.events.scripted, ...s.events.random, ...s.events.conditional];
  const ids = all.map((e) => e.id);
  s.events.conditional.forEach((e, i) => {
    const w = e.when;
    const at: DataPath = ['events', 'conditional', i, 'when'];
    if (w.event !== undefined) {
      if (w.event === e.id) {
        r.error([...at, 'event'], `"${e.id}" cannot follow itself; name the event it follows`);
        return;
      }
      if (!ids.includes(w.event)) {
        checkRef(r, 'event', w.event, ids, [...at, 'event']);
        return;
      }
      const target = all.find((x) => x.id === w.event)!;
      const heists = target.effects.filter((fx) => fx.type === 'heist').length;
      if (w.outcome === 'blocked' && heists === 0)
        r.warn(
          [...at, 'outcome'],
          `"${w.event}" attempts no heist, so it is never blocked and "${e.id}" never happens; use outcome: happened, or follow an event with a heist effect`,
        );
      const scripted = s.events.scripted.find((x) => x.id === w.event);
      if (scripted && w.toTurn !== undefined && w.toTurn <= scripted.turn)
        r.warn(
          [...at, 'toTurn'],
          `"${w.event}" happens on turn ${scripted.turn}, and a follow-up can only fire from the turn after; toTurn ${w.toTurn} leaves it no turn to happen in`,
        );
    }
    if (w.lever !== undefined) {
      const lever = s.levers.find((l) => l.id === w.lever);
      if (!lever) checkRef(r, 'lever', w.lever, s.levers.map((l) => l.id), [...at, 'lever']);
      else if (w.op === '>=' && w.level > lever.maxLevel)
        r.error(
          [...at, 'level'],
          `"${lever.id}" goes up to level ${lever.maxLevel}, so "level >= ${w.level}" can never be true; use a level from 1 to ${lever.maxLevel}`,
        );
    }
  });
}
