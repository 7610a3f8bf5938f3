// A live game: the XState actor (whose one action is the pure `step`) plus the record
// that makes it a replay. The browser game drives this; batch runs, replays and the
// server fold the same step without the actor (run.ts), so every path shares one rule set.
import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events-types.ts';
import { type GameContext, gameMachine } from './machine.ts';
import { malformed } from './rules.ts';
import { Recorder, type RecordSnapshot } from './run.ts';
import type { GameState } from './state.ts';
import type { StepResult } from './step.ts';

export type { SendResult } from './run.ts';

export class GameSession extends Recorder {
  private readonly actor: Actor<typeof gameMachine>;

  constructor(scenario: Scenario, seed: string, from?: RecordSnapshot) {
    super(scenario, seed);
    this.actor = createActor(gameMachine, { input: { scenario, seed, ...(from ? { game: from.state } : {}) } });
    this.actor.start();
    if (from) this.restore(from);
  }

  /** A live session that continues a record (a replayed save, a branch of a recorded run). */
  static resume(scenario: Scenario, seed: string, from: RecordSnapshot): GameSession {
    return new GameSession(scenario, seed, from);
  }

  get context(): GameContext {
    return this.actor.getSnapshot().context;
  }

  get game(): GameState {
    return this.context.game;
  }

  protected advance(event: GameEvent): StepResult {
    const before = this.actor.getSnapshot();
    if (before.status !== 'active') return stopped(event, before.status);
    // Only game events reach the actor: XState's own event types (xstate.stop, …) would
    // otherwise stop or reset it from outside the rules.
    const bad = malformed(event);
    if (bad) return { ok: false, refusal: bad };
    this.actor.send(event);
    const after = this.actor.getSnapshot();
    // XState moves an actor whose action threw to status 'error' and drops every later
    // event: that is a failure, never an accepted decision.
    if (after.status !== 'active') return stopped(event, after.status, after.error);
    return after.context.last ?? stopped(event, after.status);
  }

  subscribe(listener: (ctx: GameContext) => void): () => void {
    const sub = this.actor.subscribe({ next: (snap) => listener(snap.context), error: () => {} });
    return () => sub.unsubscribe();
  }

  stop(): void {
    this.actor.stop();
  }
}

function stopped(event: GameEvent, status: string, error?: unknown): StepResult {
  const why = error instanceof Error ? `: ${error.message}` : '';
  return {
    ok: false,
    error: { code: 'internal', event: String(event?.type), message: `The game engine stopped (${status})${why}.` },
  };
}
