// The classroom's HTTP API (JSON):
//   POST /api/sessions                       {scenario | scenarioYaml, seed?, tables} -> {code, facilitatorKey, ...}
//   GET  /api/sessions/:code                 the session's scenario, roles and tables (seats taken, turn)
//   GET  /api/sessions/:code/tables/:n/replay the table's replay file (the log), as every client exports it
//   GET  /api/health                         {ok, processId}
// Bodies are size-limited and validated; errors are {error: "what is wrong and what to do"}.
import { randomInt } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { matchMaker } from '@colyseus/core';
import { z } from 'zod';
import { classroomReplayFileName } from '../io/classroom-replay.ts';
import { CodeSchema, roomIdFor } from '../net/protocol.ts';
import type { Scenario } from '../scenario/schema.ts';
import { MAX_SOURCE_BYTES } from '../scenario/source-text.ts';
import type { Catalogue } from './catalogue.ts';
import { RateLimiter } from './rate-limit.ts';
import type { SessionRegistry } from './registry.ts';
import { newFacilitatorKey, newJoinCode, secretHash } from './secrets.ts';
import { MAX_TABLES, type SessionConfig } from './store.ts';

export interface ApiDeps {
  registry: SessionRegistry;
  catalogue: Catalogue;
  /** Addresses students can open, for the response ("http://192.168.1.20:2567/"). */
  joinUrls(): string[];
}

const CreateSchema = z
  .object({
    scenario: z.string().min(1).max(200).optional(),
    scenarioYaml: z.string().min(1).max(MAX_SOURCE_BYTES).optional(),
    scenarioFile: z.string().min(1).max(200).optional(),
    seed: z.string().trim().max(200).optional(),
    tables: z.number().int().min(1).max(MAX_TABLES),
  })
  .strict()
  .refine((x) => (x.scenario === undefined) !== (x.scenarioYaml === undefined), {
    message: 'give either "scenario" (a shipped scenario id) or "scenarioYaml" (the text of your own), not both',
  });

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const creations = new RateLimiter(20, 10 * 60_000);
/** Join codes are short: looking them up is rate-limited so they cannot be enumerated. */
const lookups = new RateLimiter(120, 60_000);

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(text);
}

async function readBody(req: IncomingMessage, max: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new HttpError(413, `The request is larger than ${max} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw new HttpError(413, `The request is larger than ${max} bytes.`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Handles /api/*; returns false for anything else. */
export async function handleApi(req: IncomingMessage, res: ServerResponse, deps: ApiDeps): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith('/api/')) return false;
  try {
    const parts = url.pathname.split('/').filter(Boolean); // ['api', ...]
    if (req.method === 'GET' && parts[1] === 'health' && parts.length === 2) {
      // With --expose-gc (the benchmark), ?gc=1 collects first so heap figures compare.
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc && url.searchParams.has('gc')) gc();
      const m = process.memoryUsage();
      send(res, 200, { ok: true, processId: matchMaker.processId, memory: { rss: m.rss, heapUsed: m.heapUsed } });
    } else if (req.method === 'POST' && parts[1] === 'sessions' && parts.length === 2) {
      send(res, 201, await createSession(req, deps));
    } else if (req.method === 'GET' && parts[1] === 'sessions' && parts.length >= 3) {
      if (!lookups.take(req.socket.remoteAddress ?? 'unknown')) throw new HttpError(429, 'Too many look-ups from this address; wait a minute.');
      if (parts.length === 3) send(res, 200, await describeSession(parts[2]!, deps));
      else await sendReplay(res, parts, deps);
    } else {
      throw new HttpError(404, `No such API: ${req.method} ${url.pathname}.`);
    }
  } catch (e) {
    if (e instanceof HttpError) send(res, e.status, { error: e.message });
    else send(res, 500, { error: `The server could not do that: ${e instanceof Error ? e.message : String(e)}` });
  }
  return true;
}

async function sendReplay(res: ServerResponse, parts: string[], deps: ApiDeps): Promise<void> {
  if (parts[3] !== 'tables' || parts[5] !== 'replay' || parts.length !== 6) throw new HttpError(404, `No such API: /${parts.join('/')}.`);
  const { code, table } = await findTable(parts[2]!, parts[4]!, deps);
  const text = await matchMaker.remoteRoomCall<string>(roomIdFor(code, table), 'replayFile');
  send(res, 200, text, { 'Content-Disposition': `attachment; filename="${classroomReplayFileName(code, table)}"` });
}

function parseCode(raw: string): string {
  const r = CodeSchema.safeParse(decodeURIComponent(raw));
  if (!r.success) throw new HttpError(400, `"${raw.slice(0, 20)}" is not a join code: ${r.error.issues[0]?.message}.`);
  return r.data;
}

async function sessionOr404(rawCode: string, deps: ApiDeps): Promise<SessionConfig> {
  const code = parseCode(rawCode);
  const cfg = await deps.registry.get(code);
  if (!cfg) throw new HttpError(404, `There is no class session with the code ${code}. Check the code on the board (letters and digits, no O, I or L).`);
  return cfg;
}

async function findTable(rawCode: string, rawTable: string, deps: ApiDeps): Promise<{ code: string; table: number }> {
  const cfg = await sessionOr404(rawCode, deps);
  const table = Number(rawTable);
  if (!Number.isInteger(table) || table < 1 || table > cfg.tables) throw new HttpError(404, `Class ${cfg.code} has tables 1 to ${cfg.tables}.`);
  await ensureRoom(cfg.code, table);
  return { code: cfg.code, table };
}

/** A table's room on any process, created here if no process hosts it (e.g. after every process restarted). */
export async function ensureRoom(code: string, table: number): Promise<void> {
  const roomId = roomIdFor(code, table);
  const found = await matchMaker.query({ roomId });
  if (found.length === 0) await matchMaker.createRoom('table', { code, table });
}

async function createSession(req: IncomingMessage, deps: ApiDeps) {
  const ip = req.socket.remoteAddress ?? 'unknown';
  if (!creations.take(ip)) throw new HttpError(429, 'Too many sessions created from this address; wait a few minutes.');
  // JSON only: a page on another site cannot send it without a CORS preflight, which this server never grants.
  if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
    throw new HttpError(415, 'Send the request as JSON (Content-Type: application/json).');
  const text = await readBody(req, MAX_SOURCE_BYTES + 8192);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body must be JSON: {"scenario": "tutorial", "tables": 3}.');
  }
  const parsed = CreateSchema.safeParse(data);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new HttpError(400, `${i?.path.join('.') || 'body'}: ${i?.message}`);
  }
  const body = parsed.data;
  let scenarioFile: string;
  let scenario: Scenario;
  if (body.scenario !== undefined) {
    const hit = deps.catalogue.find(body.scenario);
    if (!hit)
      throw new HttpError(404, `No shipped scenario "${body.scenario}". Choose one of: ${deps.catalogue.entries.map((e) => e.scenario.id).join(', ')}.`);
    scenarioFile = hit.file;
    scenario = hit.scenario;
  } else {
    scenarioFile = body.scenarioFile ?? 'uploaded.yaml';
    const r = await deps.catalogue.fromText(body.scenarioYaml!, scenarioFile);
    if (!r.ok) throw new HttpError(422, `The scenario has problems:\n${r.problems.slice(0, 20).join('\n')}`);
    scenario = r.scenario;
  }
  let code = newJoinCode();
  for (let i = 0; i < 20 && (await deps.registry.exists(code)); i++) code = newJoinCode();
  if (await deps.registry.exists(code)) throw new HttpError(503, 'Could not find a free join code; try again.');
  const facilitatorKey = newFacilitatorKey();
  const seed = body.seed || String(randomInt(1, 1_000_000));
  const cfg: SessionConfig = {
    code,
    createdAt: new Date().toISOString(),
    scenarioFile,
    scenario,
    seed,
    tables: body.tables,
    facilitatorKeyHash: secretHash(facilitatorKey),
  };
  await deps.registry.put(cfg);
  for (let t = 1; t <= cfg.tables; t++) await matchMaker.createRoom('table', { code, table: t });
  return {
    code,
    facilitatorKey,
    tables: cfg.tables,
    seed,
    scenario: { id: scenario.id, title: scenario.title, roles: scenario.roles.map((r) => ({ id: r.id, name: r.name })) },
    joinUrls: deps.joinUrls(),
  };
}

async function describeSession(rawCode: string, deps: ApiDeps) {
  const cfg = await sessionOr404(rawCode, deps);
  const tables = [];
  for (let t = 1; t <= cfg.tables; t++) {
    await ensureRoom(cfg.code, t);
    const [room] = await matchMaker.query({ roomId: roomIdFor(cfg.code, t) });
    const meta = (room?.metadata ?? {}) as { phase?: string; turn?: number; turnsTotal?: number; taken?: string[] };
    tables.push({
      table: t,
      roomId: roomIdFor(cfg.code, t),
      phase: meta.phase ?? 'briefing',
      turn: meta.turn ?? 0,
      turnsTotal: meta.turnsTotal ?? cfg.scenario.calendar.turns,
      taken: meta.taken ?? [],
    });
  }
  const s = cfg.scenario;
  return {
    code: cfg.code,
    scenario: { id: s.id, title: s.title, turns: s.calendar.turns, roles: s.roles.map((r) => ({ id: r.id, name: r.name, description: r.description })) },
    tables,
  };
}
