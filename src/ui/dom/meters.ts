// Always-visible objective meters: every objective of the scenario against its limit, and
// the escalation track (what escalation does, and why it moved last turn). Accessible
// meters (role="meter" with value, maximum and a text). The values are the engine's
// totals as they stand after the last turn shown; nothing is computed here but layout.
import { ESCALATION_CARRY, type EscalationChange, escalationFactor, explainEscalation } from '../../engine/escalation.ts';
import type { TurnReport } from '../../engine/report.ts';
import { metricValue, type Totals } from '../../engine/state.ts';
import type { MetricName, ObjectiveDef, Scenario } from '../../scenario/schema.ts';
import { formatIndex, formatMetric, type MoneyView } from '../app/format.ts';
import { h, newId, setChildren } from './h.ts';
import { icon } from './icons.ts';

/** Short names: the meters sit in one row, so each label must be brief. */
const SHORT: Record<MetricName, string> = {
  stolenUsd: 'Crypto stolen',
  cashedOutUsd: 'Cash to the regime',
  frozenUsd: 'Frozen',
  missileSpendUsd: 'Missile spending',
  launches: 'Launches',
  collateral: 'Collateral harm',
  escalation: 'Escalation',
  cryptoShare: 'Crypto’s share of missile money',
  heists: 'Successful heists',
};

export interface MeterInput {
  scenario: Scenario;
  totals: Totals;
  /** The last report shown (explains escalation's move), and the totals before it. */
  last: TurnReport | null;
  before: Totals | null;
  money: MoneyView;
  /** How many turns are shown ("after turn 3 of 12"). */
  turn: number;
  turnsTotal: number;
}

interface Scale {
  max: number;
  fill: number;
  limit: number;
  state: 'ok' | 'near' | 'over' | 'reached';
}

/** Where the bar and the limit mark go, and whether the objective holds so far. */
export function meterScale(o: Pick<ObjectiveDef, 'op' | 'target'>, value: number): Scale {
  const max = Math.max(o.target, value, 1e-9);
  const fill = Math.min(1, value / max);
  const limit = Math.min(1, o.target / max);
  if (o.op === '<=') return { max, fill, limit, state: value > o.target ? 'over' : value >= 0.8 * o.target ? 'near' : 'ok' };
  return { max, fill, limit, state: value >= o.target ? 'reached' : 'ok' };
}

const STATE_TEXT: Record<Scale['state'], string> = {
  ok: 'within the limit',
  near: 'close to the limit',
  over: 'over the limit',
  reached: 'target reached',
};

function meterValueText(o: ObjectiveDef, value: number, scale: Scale, m: MoneyView): string {
  const v = formatMetric(o.metric, value, m);
  const t = formatMetric(o.metric, o.target, m);
  if (o.op === '<=') return `${v} of at most ${t}: ${STATE_TEXT[scale.state]}`;
  return `${v} of at least ${t}: ${scale.state === 'reached' ? 'target reached' : 'not reached yet'}`;
}

export class ObjectiveMeters {
  readonly el: HTMLElement;
  private readonly list: HTMLElement;
  private readonly note: HTMLElement;

  constructor() {
    this.list = h('div', { class: 'meters-list' });
    this.note = h('p', { class: 'meters-when sr-only' });
    this.el = h('section', { class: 'meters', 'aria-label': 'Objectives so far', hidden: true }, this.note, this.list);
  }

  hide(): void {
    this.el.hidden = true;
  }

  show(input: MeterInput): void {
    const { scenario: s, totals, money } = input;
    this.el.hidden = false;
    this.note.textContent = input.turn ? `After turn ${input.turn} of ${input.turnsTotal}.` : 'Before the first turn.';
    const state = { totals } as Parameters<typeof metricValue>[0];
    const meters = s.objectives.map((o) => this.objectiveMeter(o, metricValue(state, o.metric), money));
    const escalationIsObjective = s.objectives.some((o) => o.metric === 'escalation');
    const change = input.last && input.before ? explainEscalation(s, input.before.escalation, input.last) : null;
    setChildren(this.list, meters, escalationIsObjective ? null : this.escalationMeter(totals.escalation), escalationWhy(s, totals.escalation, change));
  }

  private objectiveMeter(o: ObjectiveDef, value: number, m: MoneyView): HTMLElement {
    const scale = meterScale(o, value);
    const labelId = newId('meter');
    const text = meterValueText(o, value, scale, m);
    return h(
      'div',
      {
        class: `meter-item state-${scale.state}`,
        role: 'meter',
        'aria-labelledby': labelId,
        'aria-valuemin': '0',
        'aria-valuemax': String(scale.max),
        'aria-valuenow': String(value),
        'aria-valuetext': text,
        title: `${o.text} ${text}.`,
        dataset: { objective: o.id, metric: o.metric },
      },
      h('span', { class: 'meter-label', id: labelId }, SHORT[o.metric], h('span', { class: 'sr-only' }, ` (objective: ${o.text})`)),
      h(
        'span',
        { class: 'meter-track', 'aria-hidden': 'true' },
        h('span', { class: 'meter-bar', style: `width: ${(scale.fill * 100).toFixed(1)}%` }),
        h('span', { class: 'meter-limit', style: `left: ${(scale.limit * 100).toFixed(1)}%` }),
      ),
      h(
        'span',
        { class: 'meter-value', 'aria-hidden': 'true' },
        scale.state === 'over' ? icon('alert', 'meter-icon') : scale.state === 'reached' ? icon('check', 'meter-icon') : null,
        `${formatMetric(o.metric, value, m)} / ${o.op === '<=' ? '≤' : '≥'} ${formatMetric(o.metric, o.target, m)}`,
      ),
    );
  }

  private escalationMeter(value: number): HTMLElement {
    const labelId = newId('meter');
    const max = Math.max(100, value);
    const text = `${formatIndex(value)}: the regime plans ${factorText(value)} as many missile tests as its doctrine calls for`;
    return h(
      'div',
      {
        class: 'meter-item escalation',
        role: 'meter',
        'aria-labelledby': labelId,
        'aria-valuemin': '0',
        'aria-valuemax': String(max),
        'aria-valuenow': String(value),
        'aria-valuetext': text,
        dataset: { metric: 'escalation' },
      },
      h('span', { class: 'meter-label', id: labelId }, 'Escalation'),
      h('span', { class: 'meter-track', 'aria-hidden': 'true' }, h('span', { class: 'meter-bar', style: `width: ${((value / max) * 100).toFixed(1)}%` })),
      h('span', { class: 'meter-value', 'aria-hidden': 'true' }, `${formatIndex(value)} · tests ${factorText(value)}`),
    );
  }
}

const factorText = (escalation: number) => `×${escalationFactor(escalation).toFixed(2)}`;

const signed = (n: number) => `${n < 0 ? '−' : '+'}${formatIndex(Math.abs(n))}`;

/** "Why?": what escalation does, and what moved it in the last turn. */
function escalationWhy(s: Scenario, value: number, change: EscalationChange | null): HTMLElement {
  const id = newId('esc-why');
  // Conditional events that fire on the escalation total (conditions can also test events or levers).
  const thresholds = s.events.conditional.flatMap((e) => {
    const w = e.when;
    return w.metric === 'escalation' ? [{ title: e.title, op: w.op, value: w.value }] : [];
  });
  const moved = change ? round1(change.after - change.before) : 0;
  return h(
    'details',
    { class: 'meter-why' },
    h('summary', { 'aria-describedby': id }, change ? `Escalation ${signed(moved)} last turn: why?` : 'What is escalation?'),
    h(
      'div',
      { class: 'meter-why-body', id },
      h(
        'p',
        null,
        `Escalation raises the number of missile tests the regime plans: at ${formatIndex(value)} it plans ${factorText(value)} as many as its doctrine and the calendar call for (stock permitting). `,
        `Each turn ${Math.round((1 - ESCALATION_CARRY) * 100)} % of it fades; levers with escalation side effects and some events add to it.`,
      ),
      change
        ? h(
            'ul',
            { class: 'meter-why-parts' },
            h('li', null, `Carried over: ${formatIndex(change.carried)} (${Math.round(ESCALATION_CARRY * 100)} % of ${formatIndex(change.before)})`),
            change.levers.map((p) => h('li', null, `${p.name}: ${signed(p.add)}`)),
            change.events.map((p) => h('li', null, `Event “${p.name}”: ${signed(p.add)}`)),
            Math.abs(change.other) > 0.05 ? h('li', null, `Other effects: ${signed(change.other)}`) : null,
            h('li', { class: 'meter-why-total' }, `Now: ${formatIndex(change.after)}`),
          )
        : null,
      thresholds.length
        ? h(
            'p',
            { class: 'small' },
            'In this scenario: ',
            thresholds.map((e, i) => [i ? '; ' : '', `at ${e.op === '>=' ? '' : 'or below '}${formatIndex(e.value)}${e.op === '>=' ? ' or more' : ''}, “${e.title}” can happen`]),
            '.',
          )
        : null,
    ),
  );
}

const round1 = (n: number) => Math.round(n * 10) / 10;
