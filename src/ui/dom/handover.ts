// Hot-seat hand-over: hides the previous player's plan until the next player is ready.
import { turnLabel } from '../../engine/state.ts';
import { playerOfRole, rolesByPlayer } from '../app/hotseat.ts';
import { h } from './h.ts';
import { icon } from './icons.ts';
import { type GameView, heading, type Screen } from './screen.ts';

export function handoverScreen(view: GameView, roleId: string, onReady: () => void): Screen {
  const { scenario, session } = view;
  const idx = scenario.roles.findIndex((r) => r.id === roleId);
  const role = scenario.roles[idx]!;
  const player = playerOfRole(idx, scenario.roles.length, view.players);
  const held = rolesByPlayer(scenario.roles, view.players)[player] ?? [role];
  const others = held.filter((r) => r.id !== roleId);
  const turn = session.game.turn;
  const head = heading(`Pass to the ${role.name}`, `Player ${player + 1} of ${view.players} · turn ${turn} (${turnLabel(scenario, turn)})`);
  const el = h(
    'section',
    { class: 'screen handover', 'aria-label': 'Hand-over' },
    h(
      'div',
      { class: 'handover-card' },
      h('div', { class: 'handover-icon', 'aria-hidden': 'true' }, icon('swap')),
      head,
      h('p', null, `Hand the screen to player ${player + 1}. Only the ${role.name} should look at the next screen: it shows that role’s levers and budget, nobody else’s.`),
      others.length ? h('p', { class: 'muted' }, `Player ${player + 1} also plays the ${others.map((r) => r.name).join(' and the ')} this turn.`) : null,
      h('button', { type: 'button', class: 'btn primary', on: { click: onReady } }, `I am the ${role.name} — show my levers`),
    ),
  );
  return { key: `handover:${turn}:${roleId}`, el, heading: head };
}
