// The one place where a game changes: step(scenario, state, event). The XState machine,
// the browser game, `sim`, batch runs, calibration, replays, the debrief timeline and the
// network server all fold this function over events; nothing else re-implements a turn.
// It never throws: an illegal event is a Refusal (state unchanged), and a rule that
// throws or breaks an invariant is an EngineError, never an accepted decision.
import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events-types.ts';
import type { TurnReport } from './report.ts';
import { checkEvent, type Refusal } from './rules.ts';
import type { GameState } from './state.ts';
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
  switch (event.type) {
    case 'BEGIN':
      return done({ ...state, phase: 'briefing' });
    case 'START':
      return done(beginTurn(state));
    case 'SET_LEVER':
      return done({ ...state, draft: { ...state.draft, [event.lever]: event.level } });
    case 'COMMIT': {
      const next = { ...state, committed: [...state.committed, event.seat] };
      return next.committed.length < scenario.roles.length ? done(next) : resolveTurn(scenario, next);
    }
    case 'NEXT':
      return done(state.turn >= state.turnsTotal ? endGame(state) : beginTurn(state));
    case 'PAUSE':
      return done({ ...state, paused: true });
    case 'RESUME':
      return done({ ...state, paused: false });
    case 'INJECT':
      return done({ ...state, injects: [...state.injects, event.event] });
    case 'EXTEND':
      return done({ ...state, turnsTotal: state.turnsTotal + event.turns });
    case 'END_GAME':
      return done(endGame(state));
    default: {
      const never: never = event;
      throw new Error(`no rule for ${JSON.stringify(never)}`);
    }
  }
}

function beginTurn(state: GameState): GameState {
  return { ...state, phase: 'planning', turn: state.turn + 1, draft: { ...state.levers }, committed: [] };
}

function endGame(state: GameState): GameState {
  return { ...state, phase: 'debrief', ended: true, paused: false, draft: { ...state.levers }, committed: [] };
}

/** Every role has committed: the plan comes into force, the adversary acts, the turn resolves. */
function resolveTurn(scenario: Scenario, state: GameState): StepResult {
  const a = adversaryStep(scenario, enactPlan(state));
  const r = resolutionStep(scenario, a.state, a.outcome);
  const broken = conservationError(r.state);
  if (broken) throw new Error(`money is not conserved after turn ${state.turn} (${broken})`);
  return { ok: true, state: { ...r.state, phase: 'report' }, reports: [r.report] };
}
