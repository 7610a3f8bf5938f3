// A game as a fold of `step` over events, with the record that makes it a replay: the
// accepted events, each turn's report and state, and (on demand) each turn's hash.
// `Run` folds the bare step (batch runs, calibration, replays, the debrief timeline, the
// server); `GameSession` (session.ts) folds it through the XState actor for live play.
// Both keep the record the same way, so they produce byte-identical replays.
import type { Scenario } from '../scenario/schema.ts';
import { type Action, type GameEvent, stamp } from './events-types.ts';
import { hashValue } from './hash.ts';
import type { TurnReport } from './report.ts';
import type { Refusal } from './rules.ts';
import { type GameState, initialState, type Phase } from './state.ts';
import { type EngineError, type StepResult, step } from './step.ts';

export type SendResult = { ok: true } | { ok: false; refusal: Refusal; error?: undefined } | { ok: false; error: EngineError; refusal?: undefined };

/** The message to show for a failed send. */
export function sendProblem(r: Exclude<SendResult, { ok: true }>): string {
  return r.refusal ? r.refusal.message : `${r.error.message} This is a bug in Cashout: the decision was not recorded.`;
}

/** Hash of the state after a turn together with that turn's report. */
export function turnHash(game: GameState, report: TurnReport): string {
  return hashValue({ game, report });
}

/** What every driver of a game offers: policies, bots and tests play through this. */
export interface GameDriver {
  readonly scenario: Scenario;
  readonly seed: string;
  readonly game: GameState;
  readonly phase: Phase;
  readonly reports: readonly TurnReport[];
  send(event: GameEvent): SendResult;
  act(seat: string, action: Action): SendResult;
}

export interface RecordSnapshot {
  state: GameState;
  log: GameEvent[];
  reports: TurnReport[];
  turnStates: GameState[];
  hashes: string[];
}

export abstract class Recorder implements GameDriver {
  readonly log: GameEvent[] = [];
  readonly reports: TurnReport[] = [];
  /** State after each completed turn (immutable snapshots; the debrief steps through them). */
  readonly turnStates: GameState[] = [];
  /** Hashes already computed; states are immutable, so the rest are computed on first use. */
  private readonly hashes: string[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly seed: string,
  ) {}

  abstract get game(): GameState;
  /** Hand the event to step (directly or through the actor) and return what it did. */
  protected abstract advance(event: GameEvent): StepResult;

  get phase(): Phase {
    return this.game.phase;
  }

  /** Hash after each completed turn. */
  get turnHashes(): string[] {
    for (let i = this.hashes.length; i < this.reports.length; i++) this.hashes.push(turnHash(this.turnStates[i]!, this.reports[i]!));
    return this.hashes;
  }

  /** Send a player or facilitator event. Refused or failed events change nothing and are not recorded. */
  send(event: GameEvent): SendResult {
    const r = this.advance(event);
    if (!r.ok) return r.refusal ? { ok: false, refusal: r.refusal } : { ok: false, error: r.error };
    this.log.push(event);
    for (const report of r.reports) {
      this.reports.push(report);
      this.turnStates.push(r.state);
    }
    return { ok: true };
  }

  /** Send an action from `seat`, stamped with the current turn. */
  act(seat: string, action: Action): SendResult {
    return this.send(stamp(this.game.turn, seat, action));
  }

  /** Everything needed to continue this record elsewhere (another driver). */
  snapshot(): RecordSnapshot {
    return {
      state: this.game,
      log: [...this.log],
      reports: [...this.reports],
      turnStates: [...this.turnStates],
      hashes: [...this.turnHashes],
    };
  }

  protected restore(from: RecordSnapshot): void {
    this.log.push(...from.log);
    this.reports.push(...from.reports);
    this.turnStates.push(...from.turnStates);
    this.hashes.push(...from.hashes);
  }
}

/** A game folded over the bare step: no actor, no subscriptions. */
export class Run extends Recorder {
  private state: GameState;

  constructor(scenario: Scenario, seed: string, from?: RecordSnapshot) {
    super(scenario, seed);
    this.state = from?.state ?? initialState(scenario, seed);
    if (from) this.restore(from);
  }

  get game(): GameState {
    return this.state;
  }

  protected advance(event: GameEvent): StepResult {
    const r = step(this.scenario, this.state, event);
    if (r.ok) this.state = r.state;
    return r;
  }
}
