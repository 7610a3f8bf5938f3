import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Action, GameEvent } from '../../src/engine/events-types.ts';
import { gameMachine } from '../../src/engine/machine.ts';
import type { RefusalCode } from '../../src/engine/rules.ts';
import { GameSession } from '../../src/engine/session.ts';
import { mini } from '../fixtures/mini.ts';
import { FAC, must, planTurn, startedSession, TABLE } from './helpers.ts';

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

/** An action from a seat, stamped with the session's current turn. */
const at = (s: GameSession, seat: string, action: Action): GameEvent => ({ ...action, turn: s.game.turn, seat });
const lever = (id: string, level: number): Action => ({ type: 'SET_LEVER', lever: id, level });

describe('SET_LEVER refusals (state and log unchanged)', () => {
  it('wrong-role: a role sets another role’s lever', () => {
    const s = startedSession();
    expectRefused(s, at(s, 'sanctions', lever('bridge_validators', 1)), 'wrong-role');
  });

  it('already-committed: a role that has committed cannot plan again this turn', () => {
    const s = startedSession();
    must(s, 'sanctions', { type: 'COMMIT' });
    expectRefused(s, at(s, 'sanctions', lever('mixer_sanctions', 1)), 'already-committed');
  });

  it('unknown-role: a seat that is not a role of the scenario', () => {
    const s = startedSession();
    expectRefused(s, at(s, 'navy', lever('mixer_sanctions', 1)), 'unknown-role');
  });

  it('wrong-seat: the facilitator cannot set a role’s lever', () => {
    const s = startedSession();
    expectRefused(s, at(s, FAC, lever('mixer_sanctions', 1)), 'wrong-seat');
  });

  it('unknown-lever', () => {
    const s = startedSession();
    expectRefused(s, at(s, 'sanctions', lever('carrier_group', 1)), 'unknown-lever');
  });

  it.each([-1, 4, 1.5, Number.NaN])('level-out-of-range: level %s on a lever with maxLevel 3', (level) => {
    const s = startedSession();
    expectRefused(s, at(s, 'sanctions', lever('mixer_sanctions', level)), 'level-out-of-range');
  });

  it('over-budget: 3 × 3 + 1 × 2 = 11 points for a budget of 10', () => {
    const s = startedSession();
    must(s, 'sanctions', lever('mixer_sanctions', 3));
    expectRefused(s, at(s, 'sanctions', lever('otc_designation', 1)), 'over-budget');
  });

  it('accepts spending exactly the budget', () => {
    const s = startedSession();
    must(s, 'sanctions', lever('mixer_sanctions', 2));
    must(s, 'sanctions', lever('otc_designation', 2));
    expect(s.game.draft).toMatchObject({ mixer_sanctions: 2, otc_designation: 2 });
  });

  it('wrong-phase: SET_LEVER in the report phase', () => {
    const s = startedSession();
    planTurn(s, {});
    expectRefused(s, at(s, 'sanctions', lever('mixer_sanctions', 1)), 'wrong-phase');
  });
});

describe('other refusals (state and log unchanged)', () => {
  it('already-committed: COMMIT twice', () => {
    const s = startedSession();
    must(s, 'sanctions', { type: 'COMMIT' });
    expectRefused(s, at(s, 'sanctions', { type: 'COMMIT' }), 'already-committed');
  });

  it('unknown-role: COMMIT by a role not in the scenario', () => {
    const s = startedSession();
    expectRefused(s, at(s, 'navy', { type: 'COMMIT' }), 'unknown-role');
  });

  it('wrong-seat: the facilitator cannot commit for a role', () => {
    const s = startedSession();
    expectRefused(s, at(s, FAC, { type: 'COMMIT' }), 'wrong-seat');
  });

  it.each(['PAUSE', 'END_GAME'] as const)('wrong-seat: a player seat cannot %s', (type) => {
    const s = startedSession();
    expectRefused(s, at(s, 'sanctions', { type }), 'wrong-seat');
  });

  it('wrong-seat: a player seat cannot inject or extend', () => {
    const s = startedSession();
    expectRefused(s, at(s, 'defence', { type: 'INJECT', event: 'crash' }), 'wrong-seat');
    expectRefused(s, at(s, 'defence', { type: 'EXTEND', turns: 1 }), 'wrong-seat');
  });

  it('the facilitator may also move the game on (begin, start, next)', () => {
    const s = new GameSession(mini, '42');
    must(s, FAC, { type: 'BEGIN' });
    must(s, FAC, { type: 'START' });
    planTurn(s, {});
    must(s, FAC, { type: 'NEXT' });
    expect(s.game.turn).toBe(2);
  });

  it('stale-turn: an event sent for a turn the game has left (the game moved on)', () => {
    const s = startedSession();
    planTurn(s, {});
    must(s, TABLE, { type: 'NEXT' });
    expectRefused(s, { type: 'COMMIT', turn: 1, seat: 'sanctions' }, 'stale-turn');
    expectRefused(s, { type: 'SET_LEVER', turn: 3, seat: 'sanctions', lever: 'mixer_sanctions', level: 1 }, 'stale-turn');
  });

  it.each([
    ['setup', 'START'],
    ['setup', 'NEXT'],
    ['briefing', 'BEGIN'],
    ['planning', 'NEXT'],
    ['planning', 'START'],
  ] as const)('wrong-phase: in %s, %s', (phase, type) => {
    const s = new GameSession(mini, '42');
    if (phase !== 'setup') must(s, TABLE, { type: 'BEGIN' });
    if (phase === 'planning') must(s, TABLE, { type: 'START' });
    expectRefused(s, at(s, TABLE, { type }), 'wrong-phase');
  });

  it('wrong-phase: anything in the debrief', () => {
    const s = startedSession();
    must(s, FAC, { type: 'END_GAME' });
    for (const e of [at(s, TABLE, { type: 'NEXT' }), at(s, FAC, { type: 'PAUSE' }), at(s, FAC, { type: 'END_GAME' }), at(s, 'sanctions', lever('mixer_sanctions', 1))])
      expectRefused(s, e, 'wrong-phase');
  });

  it.each([
    { type: 'FLY', turn: 1, seat: 'sanctions' },
    { type: 42 },
    {},
    'NEXT',
    null,
    undefined,
    { type: 'NEXT' },
    { type: 'COMMIT', seat: 'sanctions' },
    { type: 'COMMIT', turn: 1 },
    { type: 'COMMIT', turn: -1, seat: 'sanctions' },
    { type: 'COMMIT', turn: 1, seat: '' },
    { type: 'SET_LEVER', turn: 1, seat: 'sanctions', level: 1 },
    { type: 'INJECT', turn: 1, seat: 'facilitator' },
  ])('bad-event: %j is not a stamped action', (event) => {
    expectRefused(startedSession(), event, 'bad-event');
  });

  it('paused: player actions and INJECT/EXTEND/NEXT while paused; PAUSE twice', () => {
    const s = startedSession();
    must(s, FAC, { type: 'PAUSE' });
    expectRefused(s, at(s, 'sanctions', lever('mixer_sanctions', 1)), 'paused');
    expectRefused(s, at(s, 'sanctions', { type: 'COMMIT' }), 'paused');
    expectRefused(s, at(s, FAC, { type: 'INJECT', event: 'crash' }), 'paused');
    expectRefused(s, at(s, FAC, { type: 'EXTEND', turns: 1 }), 'paused');
    expectRefused(s, at(s, FAC, { type: 'PAUSE' }), 'paused');
    must(s, FAC, { type: 'RESUME' });
    planTurn(s, {});
    must(s, FAC, { type: 'PAUSE' });
    expectRefused(s, at(s, TABLE, { type: 'NEXT' }), 'paused');
  });

  it('RESUME when not paused', () => {
    const s = startedSession();
    expectRefused(s, at(s, FAC, { type: 'RESUME' }), 'wrong-phase');
  });

  it('unknown-event: INJECT of an event the scenario does not have', () => {
    const s = startedSession();
    expectRefused(s, at(s, FAC, { type: 'INJECT', event: 'alien-invasion' }), 'unknown-event');
  });

  it.each([0, -1, 1.5, 235])('bad-event: EXTEND by %s turns (whole turns, at most 240 in all)', (turns) => {
    const s = startedSession();
    expectRefused(s, at(s, FAC, { type: 'EXTEND', turns }), 'bad-event');
  });

  it('the machine records what the last event did for subscribers', () => {
    const s = startedSession();
    const r = s.act(TABLE, { type: 'NEXT' });
    expect(r.ok).toBe(false);
    expect(s.context.last).toMatchObject({ ok: false, refusal: { code: 'wrong-phase' } });
    must(s, 'sanctions', { type: 'COMMIT' });
    expect(s.context.last).toMatchObject({ ok: true, reports: [] });
  });
});

describe('the machine hands every event to the rules', () => {
  const start = () => {
    const actor = createActor(gameMachine, { input: { scenario: mini, seed: '42' } });
    actor.start();
    return actor;
  };

  it('refuses an event no phase allows (NEXT in setup) with wrong-phase and keeps the game', () => {
    const actor = start();
    const before = actor.getSnapshot();
    actor.send({ type: 'NEXT', turn: 0, seat: TABLE });
    const after = actor.getSnapshot();
    expect(after.value).toBe('setup');
    expect(after.context.last).toMatchObject({ ok: false, refusal: { code: 'wrong-phase', event: 'NEXT' } });
    expect(after.context.game).toBe(before.context.game);
  });

  it('refuses an unknown event type with bad-event', () => {
    const actor = start();
    actor.send({ type: 'FLY', turn: 0, seat: TABLE } as unknown as GameEvent);
    expect(actor.getSnapshot().context.last).toMatchObject({ ok: false, refusal: { code: 'bad-event', event: 'FLY' } });
  });

  it('follows the phase the step leaves the game in: setup → briefing → turn.planning → turn.report → debrief', () => {
    const actor = start();
    const values: unknown[] = [actor.getSnapshot().value];
    const send = (e: GameEvent) => {
      actor.send(e);
      values.push(actor.getSnapshot().value);
    };
    send({ type: 'BEGIN', turn: 0, seat: TABLE });
    send({ type: 'START', turn: 0, seat: TABLE });
    send({ type: 'COMMIT', turn: 1, seat: 'sanctions' });
    send({ type: 'COMMIT', turn: 1, seat: 'defence' });
    send({ type: 'END_GAME', turn: 1, seat: FAC });
    expect(values).toEqual(['setup', 'briefing', { turn: 'planning' }, { turn: 'planning' }, { turn: 'report' }, 'debrief']);
  });

  it('refuses in the debrief', () => {
    const actor = start();
    actor.send({ type: 'BEGIN', turn: 0, seat: TABLE });
    actor.send({ type: 'START', turn: 0, seat: TABLE });
    actor.send({ type: 'END_GAME', turn: 1, seat: FAC });
    const game = actor.getSnapshot().context.game;
    actor.send({ type: 'PAUSE', turn: 1, seat: FAC });
    expect(actor.getSnapshot().value).toBe('debrief');
    expect(actor.getSnapshot().context.last).toMatchObject({ ok: false, refusal: { code: 'wrong-phase', event: 'PAUSE' } });
    expect(actor.getSnapshot().context.game).toBe(game);
  });

  it('resumes a game from a state: the chart goes straight to its phase', () => {
    const s = startedSession();
    planTurn(s, {});
    const actor = createActor(gameMachine, { input: { scenario: mini, seed: '42', game: s.game } });
    actor.start();
    expect(actor.getSnapshot().value).toEqual({ turn: 'report' });
  });
});

describe('events with XState-internal types', () => {
  // XState obeys its own event types: if `xstate.stop` reached the actor it would stop it,
  // and every later action would return { ok: true }, be logged, and do nothing.
  it('"xstate.stop" is refused and the game goes on', () => {
    const s = new GameSession(mini, '42');
    must(s, TABLE, { type: 'BEGIN' });
    expectRefused(s, { type: 'xstate.stop', turn: 0, seat: TABLE }, 'bad-event');
    expect(s.act(TABLE, { type: 'START' })).toEqual({ ok: true });
    expect(s.phase).toBe('planning');
  });

  it('"xstate.init" is refused and not logged', () => {
    expectRefused(startedSession(), { type: 'xstate.init', turn: 1, seat: TABLE }, 'bad-event');
  });
});
