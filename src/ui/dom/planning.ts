// Planning for one role: its levers as labelled radio groups, its budget, a live preview of
// what the plan is expected to do over the rest of the game (seeded runs in the what-if
// worker) with the levers' direct effects beneath it, refusals, and Commit.
import { computeModifiers } from '../../engine/effects.ts';
import { revealedEvents } from '../../engine/history.ts';
import { roleSpend } from '../../engine/rules.ts';
import { sendProblem } from '../../engine/run.ts';
import { turnLabel } from '../../engine/state.ts';
import type { LeverDef } from '../../scenario/schema.ts';
import { describeEffect, describeSideEffects, levelLabel, leverKind } from '../app/describe.ts';
import { formatPoints } from '../app/format.ts';
import { whatIf } from '../whatif/client.ts';
import { roleBrief } from './assessment-view.ts';
import { citedText } from './cited-text.ts';
import { h, newId, setChildren } from './h.ts';
import { LivePreview } from './plan-preview.ts';
import { planPreview } from './preview.ts';
import { type GameView, guidance, heading, type Screen } from './screen.ts';
import { cite } from './sources.ts';

export function planningScreen(view: GameView, roleId: string): Screen {
  const { scenario, session } = view;
  const game = session.game;
  const roleIndex = scenario.roles.findIndex((r) => r.id === roleId);
  const role = scenario.roles[roleIndex]!;
  const levers = scenario.levers.filter((l) => l.role === roleId);

  const sub =
    view.players === 1 && scenario.roles.length > 1
      ? `${role.name} · role ${roleIndex + 1} of ${scenario.roles.length} this turn`
      : role.name;
  const head = heading(`Turn ${game.turn} of ${game.turnsTotal} · ${turnLabel(scenario, game.turn)}`, sub);

  const alert = h('div', { class: 'refusal', role: 'alert' });
  const budgetText = h('p', { class: 'budget-text' });
  const budgetBar = h('div', { class: 'meter-fill' });
  const budget = h(
    'section',
    { class: 'budget', 'aria-label': 'Budget' },
    budgetText,
    h('div', { class: 'meter', 'aria-hidden': 'true' }, budgetBar),
    alert,
  );
  const previewBox = h('div', { class: 'preview-body' });
  const live = new LivePreview(scenario, () => session.game, view.money, whatIf());
  const radios = new Map<string, HTMLInputElement[]>();

  const setLevel = (lever: LeverDef, level: number) => {
    const r = view.act(roleId, { type: 'SET_LEVER', lever: lever.id, level });
    // The app re-renders after every send; only the refusal is this screen's to show.
    setChildren(alert, r.ok ? null : h('p', null, h('strong', null, 'Not possible: '), sendProblem(r)));
    if (!r.ok) refresh();
  };

  const leverCards = levers.map((lever) => {
    const name = `lever-${lever.id}`;
    const inputs: HTMLInputElement[] = [];
    const options = [];
    for (let level = 0; level <= lever.maxLevel; level++) {
      const id = newId(name);
      const input = h('input', {
        type: 'radio',
        id,
        name,
        value: String(level),
        'aria-label': `${levelLabel(level)}, ${spokenPoints(lever.costPerLevel * level)}`,
        on: { change: () => setLevel(lever, level) },
      });
      inputs.push(input);
      options.push(
        h(
          'label',
          { for: id, class: 'level-option' },
          input,
          h('span', { class: 'level-name' }, levelLabel(level)),
          h('span', { class: 'level-cost' }, formatPoints(lever.costPerLevel * level)),
        ),
      );
    }
    radios.set(lever.id, inputs);
    const inForce = game.levers[lever.id] ?? 0;
    return h(
      'fieldset',
      { class: `lever kind-${lever.kind}` },
      h('legend', null, h('span', { class: 'lever-name' }, lever.name), ' ', h('span', { class: 'badge' }, leverKind(lever))),
      h('p', { class: 'lever-desc' }, citedText(scenario, lever.description)),
      h('div', { class: 'levels' }, options),
      h(
        'ul',
        { class: 'lever-facts' },
        lever.effects.map((e) => h('li', null, describeEffect(scenario, e))),
        h('li', null, `Cost ${formatPoints(lever.costPerLevel)} per level per turn. Side effects: ${describeSideEffects(lever)}.`),
        h('li', null, `In force since last turn: ${levelLabel(inForce).toLowerCase()}.`),
      ),
      lever.precedent ? h('p', { class: 'precedent' }, h('strong', null, 'Precedent: '), citedText(scenario, lever.precedent)) : null,
      cite(scenario, lever.source, lever.name),
    );
  });

  const commit = h(
    'button',
    { type: 'button', class: 'btn primary', on: { click: () => doCommit() } },
    `Commit plan — ${role.name}`,
  );
  const doCommit = () => {
    const r = view.act(roleId, { type: 'COMMIT' });
    if (!r.ok) setChildren(alert, h('p', null, h('strong', null, 'Not possible: '), sendProblem(r)));
  };

  function refresh(): void {
    const draft = session.game.draft;
    for (const [leverId, inputs] of radios) {
      const level = draft[leverId] ?? 0;
      inputs.forEach((input, i) => {
        input.checked = i === level;
      });
    }
    const spent = roleSpend(scenario, draft, roleId);
    const left = role.budgetPerTurn - spent;
    budgetText.textContent = `Budget: ${formatPoints(spent)} used of ${formatPoints(role.budgetPerTurn)} · ${formatPoints(left)} left this turn`;
    budgetBar.style.width = `${role.budgetPerTurn > 0 ? Math.min(100, (spent / role.budgetPerTurn) * 100) : 0}%`;
    // With several players the preview shows this role's plan against the other roles'
    // levers as they stand, so nobody sees another role's undisclosed draft.
    const mine = new Set(levers.map((l) => l.id));
    const levels =
      view.players > 1
        ? Object.fromEntries(Object.entries(session.game.levers).map(([k, v]) => [k, mine.has(k) ? (draft[k] ?? 0) : v]))
        : draft;
    setChildren(previewBox, planPreview(scenario, computeModifiers(scenario, levels), computeModifiers(scenario, session.game.levers), roleId));
    live.update(levels, session.game.levers, first);
    first = false;
  }
  let first = true;

  const previewId = newId('preview');
  const el = h(
    'section',
    { class: 'screen planning', 'aria-label': `Planning: ${role.name}` },
    head,
    h('p', { class: 'role-desc' }, role.description),
    roleBrief(scenario, roleId, game.turn),
    guidance(scenario, { phase: 'planning', turn: game.turn }),
    recordSoFar(view),
    budget,
    h('form', { class: 'levers', 'aria-label': `${role.name} levers`, on: { submit: (e) => e.preventDefault() } }, leverCards),
    live.el,
    h(
      'details',
      { class: 'preview' },
      h('summary', { id: previewId }, 'Direct effects of the levers, this turn'),
      previewBox,
    ),
    h('div', { class: 'actions sticky-actions plan-actions' }, live.line, commit),
  );
  refresh();
  return { key: `plan:${game.turn}:${roleId}`, el, heading: head, update: refresh, destroy: () => live.destroy() };
}

const spokenPoints = (n: number) => `${n} point${n === 1 ? '' : 's'}`;

/** The documented events of the months already played (never one still to come). */
function recordSoFar(view: GameView): HTMLElement | null {
  const events = revealedEvents(view.scenario, view.session.game.turn);
  if (events.length === 0) return null;
  return h(
    'details',
    { class: 'record-so-far' },
    h('summary', null, `The record so far (${events.length} event${events.length === 1 ? '' : 's'})`),
    h(
      'ul',
      null,
      events.map((e) => h('li', null, h('strong', null, `${e.label}: `), e.title, cite(view.scenario, e.source, e.title))),
    ),
  );
}
