// One classroom table as a sequencer, without any networking: it holds each seat's hidden
// plan, decides when a step is complete (every seated role has submitted or is ready, or
// the facilitator forces it), and then hands the engine the events in a fixed order
// (scenario role order). The engine's GameSession computes every outcome; this class never
// touches game state itself. The Colyseus room (table-room.ts) wraps it with connections,
// persistence and broadcasting, so this logic is tested directly.
import { FACILITATOR_SEAT, type GameEvent } from '../engine/events-types.ts';
import { type Recorder, sendProblem } from '../engine/run.ts';
import { step } from '../engine/step.ts';
import type { FacilitatorAction, Notice, SeatStatus, TableStatus } from '../net/protocol.ts';
import { advanceEvent, committedRoles, facilitatorEvent, keepLevers, planToEvents } from './seat-events.ts';
import { newSeatSecret, sameSecret, secretHash } from './secrets.ts';

export interface SeatRecord {
  role: string;
  name: string;
  secretHash: string;
}

/** What a table keeps on disk beside its replay: seats, hidden plans, who is ready. */
export interface TableDurable {
  version: 1;
  seats: SeatRecord[];
  plans: { role: string; turn: number; levers: Record<string, number> }[];
  /** Roles ready for a briefing/report step, keyed by that step ("report:3"). */
  ready: { role: string; step: string }[];
  seedRevealed: boolean;
}

export const emptyDurable = (): TableDurable => ({ version: 1, seats: [], plans: [], ready: [], seedRevealed: false });

export type Outcome =
  | { ok: true; appended: GameEvent[]; changed: boolean; notice?: Notice }
  | { ok: false; notice: Notice };

const refused = (code: Notice['code'], message: string): Outcome => ({ ok: false, notice: { level: 'warn', code, message } });
const done = (appended: GameEvent[] = [], changed = true): Outcome => ({ ok: true, appended, changed });

export class TableCore {
  readonly durable: TableDurable;

  constructor(
    readonly session: Recorder,
    readonly where: { code: string; table: number; tables: number },
    durable: TableDurable = emptyDurable(),
  ) {
    this.durable = durable;
    this.dropStale();
  }

  get scenario() {
    return this.session.scenario;
  }

  /** The key of the step players are in: what "ready" and "submitted" refer to. */
  private stepKey(): string {
    return `${this.session.phase}:${this.session.game.turn}`;
  }

  /** Plans and ready marks from an earlier step mean nothing now (e.g. after a restart). */
  private dropStale(): void {
    const g = this.session.game;
    const committed = committedRoles(this.session);
    this.durable.plans = this.durable.plans.filter(
      (p) => this.session.phase === 'planning' && p.turn === g.turn && !committed.includes(p.role),
    );
    const key = this.stepKey();
    this.durable.ready = this.durable.ready.filter((r) => r.step === key);
  }

  // --- seats ---

  seat(role: string): SeatRecord | undefined {
    return this.durable.seats.find((s) => s.role === role);
  }

  seatedRoles(): string[] {
    return this.scenario.roles.map((r) => r.id).filter((id) => this.seat(id));
  }

  /**
   * Claim a seat (or take it back with its secret). 'auto' deals the first free role.
   * Returns the secret only when the seat is newly claimed.
   */
  claim(
    wanted: string,
    name: string,
    secret: string | undefined,
  ): { ok: true; role: string; secret?: string; retaken: boolean } | { ok: false; notice: Notice } {
    if (wanted === 'auto') {
      const mine = secret ? this.durable.seats.find((s) => sameSecret(secret, s.secretHash)) : undefined;
      if (mine) return { ok: true, role: mine.role, retaken: true };
      const free = this.scenario.roles.find((r) => !this.seat(r.id));
      if (!free)
        return { ok: false, notice: { level: 'error', code: 'seat-taken', message: 'Every role at this table is taken. Pick another table, or ask the facilitator.' } };
      wanted = free.id;
    }
    const role = this.scenario.roles.find((r) => r.id === wanted);
    if (!role)
      return {
        ok: false,
        notice: { level: 'error', code: 'refused', message: `This scenario has no role "${wanted}"; its roles are ${this.scenario.roles.map((r) => r.id).join(', ')}.` },
      };
    const existing = this.seat(role.id);
    if (existing) {
      if (secret && sameSecret(secret, existing.secretHash)) {
        if (name) existing.name = name;
        return { ok: true, role: role.id, retaken: true };
      }
      return {
        ok: false,
        notice: {
          level: 'error',
          code: 'seat-taken',
          message: `The ${role.name} seat at table ${this.where.table} is taken${existing.name ? ` by ${existing.name}` : ''}. Pick another role or table; if it is yours on another device, ask the facilitator to free it.`,
        },
      };
    }
    const fresh = newSeatSecret();
    this.durable.seats.push({ role: role.id, name, secretHash: secretHash(fresh) });
    return { ok: true, role: role.id, secret: fresh, retaken: false };
  }

  freeSeat(role: string): Outcome {
    const before = this.durable.seats.length;
    this.durable.seats = this.durable.seats.filter((s) => s.role !== role);
    if (this.durable.seats.length === before) return refused('refused', `Nobody holds the ${role} seat at table ${this.where.table}.`);
    this.durable.plans = this.durable.plans.filter((p) => p.role !== role);
    this.durable.ready = this.durable.ready.filter((r) => r.role !== role);
    // The seat no longer counts: the others may now all be done.
    return this.advanceIfComplete();
  }

  // --- players ---

  /**
   * A seat's plan for this turn, hidden until the turn resolves. The engine checks it now
   * (its lever events folded over the current state with `step`, nothing recorded), so a
   * plan that would be refused at resolution is refused here, with the rules' reason.
   */
  submit(role: string, turn: number, levers: Record<string, number>): Outcome {
    const s = this.session;
    const moved = this.checkStep(turn, 'planning');
    if (moved) return moved;
    if (committedRoles(s).includes(role)) return refused('game-moved-on', 'Your plan for this turn is already in.');
    let state = s.game;
    for (const e of planToEvents(s, role, levers, false)) {
      const r = step(this.scenario, state, e);
      if (!r.ok) return refused('refused', r.refusal ? r.refusal.message : r.error.message);
      state = r.state;
    }
    this.durable.plans = [...this.durable.plans.filter((p) => p.role !== role), { role, turn, levers: { ...levers } }];
    return this.advanceIfComplete(role);
  }

  withdraw(role: string, turn: number): Outcome {
    const moved = this.checkStep(turn, 'planning');
    if (moved) return moved;
    this.durable.plans = this.durable.plans.filter((p) => p.role !== role);
    return done();
  }

  ready(role: string, turn: number, phase: 'briefing' | 'report'): Outcome {
    const moved = this.checkStep(turn, phase);
    if (moved) return moved;
    const key = this.stepKey();
    if (!this.durable.ready.some((r) => r.role === role && r.step === key)) this.durable.ready.push({ role, step: key });
    return this.advanceIfComplete(role);
  }

  /** A message about an earlier step is refused with "the game moved on", not applied to this one. */
  private checkStep(turn: number, phase: string): Outcome | null {
    const s = this.session;
    if (s.game.paused) return refused('paused', 'The facilitator has paused the game; wait for them to resume it.');
    if (s.phase !== phase || s.game.turn !== turn)
      return refused(
        'game-moved-on',
        s.phase === 'debrief'
          ? 'The game has ended: this table is in the debrief.'
          : `The game moved on (now ${s.phase === 'planning' ? `planning turn ${s.game.turn}` : s.phase}); your screen has been brought up to date.`,
      );
    return null;
  }

  private isDone(role: string): boolean {
    const s = this.session;
    if (s.phase === 'planning') return committedRoles(s).includes(role) || this.durable.plans.some((p) => p.role === role);
    const key = this.stepKey();
    return this.durable.ready.some((r) => r.role === role && r.step === key);
  }

  /**
   * When every seated role is done, the step resolves; an empty table waits for the
   * facilitator. The game itself starts only once every role is seated and ready (or the
   * facilitator starts it), so the first student to arrive does not start without the others.
   */
  private advanceIfComplete(lastSeat: string = FACILITATOR_SEAT): Outcome {
    const seated = this.seatedRoles();
    if (this.session.game.paused || seated.length === 0 || !seated.every((r) => this.isDone(r))) return done();
    if (this.session.phase === 'briefing' && seated.length < this.scenario.roles.length) return done();
    return this.resolveStep(lastSeat);
  }

  /**
   * Resolve the current step now: start, play the turn (missing roles keep their levers),
   * or go on. `seat` sends the flow event: the last seat to be ready, or the facilitator.
   */
  private resolveStep(seat: string): Outcome {
    const s = this.session;
    const events: GameEvent[] = [];
    if (s.phase === 'planning') {
      const turn = s.game.turn;
      for (const role of this.scenario.roles.map((r) => r.id)) {
        if (committedRoles(s).includes(role)) continue;
        const plan = this.durable.plans.find((p) => p.role === role && p.turn === turn);
        events.push(...(plan ? planToEvents(s, role, plan.levers) : keepLevers(s, role)));
      }
    } else {
      const e = advanceEvent(s, seat);
      if (!e) return refused('game-moved-on', s.phase === 'debrief' ? 'The game has ended.' : `Nothing to force during ${s.phase}.`);
      events.push(e);
    }
    return this.apply(events);
  }

  /** Send events to the engine in order; anything it refuses is reported, never half-recorded. */
  private apply(events: GameEvent[]): Outcome {
    const appended: GameEvent[] = [];
    let problem: Notice | undefined;
    for (const e of events) {
      const r = this.session.send(e);
      if (r.ok) appended.push(e);
      else if (!problem) problem = { level: 'error', code: 'refused', message: `The rules refused ${e.type}: ${sendProblem(r)}` };
    }
    this.dropStale();
    return { ok: true, appended, changed: true, ...(problem ? { notice: problem } : {}) };
  }

  // --- facilitator ---

  facilitator(action: FacilitatorAction): Outcome {
    const s = this.session;
    switch (action.action) {
      case 'reveal-seed':
        this.durable.seedRevealed = true;
        return done();
      case 'free-seat':
        return this.freeSeat(action.role);
      case 'force':
        if (s.game.paused) return refused('paused', 'The table is paused: resume it before forcing the next step.');
        return this.resolveStep(FACILITATOR_SEAT);
      default: {
        const e = facilitatorEvent(s, action);
        if (!e) return refused('refused', `Unknown facilitator action.`);
        const r = s.send(e);
        if (!r.ok) return refused('refused', sendProblem(r));
        this.dropStale();
        const after = action.action === 'resume' ? this.advanceIfComplete() : done();
        return after.ok ? { ...after, appended: [e, ...after.appended] } : after;
      }
    }
  }

  // --- what everyone may see ---

  status(connected: ReadonlySet<string>, forFacilitator: boolean): TableStatus {
    const s = this.session;
    const seats: SeatStatus[] = this.scenario.roles.map((r) => {
      const seat = this.seat(r.id);
      return { role: r.id, roleName: r.name, name: seat?.name ?? '', taken: !!seat, connected: connected.has(r.id), done: this.isDone(r.id) };
    });
    const t = s.game.totals;
    return {
      code: this.where.code,
      table: this.where.table,
      tables: this.where.tables,
      phase: s.phase,
      turn: s.game.turn,
      turnsTotal: s.game.turnsTotal,
      paused: s.game.paused,
      ended: s.phase === 'debrief',
      seats,
      logLength: s.log.length,
      seedRevealed: this.durable.seedRevealed,
      ...(forFacilitator ? { totals: { stolenUsd: t.stolenUsd, cashedOutUsd: t.cashedOutUsd, frozenUsd: t.frozenUsd, launches: t.launches } } : {}),
    };
  }
}
