// The one place where a game changes: step(scenario, state, event). The XState machine,
// the browser game, `sim`, batch runs, calibration, replays, the debrief timeline and the
// network server all fold this function over events; nothing else re-implements a turn.
// It never throws: an illegal event is a Refusal (state unchanged), and a rule that
// throws or breaks an invariant is an EngineError, never an accepted decision.
import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events-types.ts';
import type { TurnReport } from './report.ts';
import { checkEvent, type Refusal } from './rules.ts';
import { copyState, type GameState } from './state.ts';
import { adversaryStep, conservationError, enactPlan, resolutionStep } from './turn.ts';

/** A rule failed: a bug in the engine or a scenario the loader should have refused. */
export interface EngineError {
  code: 'internal';
  /** The event type being applied. */
  event: string;
  message: string;
}

export type StepResult =
  | { ok: true; state: GameState; reports: TurnReport[] }
  | { ok: false; refusal: Refusal; error?: undefined }
  | { ok: false; error: EngineError; refusal?: undefined };

const NO_REPORTS: TurnReport[] = [];

export function step(scenario: Scenario, state: GameState, event: GameEvent): StepResult {
  const refusal = checkEvent(scenario, state, event);
  if (refusal) return { ok: false, refusal };
  try {
    return apply(scenario, state, event);
  } catch (err) {
    return {
      ok: false,
      error: {
        code: 'internal',
        event: event.type,
        message: `The rules failed while applying ${event.type} in turn ${state.turn}: ${err instanceof Error ? err.message : String(err)}`,
      },
    };
  }
}

function done(state: GameState): StepResult {
  return { ok: true, state, reports: NO_REPORTS };
}

function apply(scenario: Scenario, state: GameState, event: GameEvent): StepResult {
  const n = copyState(state);
  switch (event.type) {
    case 'BEGIN':
      n.phase = 'briefing';
      return done(n);
    case 'START':
      return done(beginTurn(n));
    case 'SET_LEVER':
      n.draft = { ...state.draft, [event.lever]: event.level };
      return done(n);
    case 'COMMIT':
      n.committed = [...state.committed, event.seat];
      return n.committed.length < scenario.roles.length ? done(n) : resolveTurn(scenario, n);
    case 'NEXT':
      return done(state.turn >= state.turnsTotal ? endGame(n) : beginTurn(n));
    case 'PAUSE':
      n.paused = true;
      return done(n);
    case 'RESUME':
      n.paused = false;
      return done(n);
    case 'INJECT':
      n.injects = [...state.injects, event.event];
      return done(n);
    case 'EXTEND':
      n.turnsTotal = state.turnsTotal + event.turns;
      return done(n);
    case 'END_GAME':
      return done(endGame(n));
    default: {
      const never: never = event;
      throw new Error(`no rule for ${JSON.stringify(never)}`);
    }
  }
}

/** `n` is this step's own copy: the next turn's planning starts from the levers in force. */
function beginTurn(n: GameState): GameState {
  n.phase = 'planning';
  n.turn += 1;
  n.draft = { ...n.levers };
  n.committed = [];
  return n;
}

function endGame(n: GameState): GameState {
  n.phase = 'debrief';
  n.ended = true;
  n.paused = false;
  n.draft = { ...n.levers };
  n.committed = [];
  return n;
}

/** Every role has committed: the plan comes into force, the adversary acts, the turn resolves. */
function resolveTurn(scenario: Scenario, state: GameState): StepResult {
  const a = adversaryStep(scenario, enactPlan(state));
  const r = resolutionStep(scenario, a.state, a.outcome);
  const broken = conservationError(r.state);
  if (broken) throw new Error(`money is not conserved after turn ${state.turn} (${broken})`);
  const n = copyState(r.state);
  n.phase = 'report';
  return { ok: true, state: n, reports: [r.report] };
}
