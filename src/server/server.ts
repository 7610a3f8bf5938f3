// The classroom server: one Node process serving the built game, the HTTP API and the
// Colyseus WebSocket endpoint on one port. By default presence is in memory and logs go
// to local disk; with `redis` several processes share sessions and rooms (Colyseus'
// RedisPresence and RedisDriver), and any process accepts any student: a WebSocket that
// arrives at the wrong process is forwarded to the one that hosts the room.
import { createServer, type Server as HttpServer, type IncomingMessage } from 'node:http';
import { networkInterfaces } from 'node:os';
import { matchMaker, type Presence, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { MAX_MESSAGE_BYTES, RECONNECT_WINDOW_SECONDS } from '../net/protocol.ts';
import { Catalogue } from './catalogue.ts';
import { ensureRoom, handleApi } from './http-api.ts';
import { forwardUpgrades, registerNode, unregisterNode } from './peers.ts';
import { RateLimiter } from './rate-limit.ts';
import { SessionRegistry } from './registry.ts';
import { setRoomContext } from './room-context.ts';
import type { AppHandler } from './static-files.ts';
import { ClassroomStore } from './store.ts';
import { TableRoom } from './table-room.ts';

export interface ClassroomOptions {
  port: number;
  /** Interface to listen on: '0.0.0.0' for a classroom LAN, '127.0.0.1' for tests. */
  host: string;
  dataDir: string;
  scenariosDir: string;
  /** Serves the game itself (the built dist/ folder, or vite in tests); API and WebSocket go first. */
  app?: AppHandler;
  /** redis://host:port to share sessions between processes. */
  redis?: string;
  /** Sessions older than this on disk are not brought back at start-up. */
  restoreDays?: number;
  /** Seconds a dropped student's seat waits for its reconnection token (default 60). */
  reconnectSeconds?: number;
  log?: (line: string) => void;
}

export interface ClassroomServer {
  port: number;
  processId: string;
  /** Addresses students can open. */
  urls: string[];
  restored: { code: string; tables: number }[];
  problems: string[];
  /** The Colyseus server (tests hand it to @colyseus/testing). */
  gameServer: Server;
  close(): Promise<void>;
}

/** Only these matchmaking calls come from browsers; rooms are created by the API alone. */
const CLIENT_MATCHMAKE = /^\/matchmake\/(joinById|reconnect)\/[A-Za-z0-9_-]+$/;
const MATCHMAKE_BODY_BYTES = 8 * 1024;

export function lanUrls(port: number, host: string): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [`http://${host}:${port}/`];
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(`http://${a.address}:${port}/`);
  out.push(`http://localhost:${port}/`);
  return out;
}

export async function startClassroom(opts: ClassroomOptions): Promise<ClassroomServer> {
  const log = opts.log ?? (() => {});
  const store = new ClassroomStore(opts.dataDir);
  const key = store.attestationKey();
  const { catalogue, problems } = await Catalogue.load(opts.scenariosDir);

  let presence: Presence | undefined;
  let driver: matchMaker.MatchMakerDriver | undefined;
  if (opts.redis) {
    const { RedisPresence } = await import('@colyseus/redis-presence');
    const { RedisDriver } = await import('@colyseus/redis-driver');
    presence = new RedisPresence(opts.redis);
    driver = new RedisDriver(opts.redis);
  }

  let urls: string[] = [];
  const http: HttpServer = createServer((req, res) => {
    void handleApi(req, res, { registry, catalogue, joinUrls: () => urls }).then((handled) => {
      if (handled) return;
      if (opts.app) opts.app(req, res);
      else res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('This server has no game files to serve.');
    });
  });
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_MESSAGE_BYTES }),
    ...(presence ? { presence } : {}),
    ...(driver ? { driver } : {}),
    greet: false,
    gracefullyShutdown: false,
  });
  guardMatchmaking(http);
  const shared = matchMaker.presence;
  const registry = new SessionRegistry(shared, store);
  setRoomContext({ store, key, registry, reconnectSeconds: opts.reconnectSeconds ?? RECONNECT_WINDOW_SECONDS });
  gameServer.define('table', TableRoom);
  forwardUpgrades(http, shared);

  await gameServer.listen(opts.port, opts.host);
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  urls = lanUrls(port, opts.host);
  await registerNode(shared, matchMaker.processId, opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host, port);

  // Bring back every recent session from its logs (rooms another process already hosts are left there).
  const restored: { code: string; tables: number }[] = [];
  for (const code of store.listSessions(opts.restoreDays ?? 14, Date.now())) {
    const cfg = store.readSession(code);
    if (!cfg.ok) {
      problems.push(cfg.message);
      continue;
    }
    await registry.put(cfg.config);
    try {
      for (let t = 1; t <= cfg.config.tables; t++) await ensureRoom(code, t);
      restored.push({ code, tables: cfg.config.tables });
    } catch (e) {
      problems.push(`class ${code}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  log(`classroom: listening on port ${port} (process ${matchMaker.processId}${opts.redis ? ', Redis presence' : ''})`);

  return {
    port,
    processId: matchMaker.processId,
    urls,
    restored,
    problems,
    gameServer,
    async close() {
      await unregisterNode(shared, matchMaker.processId).catch(() => {});
      await gameServer.gracefullyShutdown(false);
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
    },
  };
}

/**
 * Browsers may only join or reconnect by room id (never create rooms), with a small body,
 * at a bounded rate; everything else passes through to the API and the game files.
 */
function guardMatchmaking(http: HttpServer): void {
  const limiter = new RateLimiter(120, 60_000);
  const inner = http.listeners('request').slice() as ((req: IncomingMessage, res: import('node:http').ServerResponse) => void)[];
  http.removeAllListeners('request');
  http.on('request', (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (path.startsWith('/matchmake')) {
      if (req.method === 'POST') {
        if (!CLIENT_MATCHMAKE.test(path)) {
          res.writeHead(403, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 4212, error: 'Rooms are created by the facilitator, not by players.' }));
          return;
        }
        if (Number(req.headers['content-length'] ?? 0) > MATCHMAKE_BODY_BYTES || !limiter.take(req.socket.remoteAddress ?? '')) {
          res.writeHead(429, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 4213, error: 'Too many or too large join requests.' }));
          return;
        }
      }
    }
    for (const l of inner) l.call(http, req, res);
  });
}
