// The game flow as an XState v5 statechart. The machine orchestrates; the model computes:
// every guard and action below is a thin call into a pure function of the model.
import { and, assign, setup } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from './events-types.ts';
import type { TurnReport } from './report.ts';
import { checkEvent, type Refusal } from './rules.ts';
import { type GameState, initialState, type Phase } from './state.ts';
import { type AdversaryOutcome, adversaryStep, enactPlan, resolutionStep } from './turn.ts';

export interface GameInput {
  scenario: Scenario;
  seed: string;
}

export interface GameContext {
  scenario: Scenario;
  game: GameState;
  phase: Phase;
  reports: TurnReport[];
  /** Why the last event was refused; null after an accepted event. Not part of the game state. */
  refusal: Refusal | null;
  /** The adversary step's outcome, handed to resolution within one turn. */
  pending: AdversaryOutcome | null;
}

const enter = (phase: Phase) => ({ type: 'setPhase', params: { phase } }) as const;

export const gameMachine = setup({
  types: {
    context: {} as GameContext,
    events: {} as GameEvent,
    input: {} as GameInput,
  },
  guards: {
    isLegal: ({ context, event }) => checkEvent(context.scenario, context.game, context.phase, event) === null,
    isLastRole: ({ context }) => context.game.committed.length + 1 >= context.scenario.roles.length,
    isLastTurn: ({ context }) => context.game.turn >= context.game.turnsTotal,
  },
  actions: {
    setPhase: assign((_, params: { phase: Phase }) => ({ phase: params.phase })),
    clearRefusal: assign({ refusal: null }),
    refuse: assign(({ context, event }) => ({
      refusal: checkEvent(context.scenario, context.game, context.phase, event) ?? {
        code: 'wrong-phase' as const,
        event: String((event as { type?: unknown }).type),
        message: `${String((event as { type?: unknown }).type)} is not possible now (${context.phase}).`,
      },
    })),
    beginTurn: assign(({ context }) => ({
      game: {
        ...context.game,
        turn: context.game.turn + 1,
        draft: { ...context.game.levers },
        committed: [],
      },
    })),
    setLever: assign(({ context, event }) => {
      if (event.type !== 'SET_LEVER') return {};
      return { game: { ...context.game, draft: { ...context.game.draft, [event.lever]: event.level } } };
    }),
    commitRole: assign(({ context, event }) => {
      if (event.type !== 'COMMIT') return {};
      return { game: { ...context.game, committed: [...context.game.committed, event.role] } };
    }),
    enactPlan: assign(({ context }) => ({ game: enactPlan(context.game) })),
    runAdversary: assign(({ context }) => {
      const { state, outcome } = adversaryStep(context.scenario, context.game);
      return { game: state, pending: outcome };
    }),
    runResolution: assign(({ context }) => {
      const { state, report } = resolutionStep(context.scenario, context.game, context.pending!);
      return { game: state, pending: null, reports: [...context.reports, report] };
    }),
    pause: assign(({ context }) => ({ game: { ...context.game, paused: true } })),
    resume: assign(({ context }) => ({ game: { ...context.game, paused: false } })),
    queueInject: assign(({ context, event }) => {
      if (event.type !== 'INJECT') return {};
      return { game: { ...context.game, injects: [...context.game.injects, event.event] } };
    }),
    extend: assign(({ context, event }) => {
      if (event.type !== 'EXTEND') return {};
      return { game: { ...context.game, turnsTotal: context.game.turnsTotal + event.turns } };
    }),
    endGame: assign(({ context }) => ({
      game: { ...context.game, ended: true, paused: false, draft: { ...context.game.levers }, committed: [] },
    })),
  },
}).createMachine({
  id: 'cashout',
  context: ({ input }) => ({
    scenario: input.scenario,
    game: initialState(input.scenario, input.seed),
    phase: 'setup',
    reports: [],
    refusal: null,
    pending: null,
  }),
  initial: 'setup',
  // Anything a state does not handle is refused with a reason, never silently dropped.
  on: { '*': { actions: 'refuse' } },
  states: {
    setup: {
      entry: enter('setup'),
      on: { BEGIN: { target: 'briefing', actions: 'clearRefusal' } },
    },
    briefing: {
      entry: enter('briefing'),
      on: { START: { target: 'turn', actions: ['clearRefusal', 'beginTurn'] } },
    },
    turn: {
      initial: 'planning',
      on: {
        PAUSE: [{ guard: 'isLegal', actions: ['clearRefusal', 'pause'] }, { actions: 'refuse' }],
        RESUME: [{ guard: 'isLegal', actions: ['clearRefusal', 'resume'] }, { actions: 'refuse' }],
        INJECT: [{ guard: 'isLegal', actions: ['clearRefusal', 'queueInject'] }, { actions: 'refuse' }],
        EXTEND: [{ guard: 'isLegal', actions: ['clearRefusal', 'extend'] }, { actions: 'refuse' }],
        END_GAME: { target: 'debrief', actions: ['clearRefusal', 'endGame'] },
      },
      states: {
        planning: {
          entry: enter('planning'),
          on: {
            SET_LEVER: [{ guard: 'isLegal', actions: ['clearRefusal', 'setLever'] }, { actions: 'refuse' }],
            COMMIT: [
              {
                guard: and(['isLegal', 'isLastRole']),
                target: 'adversary',
                actions: ['clearRefusal', 'commitRole', 'enactPlan'],
              },
              { guard: 'isLegal', actions: ['clearRefusal', 'commitRole'] },
              { actions: 'refuse' },
            ],
          },
        },
        adversary: {
          entry: [enter('adversary'), 'runAdversary'],
          always: 'resolution',
        },
        resolution: {
          entry: [enter('resolution'), 'runResolution'],
          always: 'report',
        },
        report: {
          entry: enter('report'),
          on: {
            NEXT: [
              { guard: and(['isLegal', 'isLastTurn']), target: '#cashout.debrief', actions: ['clearRefusal', 'endGame'] },
              { guard: 'isLegal', target: 'planning', actions: ['clearRefusal', 'beginTurn'] },
              { actions: 'refuse' },
            ],
          },
        },
      },
    },
    debrief: {
      entry: enter('debrief'),
    },
  },
});
