// A client's mirror of a table: it re-derives the state from the server's events and
// checks the server's hashes; a gap asks for the missing events, a disagreement is caught
// and repaired by re-loading the whole log.
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { stateHash } from '../../src/engine/replay.ts';
import { Run } from '../../src/engine/run.ts';
import { TableMirror } from '../../src/net/mirror.ts';
import type { LogUpdate } from '../../src/net/protocol.ts';
import { mini } from '../fixtures/mini.ts';

const policy = Object.values(mini.policies)[0]!;
const server = playPolicy(new Run(mini, '3'), policy);

function update(from: number, to = server.log.length): LogUpdate {
  // What the server sends after its log reached `to` events.
  const upTo = new Run(mini, '3');
  for (const e of server.log.slice(0, to)) upTo.send(e);
  return { from, events: server.log.slice(from, to), turnHashes: [...upTo.turnHashes], stateHash: stateHash(upTo), attestation: null, reason: 'append' };
}

describe('TableMirror', () => {
  it('re-derives the server state from its events, in pieces, and agrees with every hash', () => {
    const m = new TableMirror(mini, '3', 'bare');
    const half = Math.floor(server.log.length / 2);
    expect(m.apply(update(0, half)).ok).toBe(true);
    const r = m.apply(update(half));
    expect(r.ok).toBe(true);
    expect(m.session.turnHashes).toEqual(server.turnHashes);
    expect(stateHash(m.session)).toBe(stateHash(server));
  });

  it('asks for the missing events when updates were missed', () => {
    const m = new TableMirror(mini, '3', 'bare');
    m.apply(update(0, 2));
    expect(m.apply(update(5))).toEqual({ ok: false, problem: 'gap', from: 2 });
  });

  it('catches a state that differs from the server and is repaired by the full log', () => {
    const m = new TableMirror(mini, '3', 'bare');
    const bad = update(0);
    bad.turnHashes = bad.turnHashes.map((h, i) => (i === 1 ? `${h.slice(0, -1)}${h.endsWith('0') ? '1' : '0'}` : h));
    const r = m.apply(bad);
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.problem).toBe('mismatch');
    expect(r.ok === false && r.problem === 'mismatch' && r.message).toMatch(/Turn 2/);
    m.rebuild();
    const again = m.apply({ ...update(0), reason: 'resync' });
    expect(again.ok).toBe(true);
    expect(m.session.turnHashes).toEqual(server.turnHashes);
  });

  it('starts over when the server log diverges from what it already holds', () => {
    const m = new TableMirror(mini, '3', 'bare');
    // This copy recorded a lever the server never sent (a stale tab, a bug): it must not keep it.
    const k = server.log.findIndex((e) => e.type === 'START');
    for (const e of server.log.slice(0, k + 1)) m.session.send(e);
    const lever = mini.levers[0]!;
    expect(m.session.send({ type: 'SET_LEVER', lever: lever.id, level: 1, turn: 1, seat: lever.role }).ok).toBe(true);
    expect(server.log[k + 1]).not.toEqual(m.session.log[k + 1]);
    const r = m.apply({ ...update(0), reason: 'join' });
    expect(r.ok && r.rebuilt).toBe(true);
    expect(m.session.turnHashes).toEqual(server.turnHashes);
  });
});
