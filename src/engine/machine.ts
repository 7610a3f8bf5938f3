// The game flow as an XState v5 statechart: setup → briefing → turn { planning → report }
// → … → debrief. The machine orchestrates; the model computes: its one action hands each
// event to the pure `step` (src/engine/step.ts), and its states follow the phase that
// step leaves the game in. A turn's adversary operations and resolution run inside the
// step that takes the last role's COMMIT, so they are not states of their own.
import { assign, setup } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events-types.ts';
import { type GameState, initialState, type Phase } from './state.ts';
import { type StepResult, step } from './step.ts';

export interface GameInput {
  scenario: Scenario;
  seed: string;
  /** Resume from this state (a replay re-run to its end) instead of a new game. */
  game?: GameState;
}

export interface GameContext {
  scenario: Scenario;
  game: GameState;
  /** What the last event did: accepted (with the turn reports it produced), refused or failed. */
  last: StepResult | null;
}

/** Guard params: the phase the state the machine is in should follow to. */
type PhaseParams = { phase: Phase };
const to = (phase: Phase, target: string) => ({ guard: { type: 'inPhase', params: { phase } } as const, target });

export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
    input: {} as GameInput,
  },
  guards: {
    inPhase: ({ context }, params: PhaseParams) => context.game.phase === params.phase,
  },
  actions: {
    applyStep: assign(({ context, event }) => {
      const last = step(context.scenario, context.game, event);
      return last.ok ? { game: last.state, last } : { last };
    }),
  },
}).createMachine({
  id: 'cashout',
  context: ({ input }) => ({
    scenario: input.scenario,
    game: input.game ?? initialState(input.scenario, input.seed),
    last: null,
  }),
  // Every event goes to the rules; the rules refuse what a phase does not allow.
  on: { '*': { actions: 'applyStep' } },
  initial: 'setup',
  states: {
    setup: {
      always: [to('briefing', 'briefing'), to('planning', 'turn.planning'), to('report', 'turn.report'), to('debrief', 'debrief')],
    },
    briefing: {
      always: [to('planning', 'turn.planning'), to('debrief', 'debrief')],
    },
    turn: {
      initial: 'planning',
      always: [to('debrief', '#cashout.debrief')],
      states: {
        planning: { always: [to('report', 'report')] },
        report: { always: [to('planning', 'planning')] },
      },
    },
    debrief: {},
  },
});
