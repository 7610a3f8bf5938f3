import { describe, expect, it } from 'vitest';
import type { TurnReport } from '../../src/engine/report.ts';
import { type GameState, initialState, turnLabel, turnMonth } from '../../src/engine/state.ts';
import { step } from '../../src/engine/step.ts';
import { adversaryStep, conservationError, enactPlan, resolutionStep } from '../../src/engine/turn.ts';
import { mini } from '../fixtures/mini.ts';
import { planTurn, startedSession, TABLE } from './helpers.ts';

const turn1 = (draft: Record<string, number> = {}): GameState => {
  const s = initialState(mini, '42');
  return { ...s, phase: 'planning', turn: 1, draft: { ...s.draft, ...draft } };
};

/** The turn a planning state resolves into when every role commits, through the one step. */
function resolveTurn(scenario: typeof mini, state: GameState): { state: GameState; report: TurnReport } {
  let s: GameState = { ...state, phase: 'planning', committed: [] };
  const reports: TurnReport[] = [];
  for (const role of scenario.roles) {
    const r = step(scenario, s, { type: 'COMMIT', turn: s.turn, seat: role.id });
    if (!r.ok) throw new Error(r.refusal?.message ?? r.error?.message);
    s = r.state;
    reports.push(...r.reports);
  }
  return { state: s, report: reports[0]! };
}

describe('conservationError', () => {
  const after = resolveTurn(mini, turn1()).state;
  const tamper = (f: (t: GameState['totals']) => void): GameState => {
    const s = structuredClone(after);
    f(s.totals);
    return s;
  };

  it('is null for a fresh game and after a real turn', () => {
    expect(conservationError(initialState(mini, '42'))).toBeNull();
    expect(conservationError(after)).toBeNull();
  });

  it('names a pipeline total that does not match the tranches', () => {
    expect(conservationError(tamper((t) => (t.inPipelineUsd += 1)))).toMatch(/^pipeline /);
  });

  it('names stolen money that is not accounted for', () => {
    expect(conservationError(tamper((t) => (t.stolenUsd += 1)))).toMatch(/^stolen /);
  });

  it('names cash-out that does not split into missiles and other spending', () => {
    expect(conservationError(tamper((t) => (t.toOtherUsd += 1)))).toBe('cashed out != to missiles + to other');
  });

  it('names a missile fund that does not add up', () => {
    expect(conservationError(tamper((t) => (t.missileFundUsd += 1)))).toBe('missile fund in != spent + unspent');
  });
});

describe('turn steps', () => {
  it('enactPlan puts the draft in force and clears commitments', () => {
    const s = enactPlan({ ...turn1({ mixer_sanctions: 2 }), committed: ['sanctions', 'defence'] });
    expect(s.levers.mixer_sanctions).toBe(2);
    expect(s.committed).toEqual([]);
  });

  it('the bare step gives exactly what the state machine gives for the same turn', () => {
    const session = startedSession();
    planTurn(session, { mixer_sanctions: 2, bridge_validators: 1 });
    const direct = resolveTurn(mini, turn1({ mixer_sanctions: 2, bridge_validators: 1 }));
    expect(direct.report).toStrictEqual(session.reports[0]);
    expect(direct.state).toStrictEqual(session.game);
  });

  it('does not modify the state it is given', () => {
    const s = turn1({ mixer_sanctions: 1 });
    const copy = structuredClone(s);
    resolveTurn(mini, s);
    expect(s).toStrictEqual(copy);
  });

  it('grows capability by the base rate before operations', () => {
    expect(resolveTurn(mini, turn1()).report.capability).toBe(1.01);
  });

  it('clears injects once they have fired and records them as fired', () => {
    const next = adversaryStep(mini, { ...enactPlan(turn1()), injects: ['validator-phish'] }).state;
    expect(next.injects).toEqual([]);
    expect(next.firedEvents).toEqual(['validator-phish']);
  });

  // An event can fire twice in one turn (injected twice, or injected on the turn it also
  // fires at random); firedEvents is a set of ids.
  it('records an event fired twice in one turn only once', () => {
    const next = adversaryStep(mini, { ...enactPlan(turn1()), injects: ['crash', 'crash'] }).state;
    expect(next.firedEvents).toEqual(['crash']);
  });

  it('counts a blocked scripted heist as attempted but not stolen', () => {
    const s = enactPlan({ ...turn1(), turn: 2 });
    const { state, outcome } = adversaryStep(mini, s);
    const walled = { ...outcome, heists: outcome.heists.map((h) => ({ ...h, blocked: true })) };
    const r = resolutionStep(mini, state, walled).report;
    expect(r.heists.length).toBeGreaterThan(0);
    expect(r.stolenUsd).toBe(0);
  });

  it('decays escalation by 0.8 a turn and adds this turn’s (tough policy: 1, 1.8, 2.44, …)', () => {
    const session = startedSession();
    const seen: number[] = [];
    for (let t = 1; t <= 4; t++) {
      planTurn(session, { mixer_sanctions: 2 });
      seen.push(session.reports.at(-1)!.escalation);
      if (t < 4) session.act(TABLE, { type: 'NEXT' });
    }
    expect(seen).toEqual([1, 1.8, 2.44, 2.952]);
  });

  it('charges collateral every turn a lever is in force', () => {
    let s = turn1({ mixer_sanctions: 2 });
    s = resolveTurn(mini, s).state;
    s = resolveTurn(mini, { ...s, turn: 2 }).state;
    expect(s.totals.collateral).toBe(4);
  });
});

describe('calendar labels', () => {
  it('counts months from the scenario start, across years', () => {
    expect(turnLabel(mini, 1)).toBe('2022-01');
    expect(turnLabel(mini, 12)).toBe('2022-12');
    expect(turnLabel(mini, 13)).toBe('2023-01');
    expect(turnMonth(mini, 15)).toBe(3);
  });
});
