// What-if runs (the planning preview and the debrief's fan charts) are the engine's own
// turns on other seeds: the same numbers as a played game, paired by seed.
import { describe, expect, it } from 'vitest';
import { playPolicy, playPolicyTurn, policyLevels, simulatePolicy, tableSeat } from '../../src/engine/autoplay.ts';
import { previewRun, previewRuns, scheduleRun, whatIfSeeds } from '../../src/engine/preview.ts';
import { fanBands, summarisePreview } from '../../src/engine/preview-stats.ts';
import { GameSession } from '../../src/engine/session.ts';
import { mini } from '../fixtures/mini.ts';
import { must } from './helpers.ts';

const plan = { mixer_sanctions: 2, otc_designation: 0, bridge_validators: 1 };
const constant = { description: 'Hold one plan', turns: { 1: plan } };

function atTurn(turn: number, seed = 'pv'): GameSession {
  const s = new GameSession(mini, seed);
  const seat = tableSeat(mini);
  must(s, seat, { type: 'BEGIN' });
  must(s, seat, { type: 'START' });
  while (s.game.turn < turn) {
    playPolicyTurn(s, constant);
    must(s, seat, { type: 'NEXT' });
  }
  return s;
}

describe('what-if runs', () => {
  it('from turn 1 on the game seed, a plan held all game gives exactly the totals of playing it', () => {
    const s = atTurn(1);
    const run = previewRun(mini, s.game, plan, 'pv');
    const played = simulatePolicy(mini, 'pv', constant).state.totals;
    expect(run.metrics.cashedOutUsd).toBe(played.cashedOutUsd);
    expect(run.metrics.launches).toBe(played.launches);
    expect(run.metrics.stolenUsd).toBe(played.stolenUsd);
  });

  it('from a later turn, keeps what happened so far and plays only the rest', () => {
    const live = new GameSession(mini, 'pv');
    playPolicy(live, constant);
    const s = atTurn(4);
    // The same seed and the same plan: the rest of the game is the game itself.
    expect(previewRun(mini, s.game, plan, 'pv').metrics.launches).toBe(live.game.totals.launches);
    // Turns already played are common to every what-if: totals never fall below them.
    for (const r of previewRuns(mini, s.game, { ...plan, mixer_sanctions: 0 }, whatIfSeeds('pv', 20)))
      expect(r.metrics.stolenUsd).toBeGreaterThanOrEqual(s.game.totals.stolenUsd);
  });

  it('never uses the game seed, and gives the same seeds every turn', () => {
    const seeds = whatIfSeeds('class-1', 200);
    expect(seeds).toHaveLength(200);
    expect(new Set(seeds).size).toBe(200);
    expect(seeds).not.toContain('class-1');
    expect(whatIfSeeds('class-1', 3)).toEqual(seeds.slice(0, 3));
    expect(whatIfSeeds('class-1', 3, 'fan')).not.toEqual(seeds.slice(0, 3));
  });

  it('pairs runs by seed: the same plan changes nothing, another plan changes run by run', () => {
    const s = atTurn(2);
    const seeds = whatIfSeeds('pv', 40);
    const keep = previewRuns(mini, s.game, plan, seeds);
    const same = summarisePreview(keep, keep);
    expect(same.metrics.cashedOutUsd.change).toEqual({ p5: 0, p50: 0, p95: 0 });
    const off = previewRuns(mini, s.game, { mixer_sanctions: 0, otc_designation: 0, bridge_validators: 0 }, seeds);
    const sum = summarisePreview(off, keep);
    const deltas = off.map((r, i) => r.metrics.launches - keep[i]!.metrics.launches).sort((a, b) => a - b);
    expect(sum.metrics.launches.change.p50).toBe(deltas[19]);
    expect(sum.metrics.launches.change.p5).toBe(deltas[1]);
    expect(sum.metrics.launches.change.p95).toBe(deltas[37]);
    expect(sum.objectives).toHaveLength(mini.objectives.length);
    expect(() => summarisePreview(off, keep.slice(1))).toThrow(/40 plan runs against 39/);
  });

  it('a schedule run follows the lever levels turn by turn, as a played game does', () => {
    const schedule = Array.from({ length: mini.calendar.turns }, (_, i) => policyLevels(mini, constant, i + 1));
    const r = scheduleRun(mini, schedule, 'pv');
    const played = simulatePolicy(mini, 'pv', constant);
    expect(r.perTurn.map((t) => t.cashedOutUsd)).toEqual(played.reports.map((x) => x.totals.cashedOutUsd));
    const bands = fanBands([r, scheduleRun(mini, schedule, 'pv2'), scheduleRun(mini, schedule, 'pv3')], 'launches');
    expect(bands).toHaveLength(mini.calendar.turns);
    for (const b of bands) expect(b.p5 <= b.p50 && b.p50 <= b.p95).toBe(true);
  });
});
