// Shared set-up for the classroom server tests: a server on 127.0.0.1 with a fresh data
// folder, @colyseus/testing around it, and bounded waits (no sleeps).
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ColyseusTestServer } from '@colyseus/testing';
import { type ConnectionState, memorySeatStore, type SeatStore, TableConnection } from '../../src/net/connection.ts';
import type { JoinOptions } from '../../src/net/protocol.ts';
import { type ClassroomServer, startClassroom } from '../../src/server/server.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** Poll a condition every 10 ms until it holds, or fail after `ms` with what was awaited. */
export async function waitFor<T>(what: string, probe: () => T | null | undefined | false, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export interface TestClassroom {
  server: ClassroomServer;
  colyseus: ColyseusTestServer;
  base: string;
  dataDir: string;
  createSession(body: Record<string, unknown>): Promise<{ code: string; facilitatorKey: string; seed: string; tables: number }>;
  connect(code: string, table: number, join: JoinOptions, seats?: SeatStore): Promise<TableConnection>;
  close(): Promise<void>;
}

export async function startTestClassroom(opts: { reconnectSeconds?: number; dataDir?: string } = {}): Promise<TestClassroom> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'cashout-classroom-'));
  const port = await freePort();
  const server = await startClassroom({
    port,
    host: '127.0.0.1',
    dataDir,
    scenariosDir: join(ROOT, 'scenarios'),
    reconnectSeconds: opts.reconnectSeconds ?? 60,
  });
  const colyseus = new ColyseusTestServer(server.gameServer);
  const base = `http://127.0.0.1:${server.port}`;
  const connections: TableConnection[] = [];
  return {
    server,
    colyseus,
    base,
    dataDir,
    async createSession(body) {
      const res = await fetch(`${base}/api/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const json = (await res.json()) as { code: string; facilitatorKey: string; seed: string; tables: number; error?: string };
      if (res.status !== 201) throw new Error(`session not created: ${res.status} ${json.error}`);
      return json;
    },
    async connect(code, table, join, seats = memorySeatStore()) {
      const c = new TableConnection({ endpoint: base, code, table, join, seats, maxAttempts: 20, maxPauseMs: 200 });
      connections.push(c);
      await c.connect();
      await waitFor('welcome, log and status', () => c.state.welcome && c.state.status && c.state.mirror && c.state.mirror.session.log.length > 0);
      return c;
    },
    async close() {
      await Promise.all(connections.map((c) => c.close()));
      await server.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The state a connection sees, once its mirror and the server's status agree. */
export function settled(c: TableConnection): ConnectionState | null {
  const s = c.state;
  return s.status && s.mirror && s.status.logLength === s.mirror.session.log.length ? s : null;
}
