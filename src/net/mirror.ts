// A client's own copy of a table's game: it applies the events the server sequenced with
// the same engine, then checks its per-turn hashes and final state hash against the
// server's. The browser, the bots and the tests all use it, so nobody trusts a state they
// did not compute themselves, and nobody computes one the server did not sequence.
import type { GameEvent } from '../engine/events-types.ts';
import { canonicalJson } from '../engine/hash.ts';
import { stateHash } from '../engine/replay.ts';
import { Run, sendProblem } from '../engine/run.ts';
import { GameSession } from '../engine/session.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { LogUpdate } from './protocol.ts';

export type MirrorResult =
  | { ok: true; newTurns: number; rebuilt: boolean }
  /** A gap (updates missed while away): ask the server for the log from `from`. */
  | { ok: false; problem: 'gap'; from: number }
  /** This copy disagrees with the server's hashes (or refuses its events): start over from the log. */
  | { ok: false; problem: 'mismatch'; message: string };

/** 'live' (an XState actor, what the browser's screens read) or 'bare' (the step fold alone: bots). */
export type MirrorEngine = 'live' | 'bare';

export class TableMirror {
  session: GameSession | Run;
  attestation: LogUpdate['attestation'] = null;
  /** Disagreements found and repaired by a re-sync (reported to the player and the server). */
  resyncs = 0;

  constructor(
    readonly scenario: Scenario,
    readonly seed: string,
    readonly engine: MirrorEngine = 'live',
  ) {
    this.session = this.fresh();
  }

  private fresh(): GameSession | Run {
    return this.engine === 'live' ? new GameSession(this.scenario, this.seed) : new Run(this.scenario, this.seed);
  }

  /** The live session the browser's screens read. */
  get live(): GameSession {
    if (!(this.session instanceof GameSession)) throw new Error('This mirror folds the bare step; screens need a live session.');
    return this.session;
  }

  stop(): void {
    if (this.session instanceof GameSession) this.session.stop();
  }

  apply(update: LogUpdate): MirrorResult {
    const log = this.session.log;
    if (update.from > log.length) return { ok: false, problem: 'gap', from: log.length };
    const turnsBefore = this.session.turnHashes.length;
    // Events this copy already has must be the very same events; otherwise start over.
    const overlap = Math.min(log.length - update.from, update.events.length);
    let rebuilt = false;
    for (let i = 0; i < overlap; i++) {
      if (canonicalJson(log[update.from + i]) !== canonicalJson(update.events[i])) {
        if (update.from !== 0) return { ok: false, problem: 'mismatch', message: `Event ${update.from + i + 1} differs from the server's log.` };
        this.rebuild();
        rebuilt = true;
        break;
      }
    }
    const skip = rebuilt ? 0 : overlap;
    if (!rebuilt && update.from === 0 && update.events.length < log.length) {
      this.rebuild(); // the server's log is shorter than ours: ours cannot be right
      rebuilt = true;
    }
    for (const event of update.events.slice(rebuilt ? 0 : skip)) {
      const r = this.session.send(event as GameEvent);
      if (!r.ok) return { ok: false, problem: 'mismatch', message: `This browser's engine refuses event ${this.session.log.length + 1} (${event.type}): ${sendProblem(r)}` };
    }
    const mine = this.session.turnHashes;
    const t = mine.findIndex((h, i) => h !== update.turnHashes[i]);
    if (t >= 0 || mine.length !== update.turnHashes.length)
      return { ok: false, problem: 'mismatch', message: `Turn ${t >= 0 ? t + 1 : Math.min(mine.length, update.turnHashes.length) + 1} computed here differs from the server's.` };
    if (stateHash(this.session) !== update.stateHash) return { ok: false, problem: 'mismatch', message: 'The state computed here differs from the server’s.' };
    this.attestation = update.attestation;
    return { ok: true, newTurns: rebuilt ? mine.length : mine.length - turnsBefore, rebuilt };
  }

  /** Forget everything computed here; the next update from index 0 rebuilds it. */
  rebuild(): void {
    this.stop();
    this.session = this.fresh();
  }
}
