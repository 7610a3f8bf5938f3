// One table of a class session as a Colyseus room. It authenticates who joins (a seat with
// its secret, or the facilitator with the key), validates every message (schema, size,
// rate), hands valid ones to the TableCore sequencer, writes the log to disk before
// anyone hears about a change, and sends each client only what it may see: the log of
// accepted events (with the server's hashes), seat statuses ("submitted", never the plan),
// and totals for the facilitator only.
import { type Client, ClientState, Room, ServerError } from '@colyseus/core';
import type { GameEvent } from '../engine/events-types.ts';
import { runReplay, stateHash } from '../engine/replay.ts';
import { Run, sendProblem } from '../engine/run.ts';
import { classroomReplay, replayText } from '../io/classroom-replay.ts';
import { parseReplayText } from '../io/replay-load.ts';
import { attest } from '../net/attest.ts';
import {
  ClientMessageSchemas,
  type ClientMessageType,
  type FacilitatorAction,
  JoinOptionsSchema,
  type LogUpdate,
  MAX_STRIKES,
  type Notice,
  RATE_BURST,
  RATE_PER_SECOND,
  roomIdFor,
  type Welcome,
} from '../net/protocol.ts';
import { roomContext } from './room-context.ts';
import { beginEvent } from './seat-events.ts';
import { sameSecret } from './secrets.ts';
import type { SessionConfig } from './store.ts';
import { type Outcome, TableCore } from './table-core.ts';

interface Seat {
  kind: 'student' | 'facilitator' | 'observer';
  role: string | null;
  /** Token bucket for the rate limit, and refused messages so far. */
  tokens: number;
  refilledAt: number;
  strikes: number;
}

export interface TableCreateOptions {
  code: string;
  table: number;
}

/** Close codes the client explains to its user (4000-4999 are free for applications). */
export const CLOSE = { replaced: 4001, abuse: 4002, seatFreed: 4003 } as const;

export class TableRoom extends Room {
  override autoDispose = false;
  override maxClients = 64;
  private core!: TableCore;
  private cfg!: SessionConfig;
  private attestation: LogUpdate['attestation'] = null;
  private lastReplayText = '';

  override async onCreate(options: TableCreateOptions): Promise<void> {
    const ctx = roomContext();
    const cfg = await ctx.registry.get(String(options.code));
    if (!cfg || !Number.isInteger(options.table) || options.table < 1 || options.table > cfg.tables)
      throw new Error(`There is no table ${options.table} in class session ${options.code}.`);
    this.cfg = cfg;
    this.roomId = roomIdFor(cfg.code, options.table);
    // With several processes, the one hosting this table keeps its logs: it needs the session too.
    if (!ctx.store.hasSession(cfg.code)) ctx.store.writeSession(cfg);
    const where = { code: cfg.code, table: options.table, tables: cfg.tables };
    const session = this.restoreSession(options.table);
    const durable = ctx.store.readDurable(cfg.code, options.table);
    if (!durable.ok) throw new Error(durable.message);
    this.core = new TableCore(session, where, durable.durable);
    if (session.log.length === 0) {
      const r = session.send(beginEvent());
      if (!r.ok) throw new Error(sendProblem(r));
    }
    this.persist(true);
    await this.publishMetadata();
    this.onMessage('*', (client, type, message) => this.receive(client, String(type), message));
  }

  /** The table's game from its log on disk (re-run and hash-checked), or a new one: the bare step, no actor. */
  private restoreSession(table: number): Run {
    const ctx = roomContext();
    const text = ctx.store.readReplayText(this.cfg.code, table);
    if (text === null) return new Run(this.cfg.scenario, this.cfg.seed);
    const file = ctx.store.tableFile(this.cfg.code, table);
    const parsed = parseReplayText(text, file);
    if (!parsed.ok) throw new Error(`${file}: ${parsed.errors[0]?.message ?? 'not a replay'}`);
    const r = runReplay(parsed.value, this.cfg.scenario);
    if (!r.ok) throw new Error(`${file}: ${r.message}`);
    return r.run;
  }

  get table(): number {
    return this.core.where.table;
  }

  // --- joining ---

  override onAuth(_client: Client, raw: unknown) {
    const parsed = JoinOptionsSchema.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, `The join request is malformed: ${parsed.error.issues[0]?.message ?? ''}`);
    const o = parsed.data;
    if (o.as === 'facilitator' && !sameSecret(o.key, this.cfg.facilitatorKeyHash))
      throw new ServerError(403, 'That facilitator key is not the key of this class session.');
    if (o.as === 'student' && o.role !== 'auto') {
      const seat = this.core.seat(o.role);
      if (seat && !(o.secret && sameSecret(o.secret, seat.secretHash))) {
        // Checked again when the seat is claimed in onJoin; this gives a clean error before connecting.
        const claim = this.core.claim(o.role, o.name, o.secret);
        if (!claim.ok) throw new ServerError(409, claim.notice.message);
      }
    }
    return o;
  }

  override onJoin(client: Client, _options: unknown, auth: ReturnType<TableRoom['onAuth']>): void {
    const seat: Seat = { kind: auth.as, role: null, tokens: RATE_BURST, refilledAt: Date.now(), strikes: 0 };
    let secret: string | undefined;
    if (auth.as === 'student') {
      const claim = this.core.claim(auth.role, auth.name, auth.secret);
      if (!claim.ok) throw new ServerError(409, claim.notice.message);
      seat.role = claim.role;
      secret = claim.secret;
      // A seat is held by one connection: the newest (a reload, another device with the secret) wins.
      for (const other of this.clients) {
        const o = other.userData as Seat | undefined;
        if (other !== client && o?.kind === 'student' && o.role === claim.role) {
          other.send('notice', { level: 'warn', code: 'replaced', message: 'Your seat was opened on another tab or device; this one is now disconnected.' } satisfies Notice);
          other.leave(CLOSE.replaced);
        }
      }
      roomContext().store.audit(this.cfg.code, this.table, { what: claim.retaken ? 'seat-retaken' : 'seat-claimed', role: claim.role, name: auth.name });
      this.persist(false);
    }
    client.userData = seat;
    const welcome: Welcome = {
      code: this.cfg.code,
      table: this.table,
      tables: this.cfg.tables,
      roomId: this.roomId,
      kind: seat.kind,
      role: seat.role,
      ...(secret ? { secret } : {}),
      scenario: this.cfg.scenario,
      seed: this.cfg.seed,
    };
    client.send('welcome', welcome);
    client.send('log', this.logUpdate(0, 'join'));
    this.broadcastStatus();
    void this.publishMetadata();
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const seat = client.userData as Seat | undefined;
    this.broadcastStatus();
    if (consented || seat?.kind !== 'student') return;
    try {
      // The seat stays the student's either way (its secret takes it back later); within the
      // window the reconnection token alone resumes the same connection.
      await this.allowReconnection(client, roomContext().reconnectSeconds);
      this.broadcastStatus();
    } catch {
      // Window over: nothing to clean up; the status already shows the seat as disconnected.
    }
  }

  // --- messages ---

  private receive(client: Client, type: string, message: unknown): void {
    const seat = client.userData as Seat | undefined;
    if (!seat) return;
    if (!this.takeToken(seat)) {
      this.strike(client, seat, { level: 'warn', code: 'rate-limited', message: 'Too many messages: slow down (at most 10 a second).' });
      return;
    }
    if (!Object.hasOwn(ClientMessageSchemas, type)) {
      this.strike(client, seat, { level: 'error', code: 'refused', message: `Unknown message "${type.slice(0, 40)}".` });
      return;
    }
    const schema = ClientMessageSchemas[type as ClientMessageType];
    const parsed = schema.safeParse(message);
    if (!parsed.success) {
      this.strike(client, seat, { level: 'error', code: 'refused', message: `Malformed ${type}: ${parsed.error.issues[0]?.message ?? 'invalid'}.` });
      return;
    }
    const m = parsed.data;
    if (type === 'sync') {
      const from = (m as { from: number }).from;
      client.send('log', this.logUpdate(from <= this.core.session.log.length ? from : 0, 'resync'));
      client.send('status', this.core.status(this.connectedRoles(), seat.kind === 'facilitator'));
      if ((m as { reason: string }).reason === 'mismatch')
        roomContext().store.audit(this.cfg.code, this.table, { what: 'client-hash-mismatch', role: seat.role });
      return;
    }
    if (type === 'facilitator') {
      if (seat.kind !== 'facilitator') {
        this.strike(client, seat, { level: 'error', code: 'refused', message: 'Only the facilitator can do that.' });
        return;
      }
      const action = m as FacilitatorAction;
      roomContext().store.audit(this.cfg.code, this.table, { what: 'facilitator', ...action });
      this.settle(client, this.core.facilitator(action));
      if (action.action === 'reveal-seed') this.broadcast('seed', { seed: this.cfg.seed });
      if (action.action === 'free-seat') this.kickSeat(action.role);
      return;
    }
    // Everything else acts for a seat: only the seat's own role, at its own table (this room).
    if (seat.kind !== 'student' || !seat.role) {
      this.strike(client, seat, { level: 'error', code: 'refused', message: 'Only a seated player can do that.' });
      return;
    }
    switch (type) {
      case 'submit': {
        const s = m as { turn: number; levers: Record<string, number> };
        this.settle(client, this.core.submit(seat.role, s.turn, s.levers));
        return;
      }
      case 'withdraw':
        this.settle(client, this.core.withdraw(seat.role, (m as { turn: number }).turn));
        return;
      case 'ready': {
        const r = m as { turn: number; phase: 'briefing' | 'report' };
        this.settle(client, this.core.ready(seat.role, r.turn, r.phase));
        return;
      }
    }
  }

  private takeToken(seat: Seat): boolean {
    const now = Date.now();
    seat.tokens = Math.min(RATE_BURST, seat.tokens + ((now - seat.refilledAt) / 1000) * RATE_PER_SECOND);
    seat.refilledAt = now;
    if (seat.tokens < 1) return false;
    seat.tokens -= 1;
    return true;
  }

  private strike(client: Client, seat: Seat, notice: Notice): void {
    seat.strikes += 1;
    client.send('notice', notice);
    if (seat.strikes > MAX_STRIKES) {
      roomContext().store.audit(this.cfg.code, this.table, { what: 'disconnected-for-abuse', role: seat.role, kind: seat.kind });
      client.leave(CLOSE.abuse);
    }
  }

  /** Persist, then tell everyone: a change nobody could recover after a crash is never announced. */
  private settle(client: Client, outcome: Outcome): void {
    if (!outcome.ok) {
      client.send('notice', outcome.notice);
      if (outcome.notice.code === 'game-moved-on') client.send('log', this.logUpdate(0, 'resync'));
      client.send('status', this.core.status(this.connectedRoles(), (client.userData as Seat).kind === 'facilitator'));
      return;
    }
    const appended = outcome.appended;
    this.persist(appended.length > 0);
    if (outcome.notice) client.send('notice', outcome.notice);
    if (appended.length > 0) this.broadcastLog(appended);
    this.broadcastStatus();
    void this.publishMetadata();
  }

  private kickSeat(role: string): void {
    for (const c of this.clients) {
      const s = c.userData as Seat | undefined;
      if (s?.kind === 'student' && s.role === role) {
        c.send('notice', { level: 'warn', code: 'seat-freed', message: 'The facilitator freed your seat. Join again to pick a role.' } satisfies Notice);
        c.leave(CLOSE.seatFreed);
      }
    }
  }

  // --- what goes out ---

  private persist(logChanged: boolean): void {
    const { store, key } = roomContext();
    let text: string | null = null;
    if (logChanged || !this.attestation) {
      const where = { code: this.cfg.code, table: this.table };
      const bare = classroomReplay(this.core.session, where);
      const attestation = attest(bare, key);
      // The same object with its attestation last, exactly as classroomReplay(…, attestation) builds it.
      text = replayText({ ...bare, attestation });
      this.attestation = attestation;
      this.lastReplayText = text;
    }
    store.writeTable(this.cfg.code, this.table, text, this.core.durable);
  }

  private logUpdate(from: number, reason: LogUpdate['reason']): LogUpdate {
    const s = this.core.session;
    return {
      from,
      events: s.log.slice(from),
      turnHashes: [...s.turnHashes],
      stateHash: stateHash(s),
      attestation: this.attestation,
      reason,
    };
  }

  private broadcastLog(appended: GameEvent[]): void {
    this.broadcast('log', this.logUpdate(this.core.session.log.length - appended.length, 'append'));
  }

  private connectedRoles(): Set<string> {
    const out = new Set<string>();
    for (const c of this.clients) {
      const s = c.userData as Seat | undefined;
      if (s?.kind === 'student' && s.role && c.state !== ClientState.LEAVING) out.add(s.role);
    }
    return out;
  }

  private broadcastStatus(): void {
    const connected = this.connectedRoles();
    const open = this.core.status(connected, false);
    const full = this.core.status(connected, true);
    for (const c of this.clients) c.send('status', (c.userData as Seat | undefined)?.kind === 'facilitator' ? full : open);
  }

  /** Listing data other processes see (joining by code, the session page). */
  private async publishMetadata(): Promise<void> {
    const st = this.core.status(this.connectedRoles(), false);
    await this.setMetadata({
      code: this.cfg.code,
      table: this.table,
      phase: st.phase,
      turn: st.turn,
      turnsTotal: st.turnsTotal,
      taken: st.seats.filter((x) => x.taken).map((x) => x.role),
    });
  }

  /** The table's replay file, as on disk (for downloads through any process: remoteRoomCall). */
  replayFile(): string {
    return this.lastReplayText;
  }
}
