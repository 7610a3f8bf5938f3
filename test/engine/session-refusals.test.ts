import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { GameEvent } from '../../src/engine/events-types.ts';
import { gameMachine } from '../../src/engine/machine.ts';
import type { RefusalCode } from '../../src/engine/rules.ts';
import { GameSession } from '../../src/engine/session.ts';
import { mini } from '../fixtures/mini.ts';
import { must, planTurn, startedSession } from './helpers.ts';

/** Sends an event that must be refused with `code`, and checks that nothing changed. */
function expectRefused(session: GameSession, event: unknown, code: RefusalCode): void {
  const game = structuredClone(session.game);
  const log = structuredClone(session.log);
  const hashes = [...session.turnHashes];
  const phase = session.phase;
  const reports = structuredClone(session.reports);
  const r = session.send(event as GameEvent);
  expect(r).toMatchObject({ ok: false, refusal: { code } });
  expect(session.game).toStrictEqual(game);
  expect(session.log).toStrictEqual(log);
  expect(session.turnHashes).toEqual(hashes);
  expect(session.phase).toBe(phase);
  expect(session.reports).toStrictEqual(reports);
}

const lever = (role: string, id: string, level: number): GameEvent => ({ type: 'SET_LEVER', role, lever: id, level });

describe('SET_LEVER refusals (state and log unchanged)', () => {
  it('wrong-role: a role plans out of turn', () => {
    expectRefused(startedSession(), lever('defence', 'bridge_validators', 1), 'wrong-role');
  });

  it('wrong-role: a role sets another role’s lever', () => {
    expectRefused(startedSession(), lever('sanctions', 'bridge_validators', 1), 'wrong-role');
  });

  it('wrong-role: a role that has committed cannot plan again this turn', () => {
    const s = startedSession();
    must(s, { type: 'COMMIT', role: 'sanctions' });
    expectRefused(s, lever('sanctions', 'mixer_sanctions', 1), 'wrong-role');
  });

  it('unknown-role', () => {
    expectRefused(startedSession(), lever('navy', 'mixer_sanctions', 1), 'unknown-role');
  });

  it('unknown-lever', () => {
    expectRefused(startedSession(), lever('sanctions', 'carrier_group', 1), 'unknown-lever');
  });

  it.each([-1, 4, 1.5, Number.NaN])('level-out-of-range: level %s on a lever with maxLevel 3', (level) => {
    expectRefused(startedSession(), lever('sanctions', 'mixer_sanctions', level), 'level-out-of-range');
  });

  it('over-budget: 3 × 3 + 1 × 2 = 11 points for a budget of 10', () => {
    const s = startedSession();
    must(s, lever('sanctions', 'mixer_sanctions', 3));
    expectRefused(s, lever('sanctions', 'otc_designation', 1), 'over-budget');
  });

  it('accepts spending exactly the budget', () => {
    const s = startedSession();
    must(s, lever('sanctions', 'mixer_sanctions', 2));
    must(s, lever('sanctions', 'otc_designation', 2));
    expect(s.game.draft).toMatchObject({ mixer_sanctions: 2, otc_designation: 2 });
  });

  it('wrong-phase: SET_LEVER in the report phase', () => {
    const s = startedSession();
    planTurn(s, {});
    expectRefused(s, lever('sanctions', 'mixer_sanctions', 1), 'wrong-phase');
  });
});

describe('other refusals (state and log unchanged)', () => {
  it('wrong-role: COMMIT out of order', () => {
    expectRefused(startedSession(), { type: 'COMMIT', role: 'defence' }, 'wrong-role');
  });

  it('unknown-role: COMMIT by a role not in the scenario', () => {
    expectRefused(startedSession(), { type: 'COMMIT', role: 'navy' }, 'unknown-role');
  });

  it.each([
    ['setup', 'START'],
    ['setup', 'NEXT'],
    ['briefing', 'BEGIN'],
    ['planning', 'NEXT'],
    ['planning', 'START'],
  ] as const)('wrong-phase: in %s, %s', (phase, type) => {
    const s = new GameSession(mini, '42');
    if (phase !== 'setup') must(s, { type: 'BEGIN' });
    if (phase === 'planning') must(s, { type: 'START' });
    expectRefused(s, { type }, 'wrong-phase');
  });

  it('wrong-phase: anything in the debrief', () => {
    const s = startedSession();
    must(s, { type: 'END_GAME' });
    for (const e of [{ type: 'NEXT' }, { type: 'PAUSE' }, { type: 'END_GAME' }, lever('sanctions', 'mixer_sanctions', 1)])
      expectRefused(s, e, 'wrong-phase');
  });

  it.each([{ type: 'FLY' }, { type: 42 }, {}, 'NEXT', null, undefined])('bad-event: %j is not an action', (event) => {
    expectRefused(startedSession(), event, 'bad-event');
  });

  it('paused: player actions and INJECT/EXTEND/NEXT while paused; PAUSE twice', () => {
    const s = startedSession();
    must(s, { type: 'PAUSE' });
    expectRefused(s, lever('sanctions', 'mixer_sanctions', 1), 'paused');
    expectRefused(s, { type: 'COMMIT', role: 'sanctions' }, 'paused');
    expectRefused(s, { type: 'INJECT', event: 'crash' }, 'paused');
    expectRefused(s, { type: 'EXTEND', turns: 1 }, 'paused');
    expectRefused(s, { type: 'PAUSE' }, 'paused');
    must(s, { type: 'RESUME' });
    planTurn(s, {});
    must(s, { type: 'PAUSE' });
    expectRefused(s, { type: 'NEXT' }, 'paused');
  });

  it('RESUME when not paused', () => {
    expectRefused(startedSession(), { type: 'RESUME' }, 'wrong-phase');
  });

  it('unknown-event: INJECT of an event the scenario does not have', () => {
    expectRefused(startedSession(), { type: 'INJECT', event: 'alien-invasion' }, 'unknown-event');
  });

  it.each([0, -1, 1.5, 235])('bad-event: EXTEND by %s turns (whole turns, at most 240 in all)', (turns) => {
    expectRefused(startedSession(), { type: 'EXTEND', turns }, 'bad-event');
  });

  it('the machine records the reason for subscribers, and an accepted event clears it', () => {
    const s = startedSession();
    const r = s.send({ type: 'NEXT' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(s.context.refusal).toEqual(r.refusal);
    must(s, { type: 'COMMIT', role: 'sanctions' });
    expect(s.context.refusal).toBeNull();
  });
});

describe('the machine’s root "*" refusal', () => {
  const start = () => {
    const actor = createActor(gameMachine, { input: { scenario: mini, seed: '42' } });
    actor.start();
    return actor;
  };

  it('refuses an event no state handles (NEXT in setup) with wrong-phase and keeps the game', () => {
    const actor = start();
    const before = actor.getSnapshot();
    actor.send({ type: 'NEXT' });
    const after = actor.getSnapshot();
    expect(after.value).toBe('setup');
    expect(after.context.refusal).toMatchObject({ code: 'wrong-phase', event: 'NEXT' });
    expect(after.context.game).toBe(before.context.game);
  });

  it('refuses an unknown event type with bad-event', () => {
    const actor = start();
    actor.send({ type: 'FLY' } as unknown as GameEvent);
    expect(actor.getSnapshot().context.refusal).toMatchObject({ code: 'bad-event', event: 'FLY' });
  });

  it('refuses in the debrief, which handles nothing', () => {
    const actor = start();
    actor.send({ type: 'BEGIN' });
    actor.send({ type: 'START' });
    actor.send({ type: 'END_GAME' });
    const game = actor.getSnapshot().context.game;
    actor.send({ type: 'PAUSE' });
    expect(actor.getSnapshot().value).toBe('debrief');
    expect(actor.getSnapshot().context.refusal).toMatchObject({ code: 'wrong-phase', event: 'PAUSE' });
    expect(actor.getSnapshot().context.game).toBe(game);
  });
});

describe('events with XState-internal types', () => {
  // XState obeys its own event types: if `xstate.stop` reached the actor it would stop it,
  // and every later action would return { ok: true }, be logged, and do nothing.
  it('"xstate.stop" is refused and the game goes on', () => {
    const s = new GameSession(mini, '42');
    must(s, { type: 'BEGIN' });
    expectRefused(s, { type: 'xstate.stop' }, 'bad-event');
    expect(s.send({ type: 'START' })).toEqual({ ok: true });
    expect(s.phase).toBe('planning');
  });

  // XState swallows `xstate.init` without running the root "*" refusal, so the session
  // must refuse it itself rather than log a non-game event into the replay.
  it('"xstate.init" is refused and not logged', () => {
    expectRefused(startedSession(), { type: 'xstate.init' }, 'bad-event');
  });
});
