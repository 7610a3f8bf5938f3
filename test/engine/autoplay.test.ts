import { describe, expect, it } from 'vitest';
import { PolicyError, planActions, playPolicy, policyLevels, simulatePolicy } from '../../src/engine/autoplay.ts';
import { Run } from '../../src/engine/run.ts';
import { GameSession } from '../../src/engine/session.ts';
import { mini } from '../fixtures/mini.ts';

const tough = mini.policies.tough!;

describe('policyLevels', () => {
  it('starts every lever at 0', () => {
    expect(policyLevels(mini, mini.policies.none!, 1)).toEqual({ mixer_sanctions: 0, otc_designation: 0, bridge_validators: 0 });
  });

  it('keeps levels set in earlier turns until changed', () => {
    expect(policyLevels(mini, tough, 2)).toEqual({ mixer_sanctions: 2, otc_designation: 0, bridge_validators: 3 });
    expect(policyLevels(mini, tough, 6)).toEqual({ mixer_sanctions: 2, otc_designation: 2, bridge_validators: 3 });
  });
});

describe('planActions', () => {
  it('lowers before it raises, touches only the role’s own levers, then commits', () => {
    const events = planActions(
      mini,
      'sanctions',
      { mixer_sanctions: 3, otc_designation: 0, bridge_validators: 0 },
      { mixer_sanctions: 1, otc_designation: 2, bridge_validators: 3 },
    );
    expect(events).toEqual([
      { type: 'SET_LEVER', lever: 'mixer_sanctions', level: 1 },
      { type: 'SET_LEVER', lever: 'otc_designation', level: 2 },
      { type: 'COMMIT' },
    ]);
  });
});

describe('playPolicy', () => {
  it('plays every turn to the debrief with the policy’s levers in force', () => {
    const s = playPolicy(new GameSession(mini, '42'), tough);
    expect(s.phase).toBe('debrief');
    expect(s.reports).toHaveLength(6);
    expect(s.reports.map((r) => r.levers.otc_designation)).toEqual([0, 0, 2, 2, 2, 2]);
  });

  it('gives the same game through the actor and on the bare step (one rule set)', () => {
    const live = playPolicy(new GameSession(mini, '42'), tough);
    const bare = playPolicy(new Run(mini, '42'), tough);
    expect(bare.log).toEqual(live.log);
    expect(bare.turnHashes).toEqual(live.turnHashes);
    expect(simulatePolicy(mini, '42', tough).state).toEqual(live.game);
  });

  it('puts each turn’s levers in force in that turn, not a turn late', () => {
    const { reports } = simulatePolicy(mini, '42', tough);
    expect(reports.map((r) => r.levers)).toEqual(reports.map((r) => policyLevels(mini, tough, r.turn)));
  });

  it('throws a PolicyError naming the turn when the rules refuse the policy', () => {
    const greedy = { description: 'Too much.', turns: { '2': { mixer_sanctions: 3, otc_designation: 2 } } };
    expect(() => playPolicy(new GameSession(mini, '42'), greedy)).toThrow(PolicyError);
    expect(() => playPolicy(new GameSession(mini, '42'), greedy)).toThrow(/^turn 2: .*cost 13 points/);
  });
});
