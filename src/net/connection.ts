// One client's connection to one table: joining by code, keeping the seat across reloads
// and dropped networks (reconnection token first, then the seat secret), applying the
// server's log to a local TableMirror, and saying plainly what is wrong when something is.
// Used by the browser (src/ui/net) and by the bots (src/cli/bots.ts) alike.
import { Client, type Room } from 'colyseus.js';
import type { Scenario } from '../scenario/schema.ts';
import { type MirrorEngine, TableMirror } from './mirror.ts';
import {
  type ClientMessage,
  type ClientMessageType,
  type FacilitatorAction,
  type JoinOptions,
  type LogUpdate,
  type Notice,
  roomIdFor,
  type TableStatus,
  type Welcome,
} from './protocol.ts';

export type Link = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'closed';

export interface ConnectionState {
  link: Link;
  /** What is wrong, in words for the person at the screen (null when all is well). */
  problem: string | null;
  welcome: Welcome | null;
  status: TableStatus | null;
  mirror: TableMirror | null;
  /** The latest notice from the server (a refusal, "the game moved on", ...). */
  notice: Notice | null;
  revealedSeed: string | null;
  /** Times this connection came back after a drop (token or seat secret). */
  reconnects: number;
}

/** A seat this browser holds: enough to take it back after a reload. */
export interface SavedSeat {
  code: string;
  table: number;
  role: string;
  secret: string;
  name: string;
  reconnectionToken?: string;
}

export interface SeatStore {
  load(code: string): SavedSeat | null;
  save(seat: SavedSeat): void;
  forget(code: string): void;
}

export const memorySeatStore = (): SeatStore => {
  const m = new Map<string, SavedSeat>();
  return { load: (c) => m.get(c) ?? null, save: (s) => void m.set(s.code, s), forget: (c) => void m.delete(c) };
};

/** Close codes the server uses on purpose (src/server/table-room.ts CLOSE). */
const CLOSE_REPLACED = 4001;
const CLOSE_ABUSE = 4002;
const CLOSE_SEAT_FREED = 4003;

export interface ConnectionOptions {
  /** The server's address, e.g. "http://192.168.1.20:2567" (the page's own origin in the browser). */
  endpoint: string;
  code: string;
  table: number;
  join: JoinOptions;
  seats?: SeatStore;
  /** Called after every change of state. */
  onChange?: (state: ConnectionState) => void;
  /** How this client re-derives the game: 'live' for screens (default), 'bare' for bots. */
  engine?: MirrorEngine;
  /** Called for every message the server sends (the benchmark counts them). */
  onMessage?: (type: string) => void;
  /** Called when the mirror gained turns (new state to show). */
  onTurns?: (newTurns: number) => void;
  /** Reconnection attempts before giving up (with a growing pause, at most `maxPauseMs`). */
  maxAttempts?: number;
  maxPauseMs?: number;
}

/** "fetch failed", "Failed to fetch", ECONNREFUSED: the server cannot be reached at all. */
function isUnreachable(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code !== 'number';
}

export function explainJoinError(e: unknown, endpoint: string): string {
  if (isUnreachable(e))
    return `The classroom server at ${endpoint} cannot be reached. Check that it is running and that this device is on the same network.`;
  const message = e instanceof Error ? e.message : String(e);
  if (/not found/i.test(message)) return 'That table does not exist (any more). Check the join code and the table number.';
  return message;
}

export class TableConnection {
  private readonly client: Client;
  private room: Room | null = null;
  private closed = false;
  private resyncing = false;
  readonly state: ConnectionState = { link: 'connecting', problem: null, welcome: null, status: null, mirror: null, notice: null, revealedSeed: null, reconnects: 0 };

  constructor(private readonly opts: ConnectionOptions) {
    this.client = new Client(opts.endpoint);
  }

  get roomId(): string {
    return roomIdFor(this.opts.code, this.opts.table);
  }

  private welcomed: (() => void) | null = null;

  /** Join and wait for the welcome; rejects with a message a person can act on (wrong code, seat taken, server down). */
  async connect(): Promise<void> {
    this.set({ link: 'connecting', problem: null });
    const welcomed = new Promise<void>((resolve) => {
      this.welcomed = resolve;
    });
    try {
      this.attach(await this.client.joinById(this.roomId, this.joinOptions()));
    } catch (e) {
      const message = explainJoinError(e, this.opts.endpoint);
      this.set({ link: 'closed', problem: message });
      throw new Error(message);
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('The classroom server accepted the connection but sent nothing; reload the page.')), 15_000);
    });
    await Promise.race([welcomed, late]).finally(() => clearTimeout(timer));
  }

  /** A student coming back presents the seat secret this browser saved. */
  private joinOptions(): JoinOptions {
    const j = this.opts.join;
    if (j.as !== 'student') return j;
    const saved = this.opts.seats?.load(this.opts.code);
    if (saved && saved.table === this.opts.table && (j.role === 'auto' || j.role === saved.role))
      return { as: 'student', role: saved.role, name: j.name || saved.name, secret: saved.secret };
    return j;
  }

  private attach(room: Room): void {
    this.room = room;
    const on = <T>(type: string, handle: (m: T) => void) =>
      room.onMessage(type, (m: T) => {
        this.opts.onMessage?.(type);
        handle(m);
      });
    on('welcome', (w: Welcome) => this.onWelcome(w));
    on('log', (u: LogUpdate) => this.onLog(u));
    on('status', (s: TableStatus) => this.set({ status: s }));
    on('notice', (n: Notice) => this.set({ notice: n }));
    on('seed', (m: { seed: string }) => this.set({ revealedSeed: m.seed }));
    // Only the current room's departure matters; a stale room object may report late.
    room.onLeave((code) => {
      if (this.room === room) this.onLeave(code);
    });
    this.saveToken();
    this.set({ link: 'online', problem: null });
  }

  private onWelcome(w: Welcome): void {
    const mirror = this.state.mirror && this.state.welcome?.seed === w.seed ? this.state.mirror : new TableMirror(w.scenario as Scenario, w.seed, this.opts.engine);
    this.set({ welcome: w, mirror });
    this.welcomed?.();
    this.welcomed = null;
    if (w.kind === 'student' && w.role) {
      const before = this.opts.seats?.load(w.code);
      const secret = w.secret ?? (before?.role === w.role && before.table === w.table ? before.secret : undefined);
      if (secret) this.opts.seats?.save({ code: w.code, table: w.table, role: w.role, secret, name: this.opts.join.as === 'student' ? this.opts.join.name : '', reconnectionToken: this.room?.reconnectionToken });
    }
  }

  private saveToken(): void {
    const saved = this.opts.seats?.load(this.opts.code);
    if (saved && this.room) this.opts.seats?.save({ ...saved, reconnectionToken: this.room.reconnectionToken });
  }

  private onLog(update: LogUpdate): void {
    const mirror = this.state.mirror;
    if (!mirror) return;
    const r = mirror.apply(update);
    if (r.ok) {
      if (update.from === 0) this.resyncing = false;
      this.set({});
      if (r.newTurns > 0) this.opts.onTurns?.(r.newTurns);
      return;
    }
    if (r.problem === 'gap') {
      this.send('sync', { from: r.from, reason: 'gap' });
      return;
    }
    if (this.resyncing) {
      this.set({ link: 'closed', problem: `This device computes a different game from the server even after re-loading its log (${r.message}). Reload the page; if it persists, the server runs another version of Cashout.` });
      void this.room?.leave(true);
      return;
    }
    // Report it, start over from the server's log, and say so.
    this.resyncing = true;
    mirror.resyncs += 1;
    mirror.rebuild();
    this.send('sync', { from: 0, reason: 'mismatch' });
    this.set({ notice: { level: 'warn', code: 'resynced', message: `${r.message} This screen was re-synchronised from the server's log.` } });
  }

  private onLeave(code: number): void {
    this.room = null;
    if (this.closed) return;
    if (code === CLOSE_REPLACED) this.set({ link: 'closed', problem: 'This seat was opened on another tab or device, which now holds it.' });
    else if (code === CLOSE_SEAT_FREED) {
      this.opts.seats?.forget(this.opts.code);
      this.set({ link: 'closed', problem: 'The facilitator freed your seat. Join again to pick a role.' });
    } else if (code === CLOSE_ABUSE) this.set({ link: 'closed', problem: 'The server closed this connection after too many refused messages. Reload the page.' });
    else void this.recover();
  }

  /** Dropped: the reconnection token first (same seat, same session), then the seat secret. */
  private async recover(): Promise<void> {
    const max = this.opts.maxAttempts ?? 40;
    const maxPause = this.opts.maxPauseMs ?? 5000;
    this.set({ link: 'reconnecting', problem: 'Connection lost: reconnecting…' });
    for (let attempt = 0; attempt < max && !this.closed; attempt++) {
      const token = this.opts.seats?.load(this.opts.code)?.reconnectionToken ?? this.lastToken;
      try {
        if (token) {
          try {
            this.attach(await this.client.reconnect(token));
            this.send('sync', { from: this.state.mirror?.session.log.length ?? 0, reason: 'join' });
            this.set({ reconnects: this.state.reconnects + 1 });
            return;
          } catch (e) {
            if (isUnreachable(e)) throw e;
            // The token expired (window over, or the server restarted): the seat secret still works.
          }
        }
        this.attach(await this.client.joinById(this.roomId, this.joinOptions()));
        this.set({ reconnects: this.state.reconnects + 1 });
        return;
      } catch (e) {
        if (!isUnreachable(e)) {
          this.set({ link: 'closed', problem: explainJoinError(e, this.opts.endpoint) });
          return;
        }
        this.set({ link: 'offline', problem: `The classroom server cannot be reached (attempt ${attempt + 1} of ${max}); retrying…` });
        await new Promise((r) => setTimeout(r, Math.min(maxPause, 250 * 2 ** attempt)));
      }
    }
    if (!this.closed)
      this.set({ link: 'offline', problem: `The classroom server at ${this.opts.endpoint} cannot be reached. Check the network, then reload the page: your seat is kept.` });
  }

  private get lastToken(): string | undefined {
    return this.room?.reconnectionToken;
  }

  send<T extends ClientMessageType>(type: T, message: ClientMessage<T>): void {
    this.room?.send(type, message);
  }

  submit(levers: Record<string, number>): void {
    const turn = this.state.mirror?.session.game.turn ?? 0;
    this.send('submit', { turn, levers });
  }

  withdraw(): void {
    this.send('withdraw', { turn: this.state.mirror?.session.game.turn ?? 0 });
  }

  ready(): void {
    const s = this.state.mirror?.session;
    if (!s || (s.phase !== 'briefing' && s.phase !== 'report')) return;
    this.send('ready', { turn: s.game.turn, phase: s.phase });
  }

  facilitator(action: FacilitatorAction): void {
    this.send('facilitator', action);
  }

  /** Leave for good (consented): the seat stays this browser's, for a later return. */
  async close(): Promise<void> {
    this.closed = true;
    const room = this.room;
    this.room = null;
    if (room) await room.leave(true).catch(() => 0);
    this.state.mirror?.stop();
  }

  /** Drop the socket without telling the server (tests: a laptop that loses its network). */
  dropForTest(): void {
    (this.room?.connection as unknown as { close?: (code?: number) => void })?.close?.(4999);
  }

  private set(patch: Partial<ConnectionState>): void {
    Object.assign(this.state, patch);
    this.opts.onChange?.(this.state);
  }
}
