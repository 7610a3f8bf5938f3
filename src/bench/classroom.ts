// 6. Classroom: a class of 40 seats (10 tables × 4 roles) played by bots over a whole
// 12-turn scenario against a classroom server in its own process, on this machine.
// Measured: turn-resolution latency from the last submit at a table to the moment every
// client at that table holds the new state (re-derived and hash-checked), the server's
// memory per room, and messages per turn. The bots run in this process, so their 40
// engine mirrors compete for the same two cores as the server: an upper bound for a
// class whose students each have their own laptop.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse, stringify } from 'yaml';
import { Bot } from '../net/bot.ts';
import { median, quantile } from './timing.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const TABLES = 10;

export interface ClassroomBench {
  tables: number;
  seats: number;
  turns: number;
  latency: { p50: number; p95: number; max: number; samples: number };
  memory: { baselineHeapMb: number; perRoomCreatedKb: number; perRoomAfterGameKb: number; rssAfterMb: number };
  messages: { receivedPerTableTurn: number; sentPerTableTurn: number; receivedPerSeatTurn: number; bytesNote: string };
  wallSeconds: number;
}

/** The 2022 scenario with a fourth role (diplomacy takes coalition work and secondary sanctions). */
export function fourRoleScenarioYaml(): string {
  const data = parse(readFileSync(join(ROOT, 'scenarios/2022-year-of-missiles.yaml'), 'utf8')) as {
    id: string;
    title: string;
    roles: { id: string; name: string; description: string; budgetPerTurn: number }[];
    levers: { id: string; role: string }[];
  };
  data.id = 'bench-four-roles';
  data.title = `${data.title} (four roles, benchmark)`;
  data.roles.push({ id: 'diplomacy', name: 'Diplomatic corps', description: 'Coalition diplomacy and secondary sanctions (benchmark split).', budgetPerTurn: 15 });
  for (const l of data.levers) if (l.id === 'coalition' || l.id === 'secondary-sanctions') l.role = 'diplomacy';
  return stringify(data);
}

async function freePort(): Promise<number> {
  return new Promise((ok) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => ok(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

async function until<T>(what: string, probe: () => T | null | undefined | false, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`classroom bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function health(base: string): Promise<{ rss: number; heapUsed: number }> {
  const r = (await (await fetch(`${base}/api/health?gc=1`)).json()) as { memory: { rss: number; heapUsed: number } };
  return r.memory;
}

export async function classroomBench(log: (s: string) => void): Promise<ClassroomBench> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'cashout-bench-class-'));
  const base = `http://127.0.0.1:${port}`;
  let out = '';
  const server: ChildProcess = spawn(
    process.execPath,
    ['--expose-gc', join(ROOT, 'bin/classroom.js'), '--no-build', '--host', '127.0.0.1', '--port', String(port), '--data', data],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  server.stdout!.on('data', (d) => {
    out += String(d);
  });
  server.stderr!.on('data', (d) => {
    out += String(d);
  });
  const bots: Bot[] = [];
  try {
    await until('the classroom server', () => out.includes('Press Ctrl+C'), 60_000);
    const before = await health(base);
    const res = await fetch(`${base}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ scenarioYaml: fourRoleScenarioYaml(), scenarioFile: 'bench-four-roles.yaml', seed: '7', tables: TABLES }),
    });
    const created = (await res.json()) as { code: string; error?: string; scenario: { roles: { id: string }[] } };
    if (res.status !== 201) throw new Error(`classroom bench: session not created: ${created.error}`);
    const afterCreate = await health(base);

    // Per table and turn: when the last seat submitted, and when each client had the turn.
    const lastSubmit = new Map<string, number>();
    const applied = new Map<string, number[]>();
    let received = 0;
    let sent = 0;
    const t0 = performance.now();
    for (let table = 1; table <= TABLES; table++) {
      for (const role of created.scenario.roles) {
        const bot = new Bot({
          endpoint: base,
          code: created.code,
          table,
          role: role.id,
          policy: (p) => p.historical!,
          onSend: (b, type) => {
            sent += 1;
            if (type !== 'submit') return;
            const key = `${b.opts.table}:${b.connection.state.mirror!.session.game.turn}`;
            lastSubmit.set(key, performance.now());
          },
          onTurns: (b) => {
            const turn = b.connection.state.mirror!.session.reports.length;
            const key = `${b.opts.table}:${turn}`;
            applied.set(key, [...(applied.get(key) ?? []), performance.now()]);
          },
          onMessage: () => {
            received += 1;
          },
        });
        await bot.start();
        bots.push(bot);
      }
    }
    log(`bench: classroom: ${bots.length} bots seated at ${TABLES} tables; playing 12 turns…`);
    // A bounded wait whose timer is cleared: a pending 10-minute timer kept `npm run bench`
    // alive for ten minutes after it had written BENCHMARKS.md.
    let limit: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        Promise.all(bots.map((b) => b.finished)),
        new Promise((_, reject) => {
          limit = setTimeout(() => reject(new Error('classroom bench: the class did not finish within 10 minutes')), 600_000);
        }),
      ]);
    } finally {
      clearTimeout(limit);
    }
    const wallSeconds = (performance.now() - t0) / 1000;
    const afterGame = await health(base);
    const seatsPerTable = created.scenario.roles.length;
    const latencies: number[] = [];
    let turns = 0;
    for (const [key, submitAt] of lastSubmit) {
      const times = applied.get(key) ?? [];
      if (times.length < seatsPerTable) continue; // a turn some client never saw is reported below
      latencies.push(Math.max(...times) - submitAt);
      turns = Math.max(turns, Number(key.split(':')[1]));
    }
    if (latencies.length < lastSubmit.size) throw new Error(`classroom bench: ${lastSubmit.size - latencies.length} table-turns never reached every client`);
    const tableTurns = latencies.length;
    return {
      tables: TABLES,
      seats: bots.length,
      turns,
      latency: { p50: median(latencies), p95: quantile(latencies, 0.95), max: Math.max(...latencies), samples: latencies.length },
      memory: {
        baselineHeapMb: before.heapUsed / 1024 ** 2,
        perRoomCreatedKb: (afterCreate.heapUsed - before.heapUsed) / TABLES / 1024,
        perRoomAfterGameKb: (afterGame.heapUsed - before.heapUsed) / TABLES / 1024,
        rssAfterMb: afterGame.rss / 1024 ** 2,
      },
      messages: {
        receivedPerTableTurn: received / tableTurns,
        sentPerTableTurn: sent / tableTurns,
        receivedPerSeatTurn: received / tableTurns / seatsPerTable,
        bytesNote: 'joins, briefings and the debrief included',
      },
      wallSeconds,
    };
  } finally {
    await Promise.all(bots.map((b) => b.close().catch(() => {})));
    if (server.exitCode === null) {
      const gone = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 5000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(data, { recursive: true, force: true });
  }
}
