// The adversary's reasoning, turn by turn, read from the model's own decision data: how it
// split its teams (its interest per sector), what that interest was built from (the
// success it remembered and the defences it saw), what each attempt's odds were, how it
// learned, and where deterrence pushed its laundering. Every sentence is a figure from the
// engine's reports and states; nothing is narrated that the model did not decide.
import type { TurnReport } from '../../engine/report.ts';
import { type AdversaryState, initialState } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { channelName, sectorName } from '../app/describe.ts';
import { formatMoney, formatShare, type MoneyView } from '../app/format.ts';
import { h } from './h.ts';

export interface AdversaryTurn {
  turn: number;
  label: string;
  /** Sectors the teams went to, most first, with the interest, memory and defence behind it. */
  sectors: { id: string; teams: number; successes: number; chance: number; interest: number; memory: number; defence: number; interestAfter: number }[];
  reroutedUsd: number;
  switchLossUsd: number;
  deterred: { channel: string; share: number }[];
}

/**
 * What the adversary decided each turn and why. `states[i]` is the state after turn i + 1
 * (the engine's checkpoints); the interest and memory in force during a turn are those
 * the previous turn left.
 */
export function adversaryTurns(s: Scenario, seed: string, reports: readonly TurnReport[], states: readonly { adversary: AdversaryState }[]): AdversaryTurn[] {
  const start = initialState(s, seed).adversary;
  return reports.map((r, i) => {
    const before = i === 0 ? start : (states[i - 1]?.adversary ?? start);
    const sectors = s.sectors
      .map((sec) => {
        const o = r.ops[sec.id];
        return {
          id: sec.id,
          teams: o?.teams ?? 0,
          successes: o?.successes ?? 0,
          chance: o?.successChance ?? 0,
          interest: before.interest[sec.id] ?? 0,
          memory: before.memory[sec.id] ?? 0,
          defence: r.defense[sec.id] ?? 0,
          interestAfter: r.interest[sec.id] ?? 0,
        };
      })
      .sort((a, b) => b.teams - a.teams || b.interest - a.interest);
    const deterred = Object.entries(r.deter)
      .filter(([, v]) => v > 0)
      .map(([channel, share]) => ({ channel, share }))
      .sort((a, b) => b.share - a.share);
    return { turn: r.turn, label: r.label, sectors, reroutedUsd: r.reroutedUsd, switchLossUsd: r.switchLossUsd, deterred };
  });
}

function turnItem(s: Scenario, t: AdversaryTurn, m: MoneyView): HTMLElement {
  const tried = t.sectors.filter((x) => x.teams > 0);
  const summary = tried.length ? tried.map((x) => `${x.teams} on ${sectorName(s, x.id)}`).join(', ') : 'no operations';
  const moved = t.sectors.filter((x) => Math.abs(x.interestAfter - x.interest) >= 0.02);
  return h(
    'li',
    { dataset: { turn: String(t.turn) } },
    h(
      'details',
      null,
      h('summary', null, h('strong', null, `Turn ${t.turn} · ${t.label}: `), `teams ${summary}`),
      h(
        'ul',
        { class: 'adversary-why' },
        h(
          'li',
          null,
          'It splits its teams by interest: ',
          t.sectors.map((x) => `${sectorName(s, x.id)} ${formatShare(x.interest)}`).join(', '),
          '. Interest grows with the success it remembers and shrinks with the defences it sees.',
        ),
        tried.map((x) =>
          h(
            'li',
            null,
            `${sectorName(s, x.id)}: remembered success ${formatShare(x.memory)}, defences cut its odds by ${formatShare(x.defence)}; `,
            `each of ${x.teams} attempt${x.teams === 1 ? '' : 's'} had a ${formatShare(x.chance)} chance, ${x.successes} succeeded.`,
          ),
        ),
        moved.length
          ? h('li', null, 'What it learned: ', moved.map((x) => `${sectorName(s, x.id)} ${formatShare(x.interest)} → ${formatShare(x.interestAfter)}`).join(', '), '.')
          : null,
        t.reroutedUsd > 0
          ? h(
              'li',
              null,
              `Laundering: deterrence (${t.deterred.map((d) => `${channelName(s, d.channel)} ${formatShare(d.share)}`).join(', ')}) pushed ${formatMoney(t.reroutedUsd, m)} onto other channels, costing it ${formatMoney(t.switchLossUsd, m)} to switch.`,
            )
          : null,
      ),
    ),
  );
}

export function adversarySection(s: Scenario, turns: AdversaryTurn[], m: MoneyView): HTMLElement {
  return h(
    'section',
    { class: 'report-section adversary', 'aria-label': 'The adversary, turn by turn' },
    h('h3', null, 'The adversary, turn by turn'),
    h(
      'p',
      { class: 'muted small' },
      `${s.adversary.name} decided each turn from what it had seen. Open a turn for its reasons, in the model’s own figures.`,
    ),
    h('ol', { class: 'adversary-turns' }, turns.map((t) => turnItem(s, t, m))),
  );
}
