import { describe, expect, it } from 'vitest';
import { degenerateFlags, describeFlag, isBalanced } from '../../../src/engine/balance/degenerate.ts';
import { eventTurn, eventWindow, sectorEvents } from '../../../src/engine/balance/events.ts';
import { mini, policy, twoSectors } from './fixtures.ts';

const kinds = (flags: { kind: string }[]) => flags.map((f) => f.kind);

describe('degenerate policy flags', () => {
  it('knows the scripted events that strike a sector and the turns around them', () => {
    expect(sectorEvents(mini)).toEqual([{ turn: 2, id: 'validator-phish', sectors: ['bridges'] }]);
    expect([...eventWindow(mini)].sort()).toEqual([1, 2]);
  });

  it('reads an event keyed by calendar month as the turn of that month', () => {
    expect(eventTurn(mini, { month: '2022-03' })).toBe(3); // mini starts in 2022-01
    expect(eventTurn(mini, { month: '2023-01' })).toBe(13);
    expect(eventTurn(mini, { turn: 5 })).toBe(5);
    expect(eventTurn(mini, {})).toBeNull();
  });

  it('a policy using every role and two defended sectors all game is balanced', () => {
    const p = policy({ '1': { mixer_sanctions: 1, otc_designation: 1, bridge_validators: 1, exchange_keys: 1 } });
    expect(degenerateFlags(twoSectors, p)).toEqual([]);
    expect(isBalanced([])).toBe(true);
  });

  it('flags no levers at all', () => {
    expect(kinds(degenerateFlags(mini, policy({})))).toEqual(['no-levers']);
  });

  it('flags a single lever, and the roles it leaves idle', () => {
    const flags = degenerateFlags(mini, policy({ '1': { mixer_sanctions: 3 } }));
    expect(flags).toContainEqual({ kind: 'one-lever', lever: 'mixer_sanctions' });
    expect(flags).toContainEqual({ kind: 'role-idle', role: 'defence' });
    expect(describeFlag(mini, flags[0]!)).toBe('one lever only (Sanction mixers)');
  });

  it('flags defence concentrated on one sector (at least 75 % of it)', () => {
    const concentrated = degenerateFlags(twoSectors, policy({ '1': { mixer_sanctions: 1, bridge_validators: 3, exchange_keys: 0 } }));
    expect(concentrated).toContainEqual({ kind: 'one-sector', sector: 'bridges', share: 1 });
    const spread = degenerateFlags(twoSectors, policy({ '1': { mixer_sanctions: 1, bridge_validators: 2, exchange_keys: 1 } }));
    expect(kinds(spread)).not.toContain('one-sector');
  });

  it('flags a lever raised only on the known event turn and the turn before', () => {
    const timed = policy({ '1': { mixer_sanctions: 1, bridge_validators: 3 }, '3': { bridge_validators: 0 } });
    expect(degenerateFlags(mini, timed)).toContainEqual({ kind: 'event-timed', levers: ['bridge_validators'] });
    const held = policy({ '1': { mixer_sanctions: 1, bridge_validators: 3 } });
    expect(kinds(degenerateFlags(mini, held))).not.toContain('event-timed');
    // Raised around the event and later too: not timed.
    const later = policy({ '1': { mixer_sanctions: 1, bridge_validators: 3 }, '3': { bridge_validators: 0 }, '5': { bridge_validators: 2 } });
    expect(kinds(degenerateFlags(mini, later))).not.toContain('event-timed');
  });
});
