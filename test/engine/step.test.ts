import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { buildReplay, runReplay } from '../../src/engine/replay.ts';
import { Run } from '../../src/engine/run.ts';
import { GameSession } from '../../src/engine/session.ts';
import type { GameState } from '../../src/engine/state.ts';
import { step } from '../../src/engine/step.ts';
import { mini } from '../fixtures/mini.ts';
import { FAC, must, planTurn, startedSession, TABLE } from './helpers.ts';

/** A game in planning whose books were tampered with, so resolving its turn breaks a rule. */
function broken(): { session: GameSession; game: GameState } {
  const s = startedSession();
  const snap = s.snapshot();
  const game: GameState = { ...snap.state, totals: { ...snap.state.totals, stolenUsd: snap.state.totals.stolenUsd + 1 } };
  return { session: GameSession.resume(mini, '42', { ...snap, state: game }), game };
}

describe('step', () => {
  it('is pure: the state it is given is never modified', () => {
    const s = startedSession();
    must(s, 'sanctions', { type: 'SET_LEVER', lever: 'mixer_sanctions', level: 2 });
    must(s, 'sanctions', { type: 'COMMIT' });
    const before = structuredClone(s.game);
    const r = step(mini, s.game, { type: 'COMMIT', turn: 1, seat: 'defence' });
    expect(r.ok).toBe(true);
    expect(s.game).toStrictEqual(before);
  });

  it('returns the turn report only from the step that resolves the turn', () => {
    const s = startedSession();
    const first = step(mini, s.game, { type: 'COMMIT', turn: 1, seat: 'sanctions' });
    if (!first.ok) throw new Error('refused');
    expect(first.reports).toEqual([]);
    const last = step(mini, first.state, { type: 'COMMIT', turn: 1, seat: 'defence' });
    if (!last.ok) throw new Error('refused');
    expect(last.reports.map((r) => r.turn)).toEqual([1]);
    expect(last.state.phase).toBe('report');
  });

  it('turns a rule that fails (here: books that no longer balance) into an internal error, not a decision', () => {
    const { game } = broken();
    const once = step(mini, game, { type: 'COMMIT', turn: 1, seat: 'sanctions' });
    if (!once.ok) throw new Error('the first commit does not resolve anything');
    const r = step(mini, once.state, { type: 'COMMIT', turn: 1, seat: 'defence' });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal', event: 'COMMIT' } });
    expect(r.ok ? '' : r.error?.message).toMatch(/money is not conserved after turn 1/);
  });
});

describe('an engine error in a live game', () => {
  it('is reported as an error, never logged (so never autosaved or replayed), and the game stays usable', () => {
    const { session } = broken();
    must(session, 'sanctions', { type: 'COMMIT' });
    const logged = session.log.length;
    const r = session.act('defence', { type: 'COMMIT' });
    expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(session.log).toHaveLength(logged);
    expect(session.reports).toHaveLength(0);
    expect(session.phase).toBe('planning');
    expect(buildReplay(session).events).toHaveLength(logged);
    // The actor did not die: the facilitator can still act.
    must(session, FAC, { type: 'END_GAME' });
    expect(session.phase).toBe('debrief');
  });
});

describe('one step for every path', () => {
  it('a live game, a bare fold and a replay re-run reach the same per-turn hashes and final state', () => {
    const live = playPolicy(new GameSession(mini, '7'), mini.policies.tough!);
    const bare = playPolicy(new Run(mini, '7'), mini.policies.tough!);
    const replayed = runReplay(buildReplay(live), mini);
    if (!replayed.ok) throw new Error(replayed.message);
    expect(bare.turnHashes).toEqual(live.turnHashes);
    expect(replayed.run.turnHashes).toEqual(live.turnHashes);
    expect(replayed.run.game).toEqual(live.game);
  });

  it('a resumed session continues exactly as the original would have', () => {
    const original = startedSession();
    planTurn(original, { mixer_sanctions: 1 });
    const resumed = GameSession.resume(mini, '42', original.snapshot());
    for (const s of [original, resumed]) {
      must(s, TABLE, { type: 'NEXT' });
      planTurn(s, { bridge_validators: 2 });
    }
    expect(resumed.turnHashes).toEqual(original.turnHashes);
    expect(resumed.log).toEqual(original.log);
  });
});
