// The classroom wire protocol: every message a browser, a bot or the facilitator console
// may send to a table room, and what the room sends back. One module, imported by the
// server (src/server), the browser client (src/ui/net) and the bots (src/cli/bots.ts), so
// both ends validate against the same schemas. The room never trusts a message it has not
// parsed with these; a message that fails is refused with a reason, never half-applied.
import { z } from 'zod';
import type { GameEvent } from '../engine/events-types.ts';

/** Largest WebSocket frame the server accepts (bytes); larger ones close the connection. A plan of 40 levers is < 2 KB. */
export const MAX_MESSAGE_BYTES = 4 * 1024;
/** Per-client rate limit: a bucket of this many messages, refilled at RATE_PER_SECOND. */
export const RATE_BURST = 30;
export const RATE_PER_SECOND = 10;
/** Refused messages a client may send before the room closes its connection. */
export const MAX_STRIKES = 20;
/** Seconds a dropped seat is held for its reconnection token before it needs the seat secret. */
export const RECONNECT_WINDOW_SECONDS = 60;

const Id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_.:-]+$/, 'letters, digits and _ . : - only');
const Turn = z.number().int().min(0).max(1000);

/** A join code: six letters/digits from an alphabet without look-alikes (no 0/O, 1/I/L). */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CodeSchema = z
  .string()
  .transform((s) => s.trim().toUpperCase().replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^[2-9A-HJKMNP-Z]{6}$/, 'a join code is 6 letters and digits, as shown on the board'));

export const roomIdFor = (code: string, table: number) => `${code}-t${table}`;

// --- joining (the options of joinById) ---

export const JoinOptionsSchema = z.discriminatedUnion('as', [
  z
    .object({
      as: z.literal('student'),
      /** A role id, or 'auto' to be dealt the first free one. */
      role: z.union([Id, z.literal('auto')]),
      name: z.string().trim().max(40).default(''),
      /** The seat secret from an earlier claim of this seat (localStorage), to take it back. */
      secret: z.string().regex(/^[0-9a-f]{32}$/).optional(),
    })
    .strict(),
  z.object({ as: z.literal('facilitator'), key: z.string().min(1).max(100) }).strict(),
  z.object({ as: z.literal('observer') }).strict(),
]);
export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

// --- client -> room ---

export const FacilitatorActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pause') }).strict(),
  z.object({ action: z.literal('resume') }).strict(),
  z.object({ action: z.literal('inject'), event: Id }).strict(),
  z.object({ action: z.literal('extend'), turns: z.number().int().min(1).max(24) }).strict(),
  /** Resolve the current step now: start the game, resolve the turn, or go on after a report. */
  z.object({ action: z.literal('force') }).strict(),
  z.object({ action: z.literal('end') }).strict(),
  z.object({ action: z.literal('reveal-seed') }).strict(),
  /** Free a seat whose student lost their laptop (and so their seat secret). */
  z.object({ action: z.literal('free-seat'), role: Id }).strict(),
]);
export type FacilitatorAction = z.infer<typeof FacilitatorActionSchema>;

export const ClientMessageSchemas = {
  /** This seat's plan for `turn`: every lever of its role it wants changed (others keep their level). */
  submit: z.object({ turn: Turn, levers: z.record(Id, z.number().int().min(0).max(100)) }).strict(),
  /** Take back a submitted plan while the turn is still open. */
  withdraw: z.object({ turn: Turn }).strict(),
  /** "Ready" on the briefing or a report: the step advances when every seated role is ready. */
  ready: z.object({ turn: Turn, phase: z.enum(['briefing', 'report']) }).strict(),
  /** Send the log from this index (a late joiner, or a client whose hashes disagreed). */
  sync: z.object({ from: z.number().int().min(0).max(1_000_000), reason: z.enum(['join', 'gap', 'mismatch']) }).strict(),
  facilitator: FacilitatorActionSchema,
} as const;
export type ClientMessageType = keyof typeof ClientMessageSchemas;
export type ClientMessage<T extends ClientMessageType> = z.infer<(typeof ClientMessageSchemas)[T]>;

// --- room -> client ---

export interface SeatStatus {
  role: string;
  roleName: string;
  /** Display name the student typed (may be empty); never the plan. */
  name: string;
  taken: boolean;
  connected: boolean;
  /** Submitted a plan this turn (planning) or pressed ready (briefing, report). Never what. */
  done: boolean;
}

export interface TableTotals {
  stolenUsd: number;
  cashedOutUsd: number;
  frozenUsd: number;
  launches: number;
}

export interface TableStatus {
  code: string;
  table: number;
  tables: number;
  phase: string;
  turn: number;
  turnsTotal: number;
  paused: boolean;
  ended: boolean;
  seats: SeatStatus[];
  logLength: number;
  /** Shown to students once the facilitator reveals it (it is in every replay file anyway). */
  seedRevealed: boolean;
  /** Only in a facilitator's copy. */
  totals?: TableTotals;
}

export interface Welcome {
  code: string;
  table: number;
  tables: number;
  roomId: string;
  kind: 'student' | 'facilitator' | 'observer';
  /** The seat this connection holds (students). */
  role: string | null;
  /** Handed out once, when a seat is first claimed; the browser keeps it to take the seat back. */
  secret?: string;
  /** The scenario, as the server loaded it (students re-derive every state with it). */
  scenario: unknown;
  seed: string;
}

/** Events appended to the table's log, with what the server's engine computed after them. */
export interface LogUpdate {
  /** Index in the log of the first event here; 0 with `reset` means "start over". */
  from: number;
  events: GameEvent[];
  /** Every per-turn hash so far (short: one per turn). */
  turnHashes: string[];
  /** Hash of the whole state after the last event (replay.ts stateHash). */
  stateHash: string;
  /** Server attestation of the replay with exactly these events (see src/net/attest.ts). */
  attestation: { alg: 'HMAC-SHA256'; keyId: string; mac: string } | null;
  /** Why this update was sent: new decisions, a join, or a re-sync. */
  reason: 'append' | 'join' | 'resync';
}

export interface Notice {
  level: 'info' | 'warn' | 'error';
  code:
    | 'refused'
    | 'rate-limited'
    | 'seat-taken'
    | 'game-moved-on'
    | 'paused'
    | 'resynced'
    | 'seed-revealed'
    | 'seat-freed'
    | 'replaced';
  message: string;
}

export type ServerMessages = {
  welcome: Welcome;
  log: LogUpdate;
  status: TableStatus;
  notice: Notice;
  seed: { seed: string };
};
