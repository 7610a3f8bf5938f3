// The classroom server as instructors run it (bin/classroom.js in its own process): killed
// mid-turn and started again, it rebuilds every room from its logs and loses no submitted
// plan; the log on disk is the replay clients export, byte for byte, and `replay verify
// --key` checks its attestation. Bots fill a table and play it to the debrief.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { classroomReplay, replayText } from '../../src/io/classroom-replay.ts';
import { memorySeatStore, TableConnection } from '../../src/net/connection.ts';
import { freePort, ROOT, settled, waitFor } from './helpers.ts';

let dataDir: string;
let port: number;
let proc: ChildProcess | null = null;
const base = () => `http://127.0.0.1:${port}`;

async function startProcess(): Promise<void> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/classroom.js'), '--no-build', '--host', '127.0.0.1', '--port', String(port), '--data', dataDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc = child;
  let out = '';
  child.stdout!.on('data', (d) => {
    out += String(d);
  });
  child.stderr!.on('data', (d) => {
    out += String(d);
  });
  await waitFor(`the classroom server to start (output so far: ${out})`, () => out.includes('Press Ctrl+C'), 30_000);
}

function kill(): Promise<void> {
  const p = proc;
  proc = null;
  if (!p || p.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    p.once('exit', () => resolve());
    p.kill('SIGKILL');
  });
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t), writeFile: async () => {} }, out, err };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'cashout-restart-'));
  port = await freePort();
  await startProcess();
}, 60_000);

afterAll(async () => {
  await kill();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a classroom server process', () => {
  it('is killed mid-turn, restarts from its logs and loses no submitted plan', async () => {
    const res = await fetch(`${base()}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'tutorial', seed: '5', tables: 1 }) });
    const s = (await res.json()) as { code: string };
    const mk = (role: string) =>
      new TableConnection({ endpoint: base(), code: s.code, table: 1, join: { as: 'student', role, name: role }, seats: memorySeatStore(), maxAttempts: 60, maxPauseMs: 250 });
    const a = mk('sanctions');
    const b = mk('defence');
    await a.connect();
    await b.connect();
    await waitFor('both seated', () => settled(a) && settled(b));
    a.ready();
    b.ready();
    await waitFor('planning', () => settled(a)?.mirror?.session.phase === 'planning' && settled(b)?.mirror?.session.phase === 'planning');
    a.submit({ 'trace-and-seize': 3 });
    await waitFor('plan recorded', () => b.state.status?.seats.find((x) => x.role === 'sanctions')?.done);

    await kill();
    await waitFor('clients notice the server is gone', () => a.state.link !== 'online' && b.state.link !== 'online', 10_000);
    await startProcess();
    await waitFor('both back on their seats', () => a.state.reconnects >= 1 && b.state.reconnects >= 1 && settled(a) && settled(b), 30_000);
    expect(a.state.welcome?.role).toBe('sanctions');
    expect(b.state.status?.seats.find((x) => x.role === 'sanctions')?.done).toBe(true);

    b.submit({ 'bridge-validators': 1 });
    await waitFor('turn 1 resolved', () => settled(a)?.mirror?.session.phase === 'report', 10_000);
    expect(a.state.mirror!.session.game.levers['trace-and-seize']).toBe(3);
    expect(a.state.mirror!.session.game.levers['bridge-validators']).toBe(1);

    // The log on disk is the replay each client builds, to the byte.
    const file = join(dataDir, 'sessions', s.code, 'table-1.json');
    const onDisk = readFileSync(file, 'utf8');
    const served = await (await fetch(`${base()}/api/sessions/${s.code}/tables/1/replay`)).text();
    expect(served).toBe(onDisk);
    const fromA = replayText(classroomReplay(a.state.mirror!.session, { code: s.code, table: 1 }, a.state.mirror!.attestation));
    const fromB = replayText(classroomReplay(b.state.mirror!.session, { code: s.code, table: 1 }, b.state.mirror!.attestation));
    expect(fromA).toBe(onDisk);
    expect(fromB).toBe(onDisk);

    // replay verify --key: the rules and the server's attestation.
    const key = join(dataDir, 'server.key');
    const ok = capture();
    expect(await main(['replay', 'verify', file, '--key', key], ok.io)).toBe(0);
    expect(ok.out.join('\n')).toMatch(/verified: .*\nattested: /s);
    // A change the rules cannot see (the class note) is caught by the attestation.
    const edited = join(dataDir, 'edited.json');
    writeFileSync(edited, onDisk.replace(`class ${s.code}, table 1`, `class ${s.code}, table 2`));
    const bad = capture();
    expect(await main(['replay', 'verify', edited, '--key', key], bad.io)).toBe(1);
    expect(bad.err.join('\n')).toMatch(/changed after the server wrote it/);
    // Another server's key does not check it.
    const other = join(dataDir, 'other.key');
    writeFileSync(other, Buffer.alloc(32, 7));
    const wrong = capture();
    expect(await main(['replay', 'verify', file, '--key', other], wrong.io)).toBe(1);
    expect(wrong.err.join('\n')).toMatch(/not with this key/);
    await a.close();
    await b.close();
  }, 90_000);

  it('fills a table with bots that play it to the debrief (cashout bots)', async () => {
    const res = await fetch(`${base()}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'tutorial', seed: '9', tables: 2 }) });
    const s = (await res.json()) as { code: string };
    const run = capture();
    const code = await main(['bots', '--server', base(), '--code', s.code, '--tables', '1', '--policy', 'historical', '--timeout', '60'], run.io);
    expect(run.err).toEqual([]);
    expect(code).toBe(0);
    expect(run.out.join('\n')).toMatch(/table 1: debrief after 6 turns, \d+ decisions; every turn hash matched/);
    const wrongCode = capture();
    expect(await main(['bots', '--server', base(), '--code', 'ZZZZZZ'], wrongCode.io)).toBe(1);
    expect(wrongCode.err.join('\n')).toMatch(/no class session with the code ZZZZZZ/);
  }, 90_000);
});
