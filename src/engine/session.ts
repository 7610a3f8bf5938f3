// A running game: one XState actor plus the log that makes it a replay. The UI, the CLI
// and tests all drive the game through this, so they share one path to every outcome.
import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { EVENT_TYPES, type GameEvent, type GameEventType } from './events-types.ts';
import { hashValue } from './hash.ts';
import { type GameContext, gameMachine } from './machine.ts';
import type { TurnReport } from './report.ts';
import type { Refusal } from './rules.ts';
import type { GameState, Phase } from './state.ts';

function isGameEventType(t: unknown): t is GameEventType {
  return typeof t === 'string' && (EVENT_TYPES as readonly string[]).includes(t);
}

export type SendResult = { ok: true } | { ok: false; refusal: Refusal };

/** Hash of the state after a turn together with that turn's report. */
export function turnHash(game: GameState, report: TurnReport): string {
  return hashValue({ game, report });
}

export class GameSession {
  private readonly actor: Actor<typeof gameMachine>;
  readonly log: GameEvent[] = [];
  /** Hashes already computed, and the (immutable) states still to hash, per turn. */
  private readonly hashes: string[] = [];
  private readonly unhashed: { game: GameState; report: TurnReport }[] = [];
  /** State after each completed turn (immutable snapshots; the debrief steps through them). */
  readonly turnStates: GameState[] = [];

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

  /** Hash after each completed turn (computed on first use: states are immutable). */
  get turnHashes(): string[] {
    for (const u of this.unhashed) this.hashes.push(turnHash(u.game, u.report));
    this.unhashed.length = 0;
    return this.hashes;
  }

  /** Send a player or facilitator action. Refused actions change nothing and say why. */
  send(event: GameEvent): SendResult {
    // Only game events reach the actor: XState's own event types (xstate.stop, …) would
    // otherwise stop or reset it from outside the rules.
    if (typeof event !== 'object' || event === null || !isGameEventType((event as { type?: unknown }).type)) {
      const type = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : event;
      return { ok: false, refusal: { code: 'bad-event', event: String(type), message: `Unknown action ${JSON.stringify(type)}.` } };
    }
    const before = this.context.reports.length;
    this.actor.send(event);
    const after = this.context;
    // The machine sets `refusal` on every refused event and clears it on every accepted one.
    if (after.refusal) return { ok: false, refusal: after.refusal };
    this.log.push(event);
    for (let i = before; i < after.reports.length; i++) {
      this.unhashed.push({ game: after.game, report: after.reports[i]! });
      this.turnStates.push(after.game);
    }
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
