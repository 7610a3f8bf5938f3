// Chart maths for the over-turns view: which series to show, nice axis ticks, scales and
// panel grid. Pure (no Phaser), tested in Node; ChartsScene only draws the result.
import type { TurnReport } from '../../engine/report.ts';
import type { Point, Rect } from './geo.ts';

export type SeriesUnit = 'money' | 'count' | 'points';

export interface SeriesSpec {
  id: string;
  title: string;
  unit: SeriesUnit;
  /** Axis caption: what the numbers are ("per turn", "cumulative", …). */
  caption: string;
  /** Shorter title and caption for narrow panels. */
  shortTitle?: string;
  shortCaption?: string;
  color: 'heist' | 'frozen' | 'cash' | 'missile' | 'cost';
  value: (r: TurnReport) => number;
  /** Optional horizontal reference line (e.g. the budget), and its label. */
  reference?: { value: number; label: string };
}

const sum = (rec: Record<string, number>): number => Object.values(rec).reduce((a, v) => a + v, 0);

/** The panels of the charts view, in reading order. `budget` is the players' total budget per turn, if known. */
export function chartSeries(budget?: number): SeriesSpec[] {
  return [
    { id: 'stolen', title: 'Stolen', unit: 'money', caption: 'per turn', color: 'heist', value: (r) => r.stolenUsd },
    { id: 'frozen', title: 'Frozen', unit: 'money', caption: 'per turn', color: 'frozen', value: (r) => r.frozenUsd },
    { id: 'cashed', title: 'Cashed out to the regime', shortTitle: 'Cashed out', unit: 'money', caption: 'per turn', color: 'cash', value: (r) => r.cashedOutUsd },
    { id: 'launches', title: 'Missile launches', unit: 'count', caption: 'cumulative', color: 'missile', value: (r) => r.totals.launches },
    { id: 'spend', title: 'Missile spending', unit: 'money', caption: 'per turn', color: 'missile', value: (r) => r.missileSpendUsd },
    {
      id: 'cost',
      title: 'Cost of measures',
      unit: 'points',
      caption: 'budget points per turn',
      shortCaption: 'points/turn',
      color: 'cost',
      value: (r) => sum(r.costByRole),
      ...(budget !== undefined ? { reference: { value: budget, label: 'budget' } } : {}),
    },
  ];
}

/** A "nice" step (1, 2, 2.5 or 5 × 10ⁿ) close to range / count. */
export function niceStep(range: number, count: number): number {
  if (!(range > 0) || count < 1) return 1;
  const raw = range / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
  return nice * mag;
}

/**
 * Ticks from 0 (the charts always start at zero so bars of money compare honestly) up to
 * at least `max`, about `count` of them. Whole-number axes get whole steps.
 */
export function niceTicks(max: number, count: number, integer = false): number[] {
  const top = max > 0 ? max : 1;
  let step = niceStep(top, count);
  if (integer) step = Math.max(1, Math.ceil(step));
  const n = Math.ceil(top / step - 1e-9);
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

export interface LinearScale {
  (v: number): number;
  domain: [number, number];
  range: [number, number];
}

export function linearScale(domain: [number, number], range: [number, number]): LinearScale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((v: number) => (d1 === d0 ? (r0 + r1) / 2 : r0 + (v - d0) * k)) as LinearScale;
  f.domain = domain;
  f.range = range;
  return f;
}

/** Turn numbers to label on the x axis: all of them when they fit, otherwise an even subset incl. the last. */
export function xTickTurns(turns: readonly number[], maxTicks: number): number[] {
  if (turns.length <= maxTicks) return [...turns];
  const every = Math.ceil(turns.length / maxTicks);
  const out = turns.filter((_, i) => i % every === 0);
  const last = turns[turns.length - 1]!;
  if (out[out.length - 1] !== last) {
    // Replace a crowded penultimate tick rather than squeezing the last one in beside it.
    if (out.length > 1 && last - out[out.length - 1]! < every) out.pop();
    out.push(last);
  }
  return out;
}

/** Screen points of one series. */
export function seriesPoints(turns: readonly number[], values: readonly number[], x: LinearScale, y: LinearScale): Point[] {
  return turns.map((t, i) => ({ x: x(t), y: y(values[i] ?? 0) }));
}

/** Cells of a `columns`-wide grid filling `area`, row by row. */
export function panelGrid(area: Rect, count: number, columns: number, gap: number): Rect[] {
  const cols = Math.max(1, Math.min(columns, count));
  const rows = Math.max(1, Math.ceil(count / cols));
  const w = (area.width - (cols - 1) * gap) / cols;
  const h = (area.height - (rows - 1) * gap) / rows;
  return Array.from({ length: count }, (_, i) => ({
    x: area.x + (i % cols) * (w + gap),
    y: area.y + Math.floor(i / cols) * (h + gap),
    width: w,
    height: h,
  }));
}

/** The x domain shared by every panel: first to last turn across both runs. */
export function turnDomain(...runs: readonly (readonly TurnReport[])[]): [number, number] {
  const turns = runs.flatMap((r) => r.map((x) => x.turn));
  if (turns.length === 0) return [1, 1];
  return [Math.min(...turns), Math.max(...turns)];
}
