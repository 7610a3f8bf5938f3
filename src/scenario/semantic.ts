// Checks the schema cannot express: ids unique, every reference resolving, turns inside
// the calendar, budgets that can be met, numbers that make sense together. Runs only on
// a scenario that passed the schema, and reports every finding at the offending node.
import { type DataPath, type Diagnostic, formatPath, type Severity } from './diagnostics.ts';
import { checkDesign } from './plausibility-design.ts';
import { checkScale } from './plausibility-scale.ts';
import type { Scenario } from './schema.ts';
import { checkAssessment } from './semantic-assessment.ts';
import { checkBounds } from './semantic-bounds.ts';
import { checkConditions } from './semantic-events.ts';
import { checkPlans } from './semantic-plans.ts';
import { checkRef, type Reporter } from './semantic-report.ts';
import { checkValues } from './semantic-values.ts';
import type { Locate } from './source-text.ts';
import { listOf } from './suggest.ts';

export function semanticCheck(s: Scenario, locate: Locate, file = '<scenario>'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const add = (severity: Severity) => (path: DataPath, message: string, part?: 'key') => {
    const p = locate(path, part);
    out.push({ file: p.file ?? file, line: p.line, column: p.column, path: formatPath(path), message, severity });
  };
  const r: Reporter = { error: add('error'), warn: add('warning') };
  checkUniqueIds(s, r);
  checkReferences(s, r);
  checkPlans(s, r);
  checkConditions(s, r);
  checkAssessment(s, r);
  checkValues(s, r);
  // Plausibility: warnings only, and only when nothing above is an error (an error's
  // knock-on effects would otherwise be reported twice, in less helpful words). The
  // worst-case bounds below are errors a slip of units usually causes, so the warning that
  // names the slip ("did you mean 28000000?") is worth showing beside them.
  if (!out.some((d) => d.severity === 'error')) {
    checkScale(s, r);
    checkDesign(s, r);
  }
  checkBounds(s, r);
  return out;
}

type Entry = { id: string; path: DataPath };

function checkUniqueIds(s: Scenario, r: Reporter): void {
  const stages = s.laundering.stages;
  const groups: [string, Entry[]][] = [
    ['role', s.roles.map((x, i) => ({ id: x.id, path: ['roles', i] }))],
    ['sector', s.sectors.map((x, i) => ({ id: x.id, path: ['sectors', i] }))],
    ['stage', stages.map((x, i) => ({ id: x.id, path: ['laundering', 'stages', i] }))],
    ['channel', stages.flatMap((st, i) => st.channels.map((c, j) => ({ id: c.id, path: ['laundering', 'stages', i, 'channels', j] })))],
    ['lever', s.levers.map((x, i) => ({ id: x.id, path: ['levers', i] }))],
    ['missile', s.missiles.map((x, i) => ({ id: x.id, path: ['missiles', i] }))],
    // Scripted and random events share one namespace: reports and replays name events by id.
    [
      'event',
      [
        ...s.events.scripted.map((x, i) => ({ id: x.id, path: ['events', 'scripted', i] })),
        ...s.events.random.map((x, i) => ({ id: x.id, path: ['events', 'random', i] })),
        ...s.events.conditional.map((x, i) => ({ id: x.id, path: ['events', 'conditional', i] })),
      ],
    ],
    ['objective', s.objectives.map((x, i) => ({ id: x.id, path: ['objectives', i] }))],
  ];
  for (const [kind, entries] of groups) {
    const first = new Map<string, DataPath>();
    for (const e of entries) {
      const earlier = first.get(e.id);
      if (earlier)
        r.error([...e.path, 'id'], `the ${kind} id "${e.id}" is already used by ${formatPath(earlier)}; ids must be unique, so rename one`);
      else first.set(e.id, e.path);
    }
  }
}

function checkReferences(s: Scenario, r: Reporter): void {
  const roles = s.roles.map((x) => x.id);
  const sectors = s.sectors.map((x) => x.id);
  const channels = s.laundering.stages.flatMap((st) => st.channels.map((c) => c.id));
  const missiles = s.missiles.map((x) => x.id);

  s.levers.forEach((lever, i) => {
    checkRef(r, 'role', lever.role, roles, ['levers', i, 'role']);
    lever.effects.forEach((e, j) => {
      const at = ['levers', i, 'effects', j];
      if (e.type === 'defense') checkRef(r, 'sector', e.sector, sectors, [...at, 'sector']);
      if (e.type === 'freeze' && e.channel !== 'all') checkRef(r, 'channel', e.channel, channels, [...at, 'channel'], ' (or "all")');
      if (e.type === 'deter' && e.channel === 'all')
        r.error([...at, 'channel'], `"all" works only for freeze effects; a deter effect names one channel: ${listOf(channels)}`);
      else if (e.type === 'deter') checkRef(r, 'channel', e.channel, channels, [...at, 'channel']);
    });
  });

  for (const kind of ['scripted', 'random', 'conditional'] as const) {
    s.events[kind].forEach((ev, i) => {
      ev.effects.forEach((e, j) => {
        const at = ['events', kind, i, 'effects', j];
        if (e.type === 'heist' || e.type === 'vulnerability') checkRef(r, 'sector', e.sector, sectors, [...at, 'sector']);
        if (e.type === 'launch') checkRef(r, 'missile', e.missile, missiles, [...at, 'missile']);
      });
    });
  }
  checkSources(s, r);
}

/** Every `source` field anywhere (levers, events, channels, Figures …) must name an entry of `sources`. */
function checkSources(s: Scenario, r: Reporter): void {
  const known = Object.keys(s.sources);
  const fix = '; add it under `sources:` or correct the key';
  const walk = (v: unknown, path: DataPath): void => {
    if (Array.isArray(v)) for (const [i, item] of v.entries()) walk(item, [...path, i]);
    else if (typeof v === 'object' && v !== null)
      for (const [k, child] of Object.entries(v)) {
        if (path.length === 0 && k === 'sources') continue;
        if (k === 'source' && typeof child === 'string') checkRef(r, 'source', child, known, [...path, k], fix);
        else walk(child, [...path, k]);
      }
  };
  walk(s, []);
}
