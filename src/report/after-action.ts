// The after-action report of one run (CISA's AAR: per exercise objective, strengths and
// areas for improvement, each with what was observed). A scenario's assessment section
// names, for each learning objective, the indicators to judge; here each is judged on the
// run's own checkpoints, and the evidence quotes the figures that decided it.
import { metricValue } from '../engine/state.ts';
import { evaluateObjectives } from '../engine/summary.ts';
import type { Timeline } from '../engine/timeline.ts';
import type { MetricName, Scenario } from '../scenario/schema.ts';
import type { Indicator } from '../scenario/schema-assessment.ts';
import { type Currency, money } from './format.ts';

export interface Finding {
  text: string;
  /** The run's own figures behind the judgement. */
  evidence: string;
  source?: string;
}

export interface ObjectiveReview {
  id: string;
  text: string;
  strengths: Finding[];
  improvements: Finding[];
}

export interface AfterAction {
  objectives: ObjectiveReview[];
  debrief: string[];
}

/** Null when the scenario has no assessment section or the run has no completed turn. */
export function afterAction(t: Timeline, currency?: Currency): AfterAction | null {
  const s = t.scenario;
  const a = s.assessment;
  if (!a || t.checkpoints.length === 0) return null;
  const show = valueText(s, currency ?? s.currency.display);
  return {
    objectives: a.learningObjectives.map((lo) => {
      const review: ObjectiveReview = { id: lo.id, text: lo.text, strengths: [], improvements: [] };
      for (const x of lo.evidence) {
        const { holds, evidence } = judge(x, t, show);
        const finding = { text: holds ? x.strength : x.improvement, evidence, ...(x.source ? { source: x.source } : {}) };
        (holds ? review.strengths : review.improvements).push(finding);
      }
      return review;
    }),
    debrief: [...a.debrief],
  };
}

type Show = (metric: MetricName, v: number) => string;

function valueText(s: Scenario, currency: Currency): Show {
  const rate = s.currency.usdJpy.value;
  return (metric, v) => (metric.endsWith('Usd') ? money(v, currency, rate) : Number.isInteger(v) ? String(v) : v.toFixed(1));
}

const sign = (op: '>=' | '<=') => (op === '>=' ? '≥' : '≤');
const compare = (v: number, op: '>=' | '<=', x: number) => (op === '>=' ? v >= x : v <= x);

function judge(x: Indicator, t: Timeline, show: Show): { holds: boolean; evidence: string } {
  const s = t.scenario;
  const last = t.checkpoints.at(-1)!;
  const label = (turn: number) => `turn ${turn} (${t.checkpoints[turn - 1]?.report.label ?? '?'})`;
  if (x.objective !== undefined) {
    const o = evaluateObjectives(s, last.game).find((r) => r.id === x.objective);
    if (!o) return { holds: false, evidence: `objective ${x.objective} is not in this scenario` };
    const metric = o.metric as MetricName;
    return {
      holds: o.met,
      evidence: `${o.text} — ${metric} ended at ${show(metric, o.value)} against a target of ${sign(o.op)} ${show(metric, o.target)}: ${o.met ? 'met' : 'missed'}.`,
    };
  }
  if (x.metric !== undefined) {
    const v = metricValue(last.game, x.metric);
    return { holds: compare(v, x.op, x.value), evidence: `${x.metric} ended at ${show(x.metric, v)} (the indicator asks for ${sign(x.op)} ${show(x.metric, x.value)}).` };
  }
  if (x.lever !== undefined) {
    const lever = s.levers.find((l) => l.id === x.lever);
    const name = lever ? `“${lever.name}”` : x.lever;
    const upTo = Math.min(x.byTurn ?? t.levels.length, t.levels.length);
    const levels = t.levels.slice(0, upTo).map((l) => l[x.lever] ?? 0);
    const by = x.byTurn !== undefined ? ` by turn ${x.byTurn}` : '';
    if (x.op === '>=') {
      const first = levels.findIndex((v) => v >= x.level);
      const peak = Math.max(0, ...levels);
      return first >= 0
        ? { holds: true, evidence: `${name} was at level ${levels[first]} from ${label(first + 1)} (asked: ${sign(x.op)} ${x.level}${by}).` }
        : { holds: false, evidence: `${name} never reached level ${x.level}${by}; its highest level was ${peak} (asked: ${sign(x.op)} ${x.level}${by}).` };
    }
    const over = levels.findIndex((v) => v > x.level);
    return over < 0
      ? { holds: true, evidence: `${name} stayed at level ${x.level} or below in every turn${by}.` }
      : { holds: false, evidence: `${name} was at level ${levels[over]} in ${label(over + 1)} (asked: at most ${x.level} in every turn${by}).` };
  }
  const event = [...s.events.scripted, ...s.events.random, ...s.events.conditional].find((e) => e.id === x.event);
  const title = event ? `“${event.title}”` : x.event;
  const turn = t.checkpoints.findIndex((c) => c.report.events.some((e) => e.id === x.event));
  if (turn < 0) return { holds: false, evidence: `${title} did not happen in this run.` };
  const outcome = last.game.eventOutcomes[x.event] ?? 'succeeded';
  const holds = x.outcome === 'happened' || x.outcome === outcome;
  const how = event?.effects.some((fx) => fx.type === 'heist') ? ` and was ${outcome === 'blocked' ? 'blocked' : 'not blocked'}` : '';
  return { holds, evidence: `${title} happened in ${label(turn + 1)}${how}.` };
}
