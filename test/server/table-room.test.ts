// Room logic of the classroom server, through real WebSockets on 127.0.0.1 with
// @colyseus/testing: joining by code, seats, hidden plans, forced turns, pause,
// reconnection, late joiners, and what happens to forged or oversized messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySeatStore, type TableConnection } from '../../src/net/connection.ts';
import { roomIdFor } from '../../src/net/protocol.ts';
import type { TableRoom } from '../../src/server/table-room.ts';
import { settled, startTestClassroom, type TestClassroom, waitFor } from './helpers.ts';

let cls: TestClassroom;
beforeAll(async () => {
  cls = await startTestClassroom({ reconnectSeconds: 1 });
});
afterAll(async () => {
  await cls?.close();
});

async function fullTable(tables = 1) {
  const s = await cls.createSession({ scenario: 'tutorial', seed: '7', tables });
  const a = await cls.connect(s.code, 1, { as: 'student', role: 'sanctions', name: 'Ann' });
  const b = await cls.connect(s.code, 1, { as: 'student', role: 'defence', name: 'Bo' });
  const f = await cls.connect(s.code, 1, { as: 'facilitator', key: s.facilitatorKey });
  return { s, a, b, f };
}

const phase = (c: TableConnection) => settled(c)?.mirror?.session.phase;
const turn = (c: TableConnection) => settled(c)?.mirror?.session.game.turn;

async function startGame(a: TableConnection, b: TableConnection) {
  a.ready();
  b.ready();
  await waitFor('turn 1 planning', () => phase(a) === 'planning' && phase(b) === 'planning');
}

describe('joining by code', () => {
  it('creates a session with a short code and deals seats; the facilitator key is never sent to students', async () => {
    const s = await cls.createSession({ scenario: 'tutorial', seed: '11', tables: 2 });
    expect(s.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    const info = (await (await fetch(`${cls.base}/api/sessions/${s.code.toLowerCase()}`)).json()) as { tables: unknown[]; scenario: { roles: unknown[] } };
    expect(info.tables).toHaveLength(2);
    expect(info.scenario.roles).toHaveLength(2);
    const seen: string[] = [];
    const a = await cls.connect(s.code, 2, { as: 'student', role: 'auto', name: 'Ann' });
    expect(a.state.welcome?.role).toBe('sanctions');
    expect(a.state.welcome?.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(a.state.welcome?.seed).toBe('11');
    const b = await cls.connect(s.code, 2, { as: 'student', role: 'auto', name: 'Bo' });
    expect(b.state.welcome?.role).toBe('defence');
    seen.push(JSON.stringify(a.state), JSON.stringify(b.state));
    expect(seen.join('')).not.toContain(s.facilitatorKey);
    expect(a.state.status?.totals).toBeUndefined();
    // Every table of a session shares scenario and seed.
    const other = await cls.connect(s.code, 1, { as: 'student', role: 'auto', name: 'Cy' });
    expect(other.state.welcome?.seed).toBe('11');
    expect(other.state.mirror?.scenario.id).toBe('tutorial');
  });

  it('answers a wrong or malformed code with a message that says what to do', async () => {
    const res = await fetch(`${cls.base}/api/sessions/ZZZZZZ`);
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toMatch(/no class session with the code ZZZZZZ/);
    const bad = await fetch(`${cls.base}/api/sessions/0O1`);
    expect(bad.status).toBe(400);
    await expect(cls.connect('ZZZZZZ', 1, { as: 'student', role: 'auto', name: '' })).rejects.toThrow(/does not exist|not found/i);
  });

  it('refuses a wrong facilitator key and a room created by a player', async () => {
    const s = await cls.createSession({ scenario: 'tutorial', tables: 1 });
    await expect(cls.connect(s.code, 1, { as: 'facilitator', key: 'not-the-key' })).rejects.toThrow(/facilitator key/);
    const res = await fetch(`${cls.base}/matchmake/create/table`, { method: 'POST', body: JSON.stringify({ code: s.code, table: 9 }) });
    expect(res.status).toBe(403);
    // Sessions are created with JSON only (a form on another site cannot post one).
    const form = await fetch(`${cls.base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ scenario: 'tutorial', tables: 1 }) });
    expect(form.status).toBe(415);
  });
});

describe('seats', () => {
  it('refuses a taken seat without its secret; the secret takes it back and replaces the old connection', async () => {
    const s = await cls.createSession({ scenario: 'tutorial', tables: 1 });
    const seats = memorySeatStore();
    const a = await cls.connect(s.code, 1, { as: 'student', role: 'sanctions', name: 'Ann' }, seats);
    await expect(cls.connect(s.code, 1, { as: 'student', role: 'sanctions', name: 'Eve' })).rejects.toThrow(/taken by Ann/);
    // Same browser (same seat store), e.g. a reload: the saved secret takes the seat back.
    const again = await cls.connect(s.code, 1, { as: 'student', role: 'auto', name: 'Ann' }, seats);
    expect(again.state.welcome?.role).toBe('sanctions');
    await waitFor('old connection replaced', () => a.state.link === 'closed' && a.state.problem?.includes('another tab'));
    expect(again.state.link).toBe('online');
  });
});

describe('turns', () => {
  it('hides submitted plans: others see "submitted" only; the turn resolves when every seat has submitted', async () => {
    const { a, b, f } = await fullTable();
    await startGame(a, b);
    const heard: string[] = [];
    const room = (b as unknown as { room: { onMessage(t: string, cb: (m: unknown) => void): void } }).room;
    room.onMessage('*', (m: unknown) => heard.push(JSON.stringify(m)));
    a.submit({ 'sanction-mixers': 3 });
    await waitFor('sanctions shown as submitted', () => b.state.status?.seats.find((x) => x.role === 'sanctions')?.done);
    expect(phase(b)).toBe('planning');
    expect(f.state.status?.seats.find((x) => x.role === 'sanctions')?.done).toBe(true);
    // Nothing B (or the facilitator) received says what the plan is.
    expect(heard.join('\n')).not.toContain('sanction-mixers');
    expect(JSON.stringify(b.state.status)).not.toContain('sanction-mixers');
    expect(b.state.mirror?.session.log.some((e) => e.type === 'SET_LEVER')).toBe(false);
    b.submit({ 'phishing-training': 2 });
    await waitFor('turn 1 resolved', () => phase(a) === 'report' && phase(b) === 'report');
    const levers = a.state.mirror!.session.game.levers;
    expect(levers['sanction-mixers']).toBe(3);
    expect(levers['phishing-training']).toBe(2);
    // Every client re-derived the same state as the server.
    const server = cls.colyseus.getRoomById(a.roomId) as unknown as TableRoom;
    expect(server.replayFile()).toContain('"finalStateHash"');
    expect(a.state.mirror!.session.turnHashes).toEqual(b.state.mirror!.session.turnHashes);
  });

  it('a forced turn resolves with the missing roles keeping their levers', async () => {
    const { a, b, f } = await fullTable();
    await startGame(a, b);
    a.submit({ 'sanction-mixers': 1 });
    b.submit({ 'bridge-validators': 2 });
    await waitFor('turn 1 report', () => phase(a) === 'report');
    a.ready();
    b.ready();
    await waitFor('turn 2 planning', () => turn(a) === 2 && phase(a) === 'planning');
    a.submit({ 'sanction-mixers': 2 });
    await waitFor('a submitted', () => f.state.status?.seats.find((x) => x.role === 'sanctions')?.done);
    f.facilitator({ action: 'force' });
    await waitFor('turn 2 forced', () => phase(b) === 'report' && turn(b) === 2);
    const g = b.state.mirror!.session.game;
    expect(g.levers['sanction-mixers']).toBe(2);
    expect(g.levers['bridge-validators']).toBe(2); // defence kept its levers
    expect(f.state.status?.totals?.stolenUsd).toBeGreaterThanOrEqual(0);
  });

  it('pause refuses plans until resume; facilitator actions are in the log', async () => {
    const { a, b, f } = await fullTable();
    await startGame(a, b);
    f.facilitator({ action: 'pause' });
    await waitFor('paused', () => a.state.status?.paused);
    a.submit({ 'sanction-mixers': 1 });
    await waitFor('paused notice', () => a.state.notice?.code === 'paused');
    expect(a.state.status?.seats.find((x) => x.role === 'sanctions')?.done).toBe(false);
    f.facilitator({ action: 'inject', event: 'crypto-crash' });
    f.facilitator({ action: 'resume' });
    await waitFor('resumed', () => a.state.status && !a.state.status.paused && settled(a));
    const types = a.state.mirror!.session.log.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['PAUSE', 'RESUME']));
  });

  it('refuses a plan for a turn the game has left, saying the game moved on', async () => {
    const { a, b, f } = await fullTable();
    await startGame(a, b);
    f.facilitator({ action: 'force' });
    await waitFor('report', () => phase(a) === 'report');
    a.send('submit', { turn: 1, levers: { 'sanction-mixers': 3 } });
    await waitFor('moved on', () => a.state.notice?.code === 'game-moved-on');
  });
});

describe('reconnecting and late joining', () => {
  it('a dropped connection resumes its seat with the token, and after the window with the seat secret', async () => {
    const { a, b } = await fullTable();
    await startGame(a, b);
    const roleBefore = a.state.welcome?.role;
    a.dropForTest();
    await waitFor('reconnected within the window', () => a.state.reconnects === 1 && settled(a) && a.state.status?.seats.find((x) => x.role === 'sanctions')?.connected, 8000);
    const tokenSession = (a as unknown as { room: { sessionId: string } }).room.sessionId;
    expect(a.state.welcome?.role).toBe(roleBefore);
    // Out of the window (1 s in this test), the token is gone; the seat secret still holds the seat.
    (a as unknown as { opts: { seats: { load(c: string): { reconnectionToken?: string } } } }).opts.seats.load(a.state.welcome!.code)!.reconnectionToken = 'expired:token';
    a.dropForTest();
    await waitFor('rejoined with the seat secret', () => a.state.reconnects === 2 && settled(a), 8000);
    expect(a.state.welcome?.role).toBe('sanctions');
    // A new session (not the token's): the seat secret, not the reconnection token, brought it back.
    expect((a as unknown as { room: { sessionId: string } }).room.sessionId).not.toBe(tokenSession);
    a.submit({ 'sanction-mixers': 1 });
    b.submit({});
    await waitFor('plays on', () => phase(a) === 'report' && phase(b) === 'report');
  });

  it('a late joiner is brought up to date from the log and agrees with every hash', async () => {
    const { s, a, b, f } = await fullTable();
    await startGame(a, b);
    f.facilitator({ action: 'force' });
    await waitFor('report 1', () => phase(a) === 'report');
    f.facilitator({ action: 'force' });
    await waitFor('turn 2', () => turn(a) === 2 && phase(a) === 'planning');
    const late = await cls.connect(s.code, 1, { as: 'observer' });
    await waitFor('late joiner settled', () => settled(late));
    expect(late.state.mirror!.session.turnHashes).toEqual(a.state.mirror!.session.turnHashes);
    expect(late.state.mirror!.session.game.turn).toBe(2);
  });
});

describe('forged and oversized messages', () => {
  it('refuses actions for another seat, facilitator actions from students, malformed and unknown messages', async () => {
    const { a, b } = await fullTable();
    await startGame(a, b);
    a.send('submit', { turn: 1, levers: { 'phishing-training': 3 } }); // a defence lever
    await waitFor('not your lever', () => a.state.notice?.message.includes('belongs to the defence role'));
    a.send('facilitator', { action: 'end' });
    await waitFor('not the facilitator', () => a.state.notice?.message.includes('Only the facilitator'));
    (a as unknown as { send(t: string, m: unknown): void }).send('submit', { turn: 1, levers: {}, role: 'defence' });
    await waitFor('malformed', () => a.state.notice?.message.startsWith('Malformed submit'));
    (a as unknown as { send(t: string, m: unknown): void }).send('steal', {});
    await waitFor('unknown', () => a.state.notice?.message.includes('Unknown message'));
    a.submit({ 'sanction-mixers': 3, 'trace-and-seize': 3 }); // 12 points, budget 6
    await waitFor('over budget', () => a.state.notice?.message.includes('points a turn'));
    expect(b.state.mirror!.session.phase).toBe('planning');
    expect(a.state.link).toBe('online');
  });

  it('limits the rate, and closes a connection that keeps sending refused messages', async () => {
    const s = await cls.createSession({ scenario: 'tutorial', tables: 1 });
    const raw = await cls.colyseus.sdk.joinById(roomIdFor(s.code, 1), { as: 'student', role: 'auto', name: 'Mal' });
    const notices: string[] = [];
    raw.onMessage('notice', (n: { code: string }) => notices.push(n.code));
    let left = 0;
    raw.onLeave((code: number) => {
      left = code;
    });
    for (let i = 0; i < 60; i++) raw.send('ready', { turn: 99, phase: 'briefing' });
    await waitFor('rate limited', () => notices.includes('rate-limited'));
    await waitFor('closed for abuse', () => left === 4002);
  });

  it('closes a connection that sends an oversized frame; the table plays on', async () => {
    const { s, a } = await fullTable();
    const raw = await cls.colyseus.sdk.joinById(roomIdFor(s.code, 1), { as: 'observer' });
    let left = 0;
    raw.onLeave((code: number) => {
      left = code;
    });
    raw.send('sync', { from: 0, reason: 'join', padding: 'x'.repeat(10_000) });
    await waitFor('oversized frame closed the connection', () => left !== 0);
    expect(left).not.toBe(1000);
    a.ready();
    await waitFor('table still answers', () => a.state.status?.seats.find((x) => x.role === 'sanctions')?.done);
  });
});
