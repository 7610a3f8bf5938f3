import { describe, expect, it } from 'vitest';
import type { TurnReport } from '../../src/engine/report.ts';
import { chartSeries, linearScale, niceStep, niceTicks, panelGrid, turnDomain, xTickTurns } from '../../src/ui/phaser/charts.ts';

describe('ticks', () => {
  it('picks 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(46e9, 5)).toBe(10e9);
    expect(niceStep(12, 5)).toBe(2.5);
  });

  it('starts at zero and covers the maximum', () => {
    expect(niceTicks(46.2e9, 5)).toEqual([0, 10e9, 20e9, 30e9, 40e9, 50e9]);
    expect(niceTicks(0, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('uses whole steps for counts', () => {
    expect(niceTicks(3, 5, true)).toEqual([0, 1, 2, 3]);
  });

  it('gives an empty run a 0–1 axis', () => {
    expect(niceTicks(0, 5, true)).toEqual([0, 1]);
  });
});

describe('scales and grid', () => {
  it('maps a domain linearly onto a range (y grows downwards)', () => {
    const y = linearScale([0, 100], [200, 0]);
    expect(y(0)).toBe(200);
    expect(y(50)).toBe(100);
  });

  it('centres a one-point domain', () => {
    expect(linearScale([3, 3], [0, 100])(3)).toBe(50);
  });

  it('lays out panels row by row', () => {
    const cells = panelGrid({ x: 0, y: 0, width: 320, height: 210 }, 6, 3, 10);
    expect(cells[0]).toEqual({ x: 0, y: 0, width: 100, height: 100 });
    expect(cells[4]).toEqual({ x: 110, y: 110, width: 100, height: 100 });
  });

  it('labels every turn when they fit, else an even subset ending with the last', () => {
    expect(xTickTurns([1, 2, 3], 8)).toEqual([1, 2, 3]);
    const t = xTickTurns(Array.from({ length: 24 }, (_, i) => i + 1), 8);
    expect(t[0]).toBe(1);
    expect(t[t.length - 1]).toBe(24);
    expect(t.length).toBeLessThanOrEqual(9);
  });
});

describe('series', () => {
  const report = (turn: number, launches: number) =>
    ({ turn, stolenUsd: 5, frozenUsd: 1, cashedOutUsd: 2, missileSpendUsd: 3, costByRole: { a: 4, b: 6 }, totals: { launches } }) as unknown as TurnReport;

  it('reads each measure from the report, launches cumulatively', () => {
    const s = chartSeries(16);
    const r = report(2, 7);
    expect(s.map((x) => x.id)).toEqual(['stolen', 'frozen', 'cashed', 'launches', 'spend', 'cost']);
    expect(s.map((x) => x.value(r))).toEqual([5, 1, 2, 7, 3, 10]);
    expect(s[5]!.reference).toEqual({ value: 16, label: 'budget' });
    expect(chartSeries()[5]!.reference).toBeUndefined();
  });

  it('has shorter titles and captions for narrow panels', () => {
    const s = chartSeries();
    expect(s[2]).toMatchObject({ title: 'Cashed out to the regime', shortTitle: 'Cashed out' });
    expect(s[5]).toMatchObject({ caption: 'budget points per turn', shortCaption: 'points/turn' });
  });

  it('spans the turns of both runs', () => {
    expect(turnDomain([report(1, 0), report(2, 0)], [report(1, 0), report(3, 0)])).toEqual([1, 3]);
    expect(turnDomain()).toEqual([1, 1]);
  });
});
