// Beyond one machine: two classroom server processes sharing sessions and rooms through
// Colyseus' Redis presence and driver. A student joining through either process reaches
// the same room (the process that does not host it forwards the WebSocket). Debian's
// redis-server is started here on 127.0.0.1 (.ci/run installs it when missing).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySeatStore, TableConnection } from '../../src/net/connection.ts';
import { freePort, ROOT, settled, waitFor } from './helpers.ts';

const REDIS = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
const children: ChildProcess[] = [];
const dirs: string[] = [];
let redisUrl = '';

function spawnAndWait(cmd: string, args: string[], ready: RegExp, what: string): Promise<ChildProcess> {
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (d) => {
    out += String(d);
  });
  child.stderr!.on('data', (d) => {
    out += String(d);
  });
  return waitFor(`${what} to start (output: ${out.slice(-500)})`, () => ready.test(out) && child, 30_000);
}

async function startServer(): Promise<string> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'cashout-redis-'));
  dirs.push(dir);
  await spawnAndWait(
    process.execPath,
    [join(ROOT, 'bin/classroom.js'), '--no-build', '--host', '127.0.0.1', '--port', String(port), '--data', dir, '--redis', redisUrl],
    /Press Ctrl\+C/,
    `classroom server on ${port}`,
  );
  return `http://127.0.0.1:${port}`;
}

let a = '';
let b = '';
beforeAll(async () => {
  if (!existsSync(REDIS)) throw new Error(`${REDIS} is missing: install Debian's redis-server (apt-get install -y redis-server); .ci/run does this.`);
  const port = await freePort();
  await spawnAndWait(REDIS, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], /Ready to accept connections/, 'redis-server');
  redisUrl = `redis://127.0.0.1:${port}`;
  a = await startServer();
  b = await startServer();
}, 90_000);

afterAll(async () => {
  // Servers first, then Redis, so no process is left retrying a dead connection.
  for (const c of children.reverse()) {
    if (c.exitCode === null) {
      const gone = new Promise((r) => c.once('exit', r));
      c.kill('SIGKILL');
      await gone;
    }
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('two classroom processes behind Redis', () => {
  it('are two processes; a session created through one is known to the other', async () => {
    const ha = (await (await fetch(`${a}/api/health`)).json()) as { processId: string };
    const hb = (await (await fetch(`${b}/api/health`)).json()) as { processId: string };
    expect(ha.processId).not.toBe(hb.processId);
    const res = await fetch(`${a}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'tutorial', seed: '3', tables: 2 }) });
    const s = (await res.json()) as { code: string };
    const viaB = await fetch(`${b}/api/sessions/${s.code}`);
    expect(viaB.status, await viaB.clone().text()).toBe(200);
    expect(((await viaB.json()) as { tables: unknown[] }).tables).toHaveLength(2);
  });

  it('students joining through either process reach the same room and play a turn together', async () => {
    const res = await fetch(`${b}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'tutorial', seed: '4', tables: 2 }) });
    const s = (await res.json()) as { code: string };
    const join = (endpoint: string, table: number, role: string) =>
      new TableConnection({ endpoint, code: s.code, table, join: { as: 'student', role, name: role }, seats: memorySeatStore(), maxAttempts: 10, maxPauseMs: 200 });
    const conns = [join(a, 1, 'sanctions'), join(b, 1, 'defence'), join(b, 2, 'sanctions'), join(a, 2, 'defence')];
    for (const c of conns) await c.connect();
    for (const c of conns) await waitFor('settled', () => settled(c), 10_000);
    const [x, y] = conns as [TableConnection, TableConnection];
    // Each sees the other at the same table: one room, whichever process it lives on.
    await waitFor('both seats connected in one room', () => x.state.status?.seats.every((seat) => seat.connected) && y.state.status?.seats.every((seat) => seat.connected), 10_000);
    for (const c of conns) c.ready();
    await waitFor('planning at both tables', () => conns.every((c) => settled(c)?.mirror?.session.phase === 'planning'), 10_000);
    x.submit({ 'sanction-mixers': 2 });
    y.submit({ 'bridge-validators': 3 });
    await waitFor('table 1 resolved', () => settled(x)?.mirror?.session.phase === 'report' && settled(y)?.mirror?.session.phase === 'report', 10_000);
    expect(x.state.mirror!.session.turnHashes).toEqual(y.state.mirror!.session.turnHashes);
    expect(y.state.mirror!.session.game.levers['sanction-mixers']).toBe(2);
    // The log downloads the same through either process.
    const fromA = await (await fetch(`${a}/api/sessions/${s.code}/tables/1/replay`)).text();
    const fromB = await (await fetch(`${b}/api/sessions/${s.code}/tables/1/replay`)).text();
    expect(fromA).toBe(fromB);
    expect(JSON.parse(fromA).turnHashes).toEqual(x.state.mirror!.session.turnHashes);
    for (const c of conns) await c.close();
  }, 60_000);
});
