// The adversary's reasoning, turn by turn, read from the model's own decision data (the
// report's `targeting` and `routing`): which sector and attack method it put its teams on,
// the chance it expected from what it had learnt, the chance the defences actually left,
// how many succeeded, and how its launderers ranked the channels by expected loss. Every
// sentence is a figure from the engine's reports; nothing is narrated that the model did
// not decide.
import type { RouteChoice, TargetChoice, TurnReport } from '../../engine/report.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { channelName, methodName, sectorName } from '../app/describe.ts';
import { formatMoney, formatShare, type MoneyView } from '../app/format.ts';
import { h } from './h.ts';

export interface AdversaryTurn {
  turn: number;
  label: string;
  /** The (sector, method) pairs it put teams on, most teams first. */
  targets: TargetChoice[];
  /** Per laundering stage, its first choice of channel and the runner-up it passed over. */
  routes: { stage: number; first: RouteChoice; next: RouteChoice | undefined }[];
}

export function adversaryTurns(reports: readonly TurnReport[]): AdversaryTurn[] {
  return reports.map((r) => {
    const targets = [...(r.targeting ?? [])].filter((t) => t.teams > 0).sort((a, b) => b.teams - a.teams || b.interest - a.interest);
    const stages = [...new Set((r.routing ?? []).map((x) => x.stage))].sort((a, b) => a - b);
    const routes = stages.flatMap((stage) => {
      const ranked = (r.routing ?? []).filter((x) => x.stage === stage).sort((a, b) => a.rank - b.rank);
      return ranked[0] ? [{ stage, first: ranked[0], next: ranked[1] }] : [];
    });
    return { turn: r.turn, label: r.label, targets, routes };
  });
}

const target = (s: Scenario, t: TargetChoice) => `${sectorName(s, t.sector)} (${methodName(s, t.method).toLowerCase()})`;

function turnItem(s: Scenario, t: AdversaryTurn, m: MoneyView): HTMLElement {
  const summary = t.targets.length ? t.targets.map((x) => `${x.teams} on ${target(s, x)}`).join(', ') : 'no operations';
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
        t.targets.map((x) =>
          h(
            'li',
            null,
            `${target(s, x)}: ${formatShare(x.interest)} of its effort. It expected each team to succeed ${formatShare(x.expectedChance)} of the time (learnt from earlier months); `,
            x.blockChance > 0 ? `the defences blocked ${formatShare(x.blockChance)} of attempts, leaving ${formatShare(x.successChance)}; ` : `no defences stood in the way (${formatShare(x.successChance)} a team); `,
            `${x.successes} of ${x.teams} succeeded.`,
          ),
        ),
        t.routes.map(({ stage, first, next }) =>
          h(
            'li',
            null,
            `${s.laundering.stages[stage]?.name ?? `Stage ${stage + 1}`}: launderers chose ${channelName(s, first.channel)} first, expecting to lose ${formatShare(first.expectedLoss)} of each dollar (fees, freezes, delay)`,
            next ? `, over ${channelName(s, next.channel)} at ${formatShare(next.expectedLoss)}` : '',
            first.inUsd > 0 ? `; ${formatMoney(first.inUsd, m)} went through it.` : '.',
          ),
        ),
      ),
    ),
  );
}

export function adversarySection(s: Scenario, turns: AdversaryTurn[], m: MoneyView): HTMLElement {
  return h(
    'section',
    { class: 'report-section adversary', 'aria-label': 'The adversary, turn by turn' },
    h('h3', null, 'The adversary, turn by turn'),
    h('p', { class: 'muted small' }, `${s.adversary.name} decided each turn from what it had learnt. Open a turn for its reasons, in the model’s own figures.`),
    h('ol', { class: 'adversary-turns' }, turns.map((t) => turnItem(s, t, m))),
  );
}
