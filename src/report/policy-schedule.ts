// A policy shown as a schedule: one row per lever it uses (grouped by role), one column
// per run of turns with the same levels. Text for the terminal, HTML for reports.
import { policySegments } from '../engine/balance/levels.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { table } from './format.ts';
import { escapeHtml as e } from './html.ts';

export interface ScheduleGrid {
  columns: string[];
  rows: { role: string; lever: string; levels: number[] }[];
}

export function scheduleGrid(scenario: Scenario, policy: PolicyDef): ScheduleGrid {
  const segments = policySegments(scenario, policy);
  const columns = segments.map((s) => (s.from === s.to ? `turn ${s.from}` : `turns ${s.from}–${s.to}`));
  const rows = scenario.roles.flatMap((role) =>
    scenario.levers
      .filter((l) => l.role === role.id && segments.some((s) => (s.levels[l.id] ?? 0) > 0))
      .map((l) => ({ role: role.name, lever: l.name, levels: segments.map((s) => s.levels[l.id] ?? 0) })),
  );
  return { columns, rows };
}

const cell = (v: number) => (v === 0 ? '·' : String(v));

export function scheduleText(scenario: Scenario, policy: PolicyDef): string {
  const g = scheduleGrid(scenario, policy);
  if (g.rows.length === 0) return '  (no lever raised)';
  return table(
    ['Role', 'Lever', ...g.columns],
    g.rows.map((r) => [r.role, r.lever, ...r.levels.map(cell)]),
    ['left', 'left', ...g.columns.map(() => 'right' as const)],
  )
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}

export function scheduleHtml(scenario: Scenario, policy: PolicyDef): string {
  const g = scheduleGrid(scenario, policy);
  if (g.rows.length === 0) return '<p>No lever raised.</p>';
  const head = `<tr><th>Role</th><th>Lever</th>${g.columns.map((c) => `<th>${e(c)}</th>`).join('')}</tr>`;
  const body = g.rows
    .map((r) => `<tr><td>${e(r.role)}</td><td class="text">${e(r.lever)}</td>${r.levels.map((v) => `<td>${cell(v)}</td>`).join('')}</tr>`)
    .join('');
  return `<table class="schedule"><thead>${head}</thead><tbody>${body}</tbody></table><p class="muted">Levels per lever; · is 0 (off).</p>`;
}
