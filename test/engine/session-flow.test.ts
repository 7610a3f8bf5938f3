import { describe, expect, it } from 'vitest';
import { activeRole } from '../../src/engine/rules.ts';
import { GameSession } from '../../src/engine/session.ts';
import { mini } from '../fixtures/mini.ts';
import { FAC, must, planTurn, startedSession, TABLE } from './helpers.ts';

describe('game flow', () => {
  it('stamps each logged event with its turn and seat, so the log says who did what when', () => {
    const s = startedSession();
    planTurn(s, { mixer_sanctions: 1 });
    must(s, FAC, { type: 'PAUSE' });
    must(s, FAC, { type: 'RESUME' });
    must(s, TABLE, { type: 'NEXT' });
    expect(s.log.map((e) => `${e.type}@${e.turn}/${e.seat}`)).toEqual([
      'BEGIN@0/sanctions',
      'START@0/sanctions',
      'SET_LEVER@1/sanctions',
      'COMMIT@1/sanctions',
      'COMMIT@1/defence',
      'PAUSE@1/facilitator',
      'RESUME@1/facilitator',
      'NEXT@1/sanctions',
    ]);
  });

  it('goes setup → briefing → planning → report → planning … → debrief', () => {
    const s = new GameSession(mini, '42');
    const phases: string[] = [s.phase];
    must(s, TABLE, { type: 'BEGIN' });
    phases.push(s.phase);
    must(s, TABLE, { type: 'START' });
    phases.push(s.phase);
    for (let turn = 1; turn <= mini.calendar.turns; turn++) {
      planTurn(s, {});
      phases.push(s.phase);
      must(s, TABLE, { type: 'NEXT' });
      phases.push(s.phase);
    }
    expect(phases).toEqual([
      'setup',
      'briefing',
      'planning',
      ...Array.from({ length: mini.calendar.turns - 1 }, () => ['report', 'planning']).flat(),
      'report',
      'debrief',
    ]);
    expect(s.game.ended).toBe(true);
  });

  it('numbers turns from 1 and writes one report and one hash per turn', () => {
    const s = startedSession();
    expect(s.game.turn).toBe(1);
    planTurn(s, {});
    expect(s.reports.map((r) => r.turn)).toEqual([1]);
    expect(s.reports[0]!.label).toBe('2022-01');
    expect(s.turnHashes).toHaveLength(1);
    must(s, TABLE, { type: 'NEXT' });
    expect(s.game.turn).toBe(2);
  });

  it('logs every accepted event in order', () => {
    const s = startedSession();
    must(s, 'sanctions', { type: 'SET_LEVER' , lever: 'mixer_sanctions', level: 1 });
    must(s, 'sanctions', { type: 'COMMIT' });
    expect(s.log).toEqual([
      { type: 'BEGIN', turn: 0, seat: TABLE },
      { type: 'START', turn: 0, seat: TABLE },
      { type: 'SET_LEVER', turn: 1, seat: 'sanctions', lever: 'mixer_sanctions', level: 1 },
      { type: 'COMMIT', turn: 1, seat: 'sanctions' },
    ]);
  });
});

describe('planning', () => {
  it('resolves the turn after the last role commits, whatever the order', () => {
    const s = startedSession();
    must(s, 'defence', { type: 'COMMIT' });
    expect(s.game.committed).toEqual(['defence']);
    expect(s.phase).toBe('planning');
    must(s, 'sanctions', { type: 'COMMIT' });
    expect(s.phase).toBe('report');
    expect(s.game.committed).toEqual([]);
  });

  it('lets roles plan in parallel with the same outcome as in scenario order', () => {
    const inOrder = startedSession();
    planTurn(inOrder, { mixer_sanctions: 2, bridge_validators: 1 });
    const interleaved = startedSession();
    must(interleaved, 'defence', { type: 'SET_LEVER', lever: 'bridge_validators', level: 1 });
    must(interleaved, 'sanctions', { type: 'SET_LEVER', lever: 'mixer_sanctions', level: 2 });
    must(interleaved, 'defence', { type: 'COMMIT' });
    must(interleaved, 'sanctions', { type: 'COMMIT' });
    expect(interleaved.turnHashes).toEqual(inOrder.turnHashes);
  });

  it('shows a shared screen the first role, in scenario order, that has not committed', () => {
    const s = startedSession();
    expect(activeRole(mini, s.game)).toBe('sanctions');
    must(s, 'sanctions', { type: 'COMMIT' });
    expect(activeRole(mini, s.game)).toBe('defence');
    must(s, 'defence', { type: 'COMMIT' });
    expect(activeRole(mini, s.game)).toBeNull();
  });

  it('puts the planned levels in force for the turn it resolves', () => {
    const s = startedSession();
    planTurn(s, { mixer_sanctions: 2, bridge_validators: 3 });
    expect(s.game.levers).toEqual({ mixer_sanctions: 2, otc_designation: 0, bridge_validators: 3 });
    expect(s.reports[0]!.levers).toEqual(s.game.levers);
    expect(s.reports[0]!.freeze.mixers).toBe(0.109); // sanctions bite at once
    expect(s.reports[0]!.defense.bridges).toBe(0); // a posture has not built up in its first month
    expect(s.game.defence.stock.slice(2)).toEqual([0.03375, 0.03375]); // 1.5 × build² (0.15²) after the month
    expect(s.reports[0]!.costByRole).toEqual({ sanctions: 6, defence: 6 });
  });

  it('keeps levels in force into the next turn’s draft until changed', () => {
    const s = startedSession();
    planTurn(s, { mixer_sanctions: 2 });
    must(s, TABLE, { type: 'NEXT' });
    expect(s.game.draft).toEqual({ mixer_sanctions: 2, otc_designation: 0, bridge_validators: 0 });
  });

  it('reports the calendar multiplier in March (turn 3)', () => {
    const s = startedSession();
    for (let t = 1; t <= 3; t++) {
      planTurn(s, {});
      if (t < 3) must(s, TABLE, { type: 'NEXT' });
    }
    expect(s.reports.map((r) => [r.label, r.launchMultiplier, r.calendarNotes])).toEqual([
      ['2022-01', 1, []],
      ['2022-02', 1, []],
      ['2022-03', 2, ['Spring drills']],
    ]);
  });
});

describe('facilitator', () => {
  it('PAUSE stops player actions and RESUME lets them continue', () => {
    const s = startedSession();
    must(s, FAC, { type: 'PAUSE' });
    expect(s.game.paused).toBe(true);
    expect(s.act('sanctions', { type: 'SET_LEVER' , lever: 'mixer_sanctions', level: 1 })).toMatchObject({
      ok: false,
      refusal: { code: 'paused' },
    });
    must(s, FAC, { type: 'RESUME' });
    expect(s.game.paused).toBe(false);
    must(s, 'sanctions', { type: 'SET_LEVER' , lever: 'mixer_sanctions', level: 1 });
    expect(s.game.draft.mixer_sanctions).toBe(1);
  });

  it('INJECT in planning puts the event in this turn’s report as injected', () => {
    const s = startedSession();
    must(s, FAC, { type: 'INJECT' , event: 'validator-phish' });
    expect(s.game.injects).toEqual(['validator-phish']);
    planTurn(s, {});
    expect(s.reports[0]!.events.map((e) => [e.id, e.kind])).toContainEqual(['validator-phish', 'injected']);
    expect(s.reports[0]!.heists.some((h) => h.eventId === 'validator-phish')).toBe(true);
    expect(s.game.injects).toEqual([]);
  });

  it('INJECT in the report phase fires in the next turn', () => {
    const s = startedSession();
    planTurn(s, {});
    must(s, FAC, { type: 'INJECT' , event: 'crash' });
    expect(s.reports[0]!.events.some((e) => e.kind === 'injected')).toBe(false);
    must(s, TABLE, { type: 'NEXT' });
    planTurn(s, {});
    expect(s.reports[1]!.events).toContainEqual({
      id: 'crash',
      title: 'Market crash',
      text: 'Crypto prices fall.',
      kind: 'injected',
    });
    expect(s.game.firedEvents).toContain('crash');
  });

  it('EXTEND adds turns to the game', () => {
    const s = startedSession();
    must(s, FAC, { type: 'EXTEND' , turns: 2 });
    expect(s.game.turnsTotal).toBe(8);
    while (s.phase !== 'debrief') {
      planTurn(s, {});
      must(s, TABLE, { type: 'NEXT' });
    }
    expect(s.reports).toHaveLength(8);
  });

  it('EXTEND on the last report continues into a new turn instead of the debrief', () => {
    const s = startedSession();
    for (let t = 1; t < 6; t++) {
      planTurn(s, {});
      must(s, TABLE, { type: 'NEXT' });
    }
    planTurn(s, {});
    must(s, FAC, { type: 'EXTEND' , turns: 1 });
    must(s, TABLE, { type: 'NEXT' });
    expect(s.phase).toBe('planning');
    expect(s.game.turn).toBe(7);
  });

  it('END_GAME goes to the debrief, drops the unfinished plan and keeps the reports', () => {
    const s = startedSession();
    planTurn(s, { mixer_sanctions: 1 });
    must(s, TABLE, { type: 'NEXT' });
    must(s, 'sanctions', { type: 'SET_LEVER' , lever: 'mixer_sanctions', level: 3 });
    must(s, FAC, { type: 'END_GAME' });
    expect(s.phase).toBe('debrief');
    expect(s.game.ended).toBe(true);
    expect(s.game.draft).toEqual(s.game.levers);
    expect(s.reports).toHaveLength(1);
  });

  it('END_GAME works while paused and clears the pause', () => {
    const s = startedSession();
    must(s, FAC, { type: 'PAUSE' });
    must(s, FAC, { type: 'END_GAME' });
    expect(s.phase).toBe('debrief');
    expect(s.game.paused).toBe(false);
  });
});
