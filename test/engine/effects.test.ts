import { describe, expect, it } from 'vitest';
import { channelIds, computeModifiers, MAX_DEFENSE, MAX_DETER, MAX_FREEZE } from '../../src/engine/effects.ts';
import { mini } from '../fixtures/mini.ts';
import { withLevers } from './helpers.ts';

describe('computeModifiers on mini', () => {
  it('with no levers: base freezes, no defence or deterrence, no cost, capability grows by its base rate', () => {
    expect(computeModifiers(mini, {})).toEqual({
      defense: { exchanges: 0, bridges: 0 },
      freeze: { mixers: 0.01, chainhop: 0, otc: 0.02 },
      deter: { mixers: 0, chainhop: 0, otc: 0 },
      capabilityDelta: 0.01,
      coalition: 1,
      costByRole: { sanctions: 0, defence: 0 },
      collateral: 0,
      escalation: 0,
    });
  });

  it('defence lever removes perLevel × level of the success chance in its sector only', () => {
    const m = computeModifiers(mini, { bridge_validators: 3 });
    expect(m.defense).toEqual({ exchanges: 0, bridges: 0.6 });
    expect(m.costByRole).toEqual({ sanctions: 0, defence: 6 });
  });

  it('freeze compounds with the channel base freeze: 1 - (1 - 0.01)(1 - 0.10) = 0.109', () => {
    expect(computeModifiers(mini, { mixer_sanctions: 2 }).freeze.mixers).toBe(0.109);
    expect(computeModifiers(mini, { otc_designation: 2 }).freeze.otc).toBe(0.216);
  });

  it('deterrence scales with level on the targeted channel only', () => {
    expect(computeModifiers(mini, { mixer_sanctions: 2 }).deter).toEqual({ mixers: 0.5, chainhop: 0, otc: 0 });
  });

  it('charges each role for its own levers', () => {
    const m = computeModifiers(mini, { mixer_sanctions: 2, otc_designation: 1, bridge_validators: 1 });
    expect(m.costByRole).toEqual({ sanctions: 8, defence: 2 });
  });

  it('adds side effects per level', () => {
    const m = computeModifiers(mini, { mixer_sanctions: 3 });
    expect(m.collateral).toBe(3);
    expect(m.escalation).toBe(1.5);
  });

  it('ignores levels of 0 or below and unknown lever ids', () => {
    expect(computeModifiers(mini, { mixer_sanctions: -2, nonsense: 3 })).toEqual(computeModifiers(mini, {}));
  });

  it('lists channels in stage order', () => {
    expect(channelIds(mini)).toEqual(['mixers', 'chainhop', 'otc']);
  });
});

describe('coalition and capability levers', () => {
  const scenario = withLevers([
    {
      id: 'coalition',
      name: 'Coalition diplomacy',
      description: 'Bring partners in.',
      kind: 'sanction',
      role: 'sanctions',
      maxLevel: 2,
      costPerLevel: 1,
      effects: [{ type: 'coalition', perLevel: 0.5 }],
    },
    {
      id: 'indict',
      name: 'Indictments',
      description: 'Indict operators.',
      kind: 'sanction',
      role: 'sanctions',
      maxLevel: 2,
      costPerLevel: 1,
      effects: [{ type: 'capability', perLevel: -0.05 }],
    },
  ]);

  it('coalition multiplies deterrence and freezing', () => {
    const m = computeModifiers(scenario, { coalition: 2, mixer_sanctions: 1 });
    expect(m.coalition).toBe(2);
    expect(m.deter.mixers).toBe(0.5); // 0.25 × 1 × 2
    expect(m.freeze.mixers).toBe(0.109); // 1 - 0.99 × (1 - 0.05 × 1 × 2)
  });

  it('coalition does not multiply defence', () => {
    expect(computeModifiers(scenario, { coalition: 2, bridge_validators: 1 }).defense.bridges).toBe(0.2);
  });

  it('capability levers add to the base growth', () => {
    expect(computeModifiers(scenario, { indict: 2 }).capabilityDelta).toBe(-0.09);
  });
});

describe('clamps', () => {
  const scenario = withLevers([
    {
      id: 'lockdown',
      name: 'Lockdown',
      description: 'Everything.',
      kind: 'posture',
      role: 'defence',
      maxLevel: 3,
      costPerLevel: 0,
      effects: [
        { type: 'defense', sector: 'exchanges', perLevel: 0.5 },
        { type: 'defense', sector: 'exchanges', perLevel: 0.5 },
      ],
    },
    {
      id: 'freeze_all',
      name: 'Freeze everything',
      description: 'Freeze.',
      kind: 'sanction',
      role: 'sanctions',
      maxLevel: 3,
      costPerLevel: 0,
      effects: [
        { type: 'freeze', channel: 'all', perLevel: 0.5 },
        { type: 'deter', channel: 'chainhop', perLevel: 0.5 },
      ],
    },
  ]);

  it('caps defence at 0.95 even when two effects stack past 1', () => {
    expect(MAX_DEFENSE).toBe(0.95);
    expect(computeModifiers(scenario, { lockdown: 3 }).defense.exchanges).toBe(0.95);
  });

  it('caps freezing at 0.95 on every channel for channel "all"', () => {
    expect(MAX_FREEZE).toBe(0.95);
    expect(computeModifiers(scenario, { freeze_all: 3 }).freeze).toEqual({ mixers: 0.95, chainhop: 0.95, otc: 0.95 });
  });

  it('caps deterrence at 0.95', () => {
    expect(MAX_DETER).toBe(0.95);
    expect(computeModifiers(scenario, { freeze_all: 3 }).deter.chainhop).toBe(0.95);
  });

  it('applies "all" to each channel on top of its base freeze', () => {
    expect(computeModifiers(scenario, { freeze_all: 1 }).freeze).toEqual({ mixers: 0.505, chainhop: 0.5, otc: 0.51 });
  });
});
