// A running game: one XState actor plus the log that makes it a replay. The UI, the CLI
// and tests all drive the game through this, so they share one path to every outcome.
import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events-types.ts';
import { hashValue } from './hash.ts';
import { type GameContext, gameMachine } from './machine.ts';
import type { TurnReport } from './report.ts';
import { checkEvent, type Refusal } from './rules.ts';
import type { GameState, Phase } from './state.ts';

export type SendResult = { ok: true } | { ok: false; refusal: Refusal };

/** Hash of the state after a turn together with that turn's report. */
export function turnHash(game: GameState, report: TurnReport): string {
  return hashValue({ game, report });
}

export class GameSession {
  private readonly actor: Actor<typeof gameMachine>;
  readonly log: GameEvent[] = [];
  readonly turnHashes: string[] = [];

  constructor(
    readonly scenario: Scenario,
    readonly seed: string,
  ) {
    this.actor = createActor(gameMachine, { input: { scenario, seed } });
    this.actor.start();
  }

  get context(): GameContext {
    return this.actor.getSnapshot().context;
  }

  get phase(): Phase {
    return this.context.phase;
  }

  get game(): GameState {
    return this.context.game;
  }

  get reports(): TurnReport[] {
    return this.context.reports;
  }

  /** Send a player or facilitator action. Refused actions change nothing and say why. */
  send(event: GameEvent): SendResult {
    const ctx = this.context;
    const refusal = checkEvent(ctx.scenario, ctx.game, ctx.phase, event);
    if (refusal) {
      this.actor.send(event); // the machine records the same refusal for subscribers
      return { ok: false, refusal };
    }
    const before = ctx.reports.length;
    this.actor.send(event);
    this.log.push(event);
    const after = this.context;
    for (let i = before; i < after.reports.length; i++) this.turnHashes.push(turnHash(after.game, after.reports[i]!));
    return { ok: true };
  }

  subscribe(listener: (ctx: GameContext) => void): () => void {
    const sub = this.actor.subscribe((snap) => listener(snap.context));
    return () => sub.unsubscribe();
  }

  stop(): void {
    this.actor.stop();
  }
}
