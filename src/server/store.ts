// Logs on local disk: one folder per class session under <data>/sessions/<CODE>/ with
// session.json (scenario, seed, tables, the facilitator key's hash), and per table
// table-N.json (the replay: the log itself, in the replay format, attested),
// table-N.seats.json (seats, hidden plans, ready marks) and table-N.audit.jsonl (who did
// what, when). Every write goes to a temporary file first and is renamed over the old one,
// so a crash leaves either the old or the new file, never half of one.
import { appendFileSync, chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { newAttestationKey } from '../net/attest.ts';
import { CodeSchema } from '../net/protocol.ts';
import { type Scenario, ScenarioSchema } from '../scenario/schema.ts';
import { emptyDurable, type TableDurable } from './table-core.ts';

export interface SessionConfig {
  code: string;
  createdAt: string;
  /** Where the scenario came from: a shipped file name, or "uploaded". */
  scenarioFile: string;
  scenario: Scenario;
  seed: string;
  tables: number;
  facilitatorKeyHash: string;
}

export const MAX_TABLES = 20;

const SessionConfigSchema = z
  .object({
    code: CodeSchema,
    createdAt: z.string().max(40),
    scenarioFile: z.string().max(200),
    scenario: ScenarioSchema,
    seed: z.string().min(1).max(200),
    tables: z.number().int().min(1).max(MAX_TABLES),
    facilitatorKeyHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

const DurableSchema = z
  .object({
    version: z.literal(1),
    seats: z.array(z.object({ role: z.string().max(64), name: z.string().max(40), secretHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict()).max(64),
    plans: z.array(z.object({ role: z.string().max(64), turn: z.number().int(), levers: z.record(z.string().max(64), z.number().int()) }).strict()).max(64),
    ready: z.array(z.object({ role: z.string().max(64), step: z.string().max(40) }).strict()).max(64),
    seedRevealed: z.boolean(),
  })
  .strict();

function writeAtomic(file: string, text: string, mode?: number): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, mode === undefined ? 'utf8' : { encoding: 'utf8', mode });
  renameSync(tmp, file);
}

export class ClassroomStore {
  constructor(readonly dir: string) {
    mkdirSync(join(dir, 'sessions'), { recursive: true });
  }

  /** The attestation key: created on first start (readable by this user only), then reused. */
  attestationKey(): Buffer {
    const file = this.keyFile;
    if (existsSync(file)) {
      const key = readFileSync(file);
      if (key.length >= 32) return key;
      throw new Error(`${file} is shorter than 32 bytes; delete it to create a new key (old attestations will no longer check).`);
    }
    const key = newAttestationKey();
    writeAtomic(file, key.toString('binary'), 0o600);
    chmodSync(file, 0o600);
    return readFileSync(file);
  }

  get keyFile(): string {
    return join(this.dir, 'server.key');
  }

  private sessionDir(code: string): string {
    return join(this.dir, 'sessions', code);
  }

  writeSession(cfg: SessionConfig): void {
    mkdirSync(this.sessionDir(cfg.code), { recursive: true });
    writeAtomic(join(this.sessionDir(cfg.code), 'session.json'), JSON.stringify(cfg, null, 2));
  }

  hasSession(code: string): boolean {
    return existsSync(join(this.sessionDir(code), 'session.json'));
  }

  /** A session from disk; a damaged file is reported by name, never half-loaded. */
  readSession(code: string): { ok: true; config: SessionConfig } | { ok: false; message: string } {
    const file = join(this.sessionDir(code), 'session.json');
    try {
      const r = SessionConfigSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!r.success) return { ok: false, message: `${file}: ${r.error.issues[0]?.path.join('.')}: ${r.error.issues[0]?.message}` };
      return { ok: true, config: r.data as SessionConfig };
    } catch (e) {
      return { ok: false, message: `${file}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /** Sessions on disk whose folder changed within `maxAgeDays` (newest first). */
  listSessions(maxAgeDays: number, now: number): string[] {
    const root = join(this.dir, 'sessions');
    const limit = now - maxAgeDays * 86_400_000;
    return readdirSync(root)
      .filter((c) => CodeSchema.safeParse(c).success && this.hasSession(c))
      .map((c) => ({ c, t: statSync(this.sessionDir(c)).mtimeMs }))
      .filter((x) => x.t >= limit)
      .sort((a, b) => b.t - a.t)
      .map((x) => x.c);
  }

  tableFile(code: string, table: number): string {
    return join(this.sessionDir(code), `table-${table}.json`);
  }

  /** The replay first, then seats and plans: a crash in between leaves plans that the replay already resolved, which loading drops. */
  writeTable(code: string, table: number, replayText: string | null, durable: TableDurable): void {
    if (replayText !== null) writeAtomic(this.tableFile(code, table), replayText);
    writeAtomic(join(this.sessionDir(code), `table-${table}.seats.json`), JSON.stringify(durable));
  }

  readReplayText(code: string, table: number): string | null {
    const file = this.tableFile(code, table);
    return existsSync(file) ? readFileSync(file, 'utf8') : null;
  }

  readDurable(code: string, table: number): { ok: true; durable: TableDurable } | { ok: false; message: string } {
    const file = join(this.sessionDir(code), `table-${table}.seats.json`);
    if (!existsSync(file)) return { ok: true, durable: emptyDurable() };
    try {
      const r = DurableSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return r.success ? { ok: true, durable: r.data as TableDurable } : { ok: false, message: `${file}: ${r.error.issues[0]?.message}` };
    } catch (e) {
      return { ok: false, message: `${file}: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  audit(code: string, table: number, entry: Record<string, unknown>): void {
    appendFileSync(join(this.sessionDir(code), `table-${table}.audit.jsonl`), `${JSON.stringify({ at: new Date().toISOString(), ...entry })}\n`);
  }
}
