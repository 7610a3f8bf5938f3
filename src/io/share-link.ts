// A share link: a whole run (scenario, seed, every decision) in the page's address, so a
// student can send "look what happened" and the instructor opens exactly that run in the
// viewer. The link names the scenario by id and content hash (and, for a scenario served
// from the same site, its path); the decisions are packed as small tuples, compressed
// (deflate-raw) and base64url-encoded. Opening a link re-runs every decision and compares
// the final state hash, so a link either reproduces the run exactly or is refused with
// the reason. Works in Node and the browser (CompressionStream, btoa/atob).
import { FACILITATOR_SEAT, type GameEvent } from '../engine/events-types.ts';
import { buildReplay, type ReplayFile, scenarioHash, stateHash } from '../engine/replay.ts';
import { Run, sendProblem } from '../engine/run.ts';
import { seedProblem } from '../engine/seed-rule.ts';
import { type Timeline, timelineOf } from '../engine/timeline.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import type { Scenario } from '../scenario/schema.ts';
import { readBounded } from './read-bounded.ts';

export const RUN_QUERY_PARAM = 'run';
/** Longer links get cut by mail programs, chat tools and course platforms. */
export const MAX_LINK_LENGTH = 2000;
const LINK_VERSION = 1;
const MAX_PACKED_BYTES = 64 * 1024;

export interface LinkScenario {
  id: string;
  hash: string;
  /** A same-site path the scenario can be fetched from, when it is not shipped. */
  path?: string;
}

const TYPES = ['BEGIN', 'START', 'SET_LEVER', 'COMMIT', 'NEXT', 'PAUSE', 'RESUME', 'INJECT', 'EXTEND', 'END_GAME'] as const;
type Packed = number[];

interface Payload {
  v: number;
  engine: string;
  scenario: LinkScenario;
  seed: string;
  events: Packed[];
  turns: number;
  final: string;
}

const allEvents = (s: Scenario) => [...s.events.scripted, ...s.events.random, ...s.events.conditional].map((e) => e.id);

function pack(e: GameEvent, s: Scenario): Packed {
  const seat = e.seat === FACILITATOR_SEAT ? -1 : s.roles.findIndex((r) => r.id === e.seat);
  const head = [TYPES.indexOf(e.type), e.turn, seat];
  switch (e.type) {
    case 'SET_LEVER':
      return [...head, s.levers.findIndex((l) => l.id === e.lever), e.level];
    case 'INJECT':
      return [...head, allEvents(s).indexOf(e.event)];
    case 'EXTEND':
      return [...head, e.turns];
    default:
      return head;
  }
}

function unpack(p: Packed, s: Scenario): GameEvent | null {
  const [type, turn, seatIndex, a, b] = p;
  const name = TYPES[type ?? -1];
  const seat = seatIndex === -1 ? FACILITATOR_SEAT : s.roles[seatIndex ?? -2]?.id;
  if (!name || seat === undefined || !Number.isInteger(turn)) return null;
  const base = { turn: turn!, seat };
  switch (name) {
    case 'SET_LEVER': {
      const lever = s.levers[a ?? -1]?.id;
      return lever && Number.isInteger(b) ? { type: name, lever, level: b!, ...base } : null;
    }
    case 'INJECT': {
      const event = allEvents(s)[a ?? -1];
      return event ? { type: name, event, ...base } : null;
    }
    case 'EXTEND':
      return Number.isInteger(a) ? { type: name, turns: a!, ...base } : null;
    default:
      return { type: name, ...base } as GameEvent;
  }
}

async function squeeze(bytes: Uint8Array, how: 'compress' | 'decompress'): Promise<Uint8Array> {
  const stream = new Blob([new Uint8Array(bytes)]).stream().pipeThrough(how === 'compress' ? new CompressionStream('deflate-raw') : new DecompressionStream('deflate-raw'));
  const out = await readBounded(stream, MAX_PACKED_BYTES);
  if (out === 'too-large') throw new Error('too large');
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  // In slices: spreading a long array into fromCharCode would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 4096) bin += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The packed run in a page's query string (`?run=…`), if any. */
export function runLinkFromQuery(search: string): string | null {
  const v = new URLSearchParams(search).get(RUN_QUERY_PARAM);
  return v?.trim() ? v.trim() : null;
}

export type LinkResult = { ok: true; url: string; length: number } | { ok: false; reason: string; length?: number };

/**
 * The link for a verified replay on `scenario`, relative to the page at `pageUrl`, or why
 * there is none: a scenario the receiver could not find, or a run too long for a link.
 */
export async function runLink(replay: ReplayFile, scenario: Scenario, pageUrl: string, source: { shipped: boolean; path?: string }): Promise<LinkResult> {
  if (!source.shipped && !source.path)
    return {
      ok: false,
      reason: `scenario “${scenario.title}” was loaded from a file on this computer, so a link could not bring it along; share the replay file instead (it carries the scenario).`,
    };
  const payload: Payload = {
    v: LINK_VERSION,
    engine: ENGINE_VERSION,
    scenario: { id: scenario.id, hash: scenarioHash(scenario), ...(source.path ? { path: source.path } : {}) },
    seed: replay.seed,
    events: replay.events.map((e) => pack(e, scenario)),
    turns: replay.turnHashes.length,
    final: replay.finalStateHash,
  };
  const packed = await squeeze(new TextEncoder().encode(JSON.stringify(payload)), 'compress');
  const url = new URL(pageUrl);
  url.hash = '';
  url.search = '';
  url.searchParams.set(RUN_QUERY_PARAM, toBase64Url(packed));
  const text = url.href;
  if (text.length > MAX_LINK_LENGTH)
    return {
      ok: false,
      length: text.length,
      reason: `this run is too long for a link (${text.length.toLocaleString('en-US')} characters; links over ${MAX_LINK_LENGTH.toLocaleString('en-US')} get cut by mail and chat programs). Share the replay file instead.`,
    };
  return { ok: true, url: text, length: text.length };
}

/** Finds the scenario a link names (shipped, loaded, or fetched from its same-site path). */
export type ResolveScenario = (ref: LinkScenario) => Promise<{ ok: true; scenario: Scenario } | { ok: false; message: string }>;

export type OpenedLink = { ok: true; replay: ReplayFile; timeline: Timeline } | { ok: false; message: string };

const DAMAGED = 'the link is damaged or cut short (mail programs sometimes break long links); ask for the replay file instead.';

/** Re-runs the run a link describes; refuses it, with the reason, unless it reproduces exactly. */
export async function openRunLink(param: string, resolve: ResolveScenario): Promise<OpenedLink> {
  const bytes = fromBase64Url(param.trim());
  if (!bytes || bytes.length === 0) return { ok: false, message: DAMAGED };
  let payload: Payload;
  try {
    payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await squeeze(bytes, 'decompress')));
  } catch {
    return { ok: false, message: DAMAGED };
  }
  if (typeof payload !== 'object' || payload === null || payload.v !== LINK_VERSION || !Array.isArray(payload.events))
    return { ok: false, message: 'this is not a Cashout run link, or it was made by a newer version of Cashout.' };
  if (payload.engine !== ENGINE_VERSION)
    return {
      ok: false,
      message: `the link was made with Cashout engine ${String(payload.engine).slice(0, 32)}; this is engine ${ENGINE_VERSION}, whose rules give other results. Ask for the replay file and open it with that version.`,
    };
  const seedIssue = typeof payload.seed === 'string' ? seedProblem(payload.seed) : 'is missing';
  if (seedIssue || typeof payload.final !== 'string' || !payload.scenario || typeof payload.scenario.id !== 'string')
    return { ok: false, message: DAMAGED };
  const found = await resolve(payload.scenario);
  if (!found.ok) return { ok: false, message: found.message };
  const s = found.scenario;
  if (scenarioHash(s) !== payload.scenario.hash)
    return {
      ok: false,
      message: `scenario “${s.title}” on this site has changed since the link was made, so the run cannot be reproduced; ask for the replay file (it carries its scenario).`,
    };
  const run = new Run(s, payload.seed);
  for (const [i, p] of payload.events.entries()) {
    const event = Array.isArray(p) ? unpack(p, s) : null;
    if (!event) return { ok: false, message: `decision ${i + 1} of the link cannot be read: ${DAMAGED}` };
    const r = run.send(event);
    if (!r.ok) return { ok: false, message: `decision ${i + 1} of the link is refused by the rules (${sendProblem(r)}); the link was edited or damaged.` };
  }
  if (run.reports.length !== payload.turns || stateHash(run) !== payload.final)
    return { ok: false, message: 'the decisions in the link do not reproduce the run it was made from; the link was edited or damaged.' };
  if (run.reports.length === 0) return { ok: false, message: 'the run in the link has no completed turn, so there is nothing to show.' };
  return { ok: true, replay: buildReplay(run, { inline: true, meta: { tool: 'share link' } }), timeline: timelineOf(run) };
}
