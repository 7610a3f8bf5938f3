import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { classView } from '../../src/engine/classview.ts';
import { buildReplay, type ReplayFile } from '../../src/engine/replay.ts';
import { GameSession } from '../../src/engine/session.ts';
import {
  branchAt,
  buildTimeline,
  compareTimelines,
  counterfactual,
  decisionsByTurn,
  policyOf,
  series,
} from '../../src/engine/timeline.ts';
import { mini } from '../fixtures/mini.ts';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

function recorded(policy: 'none' | 'tough', seed = '42'): ReplayFile {
  const s = playPolicy(new GameSession(mini, seed), mini.policies[policy]!);
  return clone(buildReplay(s, { inline: true }));
}

describe('timeline (step through a replay)', () => {
  it('has one checkpoint per turn carrying the recorded hash', () => {
    const r = recorded('tough');
    const t = buildTimeline(r);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.timeline.checkpoints.map((c) => c.turn)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.timeline.checkpoints.map((c) => c.hash)).toEqual(r.turnHashes);
  });

  it('stepping back and forth shows exactly the recorded states (no drift)', () => {
    const t = buildTimeline(recorded('tough'));
    if (!t.ok) throw new Error(t.message);
    const live = playPolicy(new GameSession(mini, '42'), mini.policies.tough!);
    for (const turn of [6, 2, 5, 1, 3, 3, 6]) {
      const c = t.timeline.checkpoints[turn - 1]!;
      expect(c.report).toEqual(live.reports[turn - 1]);
      expect(c.game).toEqual(live.turnStates[turn - 1]);
    }
  });

  it('records which decisions were taken in which turn', () => {
    const t = buildTimeline(recorded('tough'));
    if (!t.ok) throw new Error(t.message);
    const levers = (turn: number) =>
      t.timeline.checkpoints[turn - 1]!.decisions.filter((e) => e.type === 'SET_LEVER').map((e) => e.type === 'SET_LEVER' && e.lever);
    expect(levers(1).sort()).toEqual(['bridge_validators', 'mixer_sanctions']);
    expect(levers(2)).toEqual([]);
    expect(levers(3)).toEqual(['otc_designation']);
    expect(t.timeline.levels[2]).toEqual({ mixer_sanctions: 2, otc_designation: 2, bridge_validators: 3 });
  });

  it('refuses a tampered replay rather than showing part of it', () => {
    const r = recorded('tough');
    (r.events.find((e) => e.type === 'SET_LEVER') as { level: number }).level = 1;
    const t = buildTimeline(r);
    expect(t.ok).toBe(false);
    if (!t.ok) expect(t.turn).toBe(1);
  });

  it('groups a log by the turn each event carries, ignoring flow events', () => {
    expect(
      decisionsByTurn([
        { type: 'BEGIN', turn: 0, seat: 'a' },
        { type: 'START', turn: 0, seat: 'a' },
        { type: 'COMMIT', turn: 1, seat: 'a' },
        { type: 'PAUSE', turn: 1, seat: 'facilitator' },
        { type: 'NEXT', turn: 1, seat: 'a' },
        { type: 'PAUSE', turn: 2, seat: 'facilitator' },
      ]),
    ).toEqual([
      [
        { type: 'COMMIT', turn: 1, seat: 'a' },
        { type: 'PAUSE', turn: 1, seat: 'facilitator' },
      ],
      [{ type: 'PAUSE', turn: 2, seat: 'facilitator' }],
    ]);
  });
});

describe('counterfactual', () => {
  it('a recorded run turned back into a policy replays to the same hashes', () => {
    const r = recorded('tough');
    const t = buildTimeline(r);
    if (!t.ok) throw new Error(t.message);
    const again = counterfactual(mini, '42', policyOf(t.timeline));
    expect(again.checkpoints.map((c) => c.hash)).toEqual(r.turnHashes);
  });

  it('same seed, no new measures: the difference is the policy, with the same random events', () => {
    const t = buildTimeline(recorded('tough'));
    if (!t.ok) throw new Error(t.message);
    const none = counterfactual(mini, '42', mini.policies.none!);
    const diff = compareTimelines(t.timeline, none);
    const cash = diff.find((d) => d.metric === 'cashedOutUsd')!;
    expect(cash.delta).toBe(cash.other - cash.actual);
    expect(cash.delta).toBeGreaterThan(0); // without sanctions more cash reaches the regime
    const events = (tl: typeof none) => tl.checkpoints.map((c) => c.report.events.filter((e) => e.kind === 'random').map((e) => e.id));
    expect(events(none)).toEqual(events(t.timeline));
  });

  it('stops at the recorded run length when asked', () => {
    expect(counterfactual(mini, '42', mini.policies.none!, 3).checkpoints).toHaveLength(3);
    expect(series(counterfactual(mini, '42', mini.policies.none!, 3), 'stolenUsd')).toHaveLength(3);
  });
});

describe('branch here', () => {
  it('continues from the start of a turn with everything before replayed exactly', () => {
    const r = recorded('tough');
    const b = branchAt(r, 3);
    expect(b.ok).toBe(true);
    if (!b.ok) return;
    const s = b.session;
    expect(s.phase).toBe('planning');
    expect(s.game.turn).toBe(3);
    expect(s.turnHashes).toEqual(r.turnHashes.slice(0, 2));
    // A different decision in turn 3 changes turn 3 onwards.
    s.act('sanctions', { type: 'COMMIT' });
    s.act('defence', { type: 'COMMIT' });
    expect(s.turnHashes[2]).not.toBe(r.turnHashes[2]);
  });

  it('refuses a turn the run never reached', () => {
    const b = branchAt(recorded('tough'), 9);
    expect(b.ok).toBe(false);
  });
});

describe('class view', () => {
  it('shows the spread of outcomes and which levers were used when', () => {
    const files = [
      { name: 'ana.json', replay: recorded('tough', '42') },
      { name: 'ben.json', replay: recorded('none', '42') },
      { name: 'cai.json', replay: recorded('tough', '7') },
    ];
    const v = classView(files, { scenario: mini, name: 'the mini scenario' });
    expect(v.refused).toEqual([]);
    expect(v.runs.map((r) => r.name)).toEqual(['ana.json', 'ben.json', 'cai.json']);
    expect(v.usage.mixer_sanctions![0]).toBeCloseTo(2 / 3);
    expect(v.usage.otc_designation!.slice(0, 3)).toEqual([0, 0, 2 / 3]);
    expect(v.outcomes.cashedOutUsd.min).toBeLessThanOrEqual(v.outcomes.cashedOutUsd.max);
  });

  it('refuses runs of another scenario or that do not verify, and keeps the rest', () => {
    const other = recorded('none');
    other.scenario = { ...other.scenario, id: 'other' };
    const broken = recorded('none', '3');
    broken.turnHashes[1] = '0'.repeat(28);
    const v = classView(
      [
        { name: 'ok.json', replay: recorded('tough') },
        { name: 'other.json', replay: other },
        { name: 'broken.json', replay: broken },
      ],
      { scenario: mini, name: 'the mini scenario' },
    );
    expect(v.runs.map((r) => r.name)).toEqual(['ok.json']);
    expect(v.refused.map((r) => r.name)).toEqual(['other.json', 'broken.json']);
    expect(v.refused[1]!.message).toMatch(/Turn 2/);
  });
});
