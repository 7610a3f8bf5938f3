// Parameter uncertainty. Every figure the model reads is a parameter; a figure with a
// documented range { low, high } is drawn once per run from a triangular distribution
// that peaks at its `value`, from a stream keyed by the seed alone, so every policy
// played with one seed faces the same draws (common random numbers). With
// `uncertainty.parameters: point` every parameter takes its `value`.
import type { FigureDef, Scenario } from '../scenario/schema.ts';
import { round6 } from './detmath.ts';
import { openStream } from './rng.ts';

export type ParamKind = 'usd' | 'share' | 'count';

export interface ParamSpec {
  /** Where the figure lives, e.g. "missiles.icbm.cost". */
  id: string;
  kind: ParamKind;
  /** Point value and range in engine units (whole US dollars for money). */
  value: number;
  low: number;
  high: number;
  source?: string;
  confidence: FigureDef['confidence'];
}

/** Engine units: money in US dollars at the scenario's one rate, other figures as given. */
function inUnits(x: number, figure: FigureDef, scenario: Scenario, kind: ParamKind): number {
  if (kind === 'usd' && figure.currency === 'JPY') return x / scenario.currency.usdJpy.value;
  return x;
}

export function paramSpec(id: string, figure: FigureDef, scenario: Scenario, kind: ParamKind): ParamSpec {
  const value = inUnits(figure.value, figure, scenario, kind);
  return {
    id,
    kind,
    value,
    low: figure.low === undefined ? value : inUnits(figure.low, figure, scenario, kind),
    high: figure.high === undefined ? value : inUnits(figure.high, figure, scenario, kind),
    ...(figure.source ? { source: figure.source } : {}),
    confidence: figure.confidence,
  };
}

/** Inverse CDF of the triangular distribution (low, mode, high). Math.sqrt is exact in IEEE 754. */
export function triangular(low: number, mode: number, high: number, u: number): number {
  if (high <= low) return mode;
  const span = high - low;
  const cut = (mode - low) / span;
  if (u < cut) return low + Math.sqrt(u * span * (mode - low));
  return high - Math.sqrt((1 - u) * span * (high - mode));
}

function settle(kind: ParamKind, x: number): number {
  return kind === 'usd' ? Math.round(x) : round6(x);
}

/** This run's parameter values, in spec order. One draw per spec, ranged or not (stable layout). */
export function drawParams(specs: readonly ParamSpec[], scenario: Scenario, paramSeed: string): number[] {
  const point = scenario.uncertainty.parameters === 'point';
  const stream = point ? null : openStream(paramSeed, 0, 'parameters');
  return specs.map((p) => {
    const u = stream ? stream.next() : 0.5;
    return settle(p.kind, point ? p.value : triangular(p.low, p.value, p.high, u));
  });
}

/** The drawn values by parameter id, for reports and the debrief. */
export function namedParams(specs: readonly ParamSpec[], values: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  specs.forEach((p, i) => {
    out[p.id] = values[i] ?? settle(p.kind, p.value);
  });
  return out;
}
