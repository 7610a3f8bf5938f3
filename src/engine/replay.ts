// Replay files: a run is its inputs (event sourcing). The same format is the save game,
// the autosave, the export for debriefs and what `cashout replay verify` checks.
import { z } from 'zod';
import { type Scenario, ScenarioSchema } from '../scenario/schema.ts';
import type { GameEvent } from './events-types.ts';
import { hashValue } from './hash.ts';
import { type Recorder, Run } from './run.ts';
import { seedProblem } from './seed-rule.ts';
import { turnLabel } from './state.ts';
import { ENGINE_VERSION, REPLAY_FORMAT, REPLAY_FORMAT_VERSION } from './version.ts';

export interface ReplayFile {
  format: typeof REPLAY_FORMAT;
  formatVersion: typeof REPLAY_FORMAT_VERSION;
  engineVersion: string;
  scenario: { id: string; hash: string; title?: string; inline?: Scenario };
  seed: string;
  events: GameEvent[];
  /** Hash of state + report after each completed turn, in order. */
  turnHashes: string[];
  finalStateHash: string;
  meta?: { tool?: string; policy?: string; createdAt?: string; note?: string };
  /** A classroom server's HMAC over the rest of the file (src/net/attest.ts); optional. */
  attestation?: ReplayAttestation;
}

export interface ReplayAttestation {
  alg: 'HMAC-SHA256';
  /** First 16 hex digits of SHA-256 of the key: names the key without revealing it. */
  keyId: string;
  mac: string;
}

const MAX_EVENTS = 100_000;
const Str = (max: number) => z.string().min(1).max(max);

/** Every event says when (turn) and from where (seat) it was sent. */
const stamped = { turn: z.number().int().min(0).max(1000), seat: Str(64) };
export const EventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('BEGIN'), ...stamped }).strict(),
  z.object({ type: z.literal('START'), ...stamped }).strict(),
  z.object({ type: z.literal('SET_LEVER'), ...stamped, lever: Str(64), level: z.number().int().min(0).max(100) }).strict(),
  z.object({ type: z.literal('COMMIT'), ...stamped }).strict(),
  z.object({ type: z.literal('NEXT'), ...stamped }).strict(),
  z.object({ type: z.literal('PAUSE'), ...stamped }).strict(),
  z.object({ type: z.literal('RESUME'), ...stamped }).strict(),
  z.object({ type: z.literal('INJECT'), ...stamped, event: Str(64) }).strict(),
  z.object({ type: z.literal('EXTEND'), ...stamped, turns: z.number().int().min(1).max(240) }).strict(),
  z.object({ type: z.literal('END_GAME'), ...stamped }).strict(),
]);

const Hash = z.string().regex(/^[0-9a-f]{28}$/, 'must be a 28-digit hex hash');

/** Structure of a replay file; the inline scenario is checked with the scenario schema. */
export const ReplaySchema = z
  .object({
    format: z.literal(REPLAY_FORMAT),
    formatVersion: z.literal(REPLAY_FORMAT_VERSION),
    engineVersion: Str(32),
    scenario: z
      .object({ id: Str(64), hash: Hash, title: Str(200).optional(), inline: ScenarioSchema.optional() })
      .strict(),
    // The seed rule every command and the start screen apply (src/io/seed.ts).
    seed: Str(200).refine((v) => seedProblem(v) === null, { message: 'a seed is 1–200 visible characters with no control characters and no outer spaces' }),
    events: z.array(EventSchema).max(MAX_EVENTS),
    turnHashes: z.array(Hash).max(1000),
    finalStateHash: Hash,
    meta: z
      .object({ tool: Str(100).optional(), policy: Str(100).optional(), createdAt: Str(40).optional(), note: Str(2000).optional() })
      .strict()
      .optional(),
    attestation: z
      .object({ alg: z.literal('HMAC-SHA256'), keyId: z.string().regex(/^[0-9a-f]{16}$/), mac: z.string().regex(/^[0-9a-f]{64}$/) })
      .strict()
      .optional(),
  })
  .strict();

/** Scenarios are immutable once loaded: their hash is computed once per object (a classroom server rebuilds a table's replay after every change). */
const scenarioHashes = new WeakMap<Scenario, string>();

export function scenarioHash(scenario: Scenario): string {
  let h = scenarioHashes.get(scenario);
  if (h === undefined) {
    h = hashValue(scenario);
    scenarioHashes.set(scenario, h);
  }
  return h;
}

/** Hash of where a record stands: its state and how many turns it has reported. */
export function stateHash(record: Recorder): string {
  return hashValue({ game: record.game, reports: record.reports.length });
}

export function buildReplay(
  session: Recorder,
  opts: { inline?: boolean; meta?: ReplayFile['meta']; attestation?: ReplayAttestation } = {},
): ReplayFile {
  const s = session.scenario;
  return {
    format: REPLAY_FORMAT,
    formatVersion: REPLAY_FORMAT_VERSION,
    engineVersion: ENGINE_VERSION,
    scenario: { id: s.id, hash: scenarioHash(s), title: s.title, ...(opts.inline ? { inline: s } : {}) },
    seed: session.seed,
    events: session.log.map((e) => ({ ...e })),
    turnHashes: [...session.turnHashes],
    finalStateHash: stateHash(session),
    ...(opts.meta ? { meta: opts.meta } : {}),
    ...(opts.attestation ? { attestation: opts.attestation } : {}),
  };
}

export type ReplayProblem =
  | 'engine-version'
  | 'scenario-mismatch'
  | 'refused'
  | 'engine-error'
  | 'turn-differs'
  | 'missing-turns'
  | 'extra-turns'
  | 'final-state-differs';

export type ReplayResult =
  | { ok: true; run: Run; turns: number }
  | { ok: false; problem: ReplayProblem; message: string; turn?: number; eventIndex?: number };

/** The scenario a replay needs: its inline copy, or the one given if id and hash match. */
export function scenarioForReplay(
  replay: ReplayFile,
  available?: Scenario,
): { ok: true; scenario: Scenario } | { ok: false; problem: ReplayProblem; message: string } {
  const candidate = replay.scenario.inline ?? available;
  if (!candidate)
    return {
      ok: false,
      problem: 'scenario-mismatch',
      message: `This replay needs scenario "${replay.scenario.id}", which is not inline in the file and was not found.`,
    };
  if (candidate.id !== replay.scenario.id)
    return {
      ok: false,
      problem: 'scenario-mismatch',
      message: `This replay is for scenario "${replay.scenario.id}", not "${candidate.id}".`,
    };
  const hash = scenarioHash(candidate);
  if (hash !== replay.scenario.hash)
    return {
      ok: false,
      problem: 'scenario-mismatch',
      message: `Scenario "${candidate.id}" has changed since this replay was recorded (content hash ${hash}, replay expects ${replay.scenario.hash}).`,
    };
  return { ok: true, scenario: candidate };
}

/**
 * Re-run a replay and compare it turn by turn and at the end. A save game is a replay
 * that stops mid-game; it is checked the same way.
 */
export function runReplay(replay: ReplayFile, available?: Scenario): ReplayResult {
  const version = replayVersionProblem(replay);
  if (version) return { ok: false, problem: 'engine-version', message: version };
  const found = scenarioForReplay(replay, available);
  if (!found.ok) return found;
  const scenario = found.scenario;
  const run = new Run(scenario, replay.seed);
  for (let i = 0; i < replay.events.length; i++) {
    const event = replay.events[i]!;
    const before = run.turnHashes.length;
    const r = run.send(event);
    if (!r.ok) {
      if (r.error)
        return {
          ok: false,
          problem: 'engine-error',
          eventIndex: i,
          turn: run.game.turn,
          message: `Decision ${i + 1} (${describeEvent(event)}, turn ${run.game.turn}) could not be re-run: ${r.error.message}`,
        };
      return {
        ok: false,
        problem: 'refused',
        eventIndex: i,
        turn: run.game.turn,
        message: `Decision ${i + 1} (${describeEvent(event)}, turn ${run.game.turn}) is refused by the rules: ${r.refusal.message} The file was edited or is damaged.`,
      };
    }
    for (let t = before; t < run.turnHashes.length; t++) {
      const expected = replay.turnHashes[t];
      if (expected === undefined) {
        return {
          ok: false,
          problem: 'extra-turns',
          turn: t + 1,
          message: `The decisions play turn ${t + 1}, but the file records only ${replay.turnHashes.length} turn(s): it was cut short or edited.`,
        };
      }
      if (expected !== run.turnHashes[t]) {
        return {
          ok: false,
          problem: 'turn-differs',
          turn: t + 1,
          eventIndex: i,
          message: `Turn ${t + 1} (${turnLabel(scenario, t + 1)}) differs from the recording: the decisions, the seed or the scenario were changed.`,
        };
      }
    }
  }
  if (run.turnHashes.length < replay.turnHashes.length) {
    const missing = run.turnHashes.length + 1;
    return {
      ok: false,
      problem: 'missing-turns',
      turn: missing,
      message: `The file records ${replay.turnHashes.length} turns but its decisions play only ${missing - 1}: decisions are missing from turn ${missing} on.`,
    };
  }
  if (stateHash(run) !== replay.finalStateHash) {
    return {
      ok: false,
      problem: 'final-state-differs',
      turn: run.game.turn,
      message: `The final state differs from the recording after turn ${run.game.turn}: decisions after the last completed turn were changed.`,
    };
  }
  return { ok: true, run: run, turns: run.turnHashes.length };
}

export function describeEvent(e: GameEvent): string {
  switch (e.type) {
    case 'SET_LEVER':
      return `${e.seat} sets ${e.lever} to ${e.level}`;
    case 'COMMIT':
      return `${e.seat} commits`;
    case 'INJECT':
      return `facilitator injects ${e.event}`;
    case 'EXTEND':
      return `facilitator extends by ${e.turns} turns`;
    default:
      return `${e.type} from ${e.seat}`;
  }
}

/**
 * Why a parsed JSON value is a replay of another format or engine version, or null. Checked
 * before the structure, so an old file is told which engine it needs rather than listing
 * every field that changed.
 */
export function replayVersionProblem(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const o = data as Record<string, unknown>;
  if (o.format !== REPLAY_FORMAT) return null;
  const engine = typeof o.engineVersion === 'string' ? o.engineVersion.slice(0, 32) : 'an unknown engine';
  if (o.formatVersion !== REPLAY_FORMAT_VERSION || o.engineVersion !== ENGINE_VERSION)
    return `This replay was recorded with Cashout engine ${engine} (replay format ${String(o.formatVersion).slice(0, 8)}); this is engine ${ENGINE_VERSION} (replay format ${REPLAY_FORMAT_VERSION}), whose rules give other results. Open it with Cashout engine ${engine}, or play the scenario again with this version.`;
  return null;
}
