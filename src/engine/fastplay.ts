// Playing a policy on the bare model, without the state machine: the fast path for batch
// runs. It must give exactly what the actor path gives (a test compares them).
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { PolicyError, policyLevels } from './autoplay.ts';
import type { TurnReport } from './report.ts';
import { roleSpend } from './rules.ts';
import { type GameState, initialState } from './state.ts';
import { resolveTurn } from './turn.ts';

export interface FastRun {
  state: GameState;
  reports: TurnReport[];
}

export function simulatePolicy(scenario: Scenario, seed: string, policy: PolicyDef): FastRun {
  let state = initialState(scenario, seed);
  const reports: TurnReport[] = [];
  for (let turn = 1; turn <= state.turnsTotal; turn++) {
    const draft = policyLevels(scenario, policy, turn);
    for (const role of scenario.roles) {
      const spend = roleSpend(scenario, draft, role.id);
      if (spend > role.budgetPerTurn)
        throw new PolicyError(turn, {
          code: 'over-budget',
          event: 'SET_LEVER',
          message: `That would cost ${spend} points a turn; the ${role.name} has ${role.budgetPerTurn}.`,
        });
    }
    const r = resolveTurn(scenario, { ...state, turn, draft });
    state = r.state;
    reports.push(r.report);
  }
  return { state: { ...state, ended: true }, reports };
}
