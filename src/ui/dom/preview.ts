// The planning preview: the engine's modifiers for the planned levers next to those in
// force, as a table. It shows what computeModifiers says; it predicts no outcome.
import type { Modifiers } from '../../engine/effects.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { formatIndex, formatPoints, formatShare } from '../app/format.ts';
import { h } from './h.ts';

interface Row {
  label: string;
  next: string;
  now: string;
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-9;

export function previewRows(scenario: Scenario, next: Modifiers, now: Modifiers, roleId: string): Row[] {
  const rows: Row[] = [];
  const add = (label: string, a: number, b: number, fmt: (n: number) => string, always = false) => {
    if (always || a !== 0 || b !== 0) rows.push({ label, next: fmt(a), now: fmt(b) });
  };
  add(`Cost of your levers per turn`, next.costByRole[roleId] ?? 0, now.costByRole[roleId] ?? 0, formatPoints, true);
  add('Collateral harm to legitimate users (per turn)', next.collateral, now.collateral, (n) => `+${formatIndex(n)}`, true);
  add('Escalation risk (per turn)', next.escalation, now.escalation, (n) => `+${formatIndex(n)}`, true);
  for (const s of scenario.sectors)
    add(`${s.name}: attempts blocked once built up (months)`, next.defense[s.id] ?? 0, now.defense[s.id] ?? 0, formatShare);
  for (const stage of scenario.laundering.stages)
    for (const c of stage.channels) {
      add(`${c.name}: share of funds frozen`, next.freeze[c.id] ?? 0, now.freeze[c.id] ?? 0, formatShare);
      add(`${c.name}: capacity cut`, next.deter[c.id] ?? 0, now.deter[c.id] ?? 0, formatShare);
    }
  add('Adversary capability cut once built up (months)', next.degrade, now.degrade, formatShare);
  for (const x of scenario.regime.income)
    add(`${x.name}: income cut once built up (months)`, next.incomeCut[x.id] ?? 0, now.incomeCut[x.id] ?? 0, formatShare);
  add('Fresh stablecoin loot frozen by issuers', next.issuerFreeze, now.issuerFreeze, formatShare);
  if (!same(next.coalition, 1) || !same(now.coalition, 1))
    rows.push({ label: 'Coalition multiplier on freezes and capacity cuts', next: `×${next.coalition.toFixed(2)}`, now: `×${now.coalition.toFixed(2)}` });
  return rows;
}

export function planPreview(scenario: Scenario, next: Modifiers, now: Modifiers, roleId: string): HTMLElement {
  const rows = previewRows(scenario, next, now, roleId);
  return h(
    'div',
    null,
    h(
      'table',
      { class: 'data preview-table' },
      h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Effect'), h('th', { scope: 'col' }, 'With this plan'), h('th', { scope: 'col' }, 'In force now'))),
      h(
        'tbody',
        null,
        rows.map((r) => {
          const changed = r.next !== r.now;
          return h(
            'tr',
            { class: changed ? 'changed' : '' },
            h('th', { scope: 'row' }, r.label),
            h('td', null, r.next, changed ? h('span', { class: 'tag' }, ' changed') : null),
            h('td', null, r.now),
          );
        }),
      ),
    ),
    h(
      'p',
      { class: 'muted small' },
      'The levers’ direct effects, as the scenario defines them. Freezes and capacity cuts act this month; defences and pressure build up over the coming months and erode when funding stops. What the adversary does in response is decided when the turn resolves.',
    ),
  );
}
