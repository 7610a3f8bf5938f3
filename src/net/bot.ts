// A bot holds one seat and plays a policy through the same protocol as a student: it reads
// its own mirror of the game, submits its role's levers for each turn, and presses ready on
// the briefing and every report. Used by `cashout bots` (demos, load tests, CI) and the
// classroom benchmark.
import { policyLevels } from '../engine/autoplay.ts';
import type { PolicyDef } from '../scenario/schema.ts';
import { type ConnectionState, TableConnection } from './connection.ts';

export interface BotOptions {
  endpoint: string;
  code: string;
  table: number;
  role: string;
  policy: (scenarioPolicies: Record<string, PolicyDef>) => PolicyDef;
  /** Called when this bot's mirror gained turns (the benchmark timestamps these). */
  onTurns?: (bot: Bot, newTurns: number) => void;
  /** Called just before the bot sends a message (the benchmark counts them). */
  onSend?: (bot: Bot, type: string) => void;
  /** Called for every message the server sends this bot. */
  onMessage?: (type: string) => void;
}

export class Bot {
  readonly connection: TableConnection;
  /** The step ("planning:3") this bot last acted in, so it acts once per step. */
  private actedIn = '';
  private policyDef: PolicyDef | null = null;
  readonly finished: Promise<ConnectionState>;
  private finish!: (s: ConnectionState) => void;
  private fail!: (e: Error) => void;

  constructor(readonly opts: BotOptions) {
    this.finished = new Promise((resolve, reject) => {
      this.finish = resolve;
      this.fail = reject;
    });
    this.connection = new TableConnection({
      endpoint: opts.endpoint,
      code: opts.code,
      table: opts.table,
      join: { as: 'student', role: opts.role, name: `bot ${opts.role}` },
      engine: 'bare',
      onChange: (s) => this.onChange(s),
      onTurns: (n) => opts.onTurns?.(this, n),
      ...(opts.onMessage ? { onMessage: opts.onMessage } : {}),
    });
  }

  start(): Promise<void> {
    return this.connection.connect();
  }

  private onChange(s: ConnectionState): void {
    if (s.link === 'closed') {
      this.fail(new Error(`table ${this.opts.table}, ${this.opts.role}: ${s.problem ?? 'connection closed'}`));
      return;
    }
    const session = s.mirror?.session;
    const status = s.status;
    if (!session || !status || s.link !== 'online') return;
    if (session.phase === 'debrief') {
      this.finish(s);
      return;
    }
    // Act only on a state the server has confirmed (status and mirror agree), once per step.
    if (status.logLength !== session.log.length || status.paused) return;
    const step = `${session.phase}:${session.game.turn}`;
    const seat = status.seats.find((x) => x.role === this.opts.role);
    if (!seat || seat.done || this.actedIn === step) return;
    this.actedIn = step;
    if (session.phase === 'planning') {
      this.policyDef ??= this.opts.policy(session.scenario.policies);
      const wanted = policyLevels(session.scenario, this.policyDef, session.game.turn);
      const levers: Record<string, number> = {};
      for (const l of session.scenario.levers) if (l.role === this.opts.role) levers[l.id] = wanted[l.id] ?? 0;
      this.opts.onSend?.(this, 'submit');
      this.connection.submit(levers);
    } else if (session.phase === 'briefing' || session.phase === 'report') {
      this.opts.onSend?.(this, 'ready');
      this.connection.ready();
    }
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}
