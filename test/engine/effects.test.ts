import { describe, expect, it } from 'vitest';
import { channelIds, computeModifiers, MAX_DETER, MAX_FREEZE } from '../../src/engine/effects.ts';
import { mini } from '../fixtures/mini.ts';
import { withLevers } from './helpers.ts';

// mini's cells, in compiled order: exchanges×phishing, exchanges×keys, bridges×phishing, bridges×keys.
describe('computeModifiers on mini', () => {
  it('with no levers: base freezes, no defence target, no cuts, no cost', () => {
    const m = computeModifiers(mini, {});
    expect(m.defenceTarget).toEqual([0, 0, 0, 0]);
    expect(m.defense).toEqual({ exchanges: 0, bridges: 0 });
    expect(m.freeze).toEqual({ mixers: 0.01, chainhop: 0, otc: 0.02 });
    expect(m.deter).toEqual({ mixers: 0, chainhop: 0, otc: 0 });
    expect(m.issuerFreeze).toBe(0);
    expect(m.degradeTarget).toBe(0);
    expect(m.incomeTarget).toEqual([0]);
    expect(m.coalition).toBe(1);
    expect(m.costByRole).toEqual({ sanctions: 0, defence: 0 });
    expect([m.collateral, m.escalation]).toEqual([0, 0]);
  });

  it('a posture funds a defence target on its sector’s cells (all methods by default), not a block at once', () => {
    const m = computeModifiers(mini, { bridge_validators: 3 });
    expect(m.defenceTarget).toEqual([0, 0, 1.5, 1.5]);
    // once built up: 1.5 / (1 + 1.5) = 60 % of attempts blocked (diminishing returns)
    expect(m.defense).toEqual({ exchanges: 0, bridges: 0.6 });
    expect(m.costByRole).toEqual({ sanctions: 0, defence: 6 });
  });

  it('freeze compounds with the channel base freeze: 1 - (1 - 0.01)(1 - 0.10) = 0.109', () => {
    expect(computeModifiers(mini, { mixer_sanctions: 2 }).freeze.mixers).toBe(0.109);
    expect(computeModifiers(mini, { otc_designation: 2 }).freeze.otc).toBe(0.216);
  });

  it('deter cuts capacity on the targeted channel only, compounding per level', () => {
    expect(computeModifiers(mini, { mixer_sanctions: 2 }).deter).toEqual({ mixers: 0.5, chainhop: 0, otc: 0 });
  });

  it('charges each role for its own levers and adds side effects per level', () => {
    const m = computeModifiers(mini, { mixer_sanctions: 3, otc_designation: 1, bridge_validators: 1 });
    expect(m.costByRole).toEqual({ sanctions: 11, defence: 2 });
    expect(m.collateral).toBe(3);
    expect(m.escalation).toBe(1.5);
  });

  it('ignores levels of 0 or below and unknown lever ids', () => {
    expect(computeModifiers(mini, { mixer_sanctions: -2, nonsense: 3 })).toEqual(computeModifiers(mini, {}));
  });

  it('lists channels in stage order', () => {
    expect(channelIds(mini)).toEqual(['mixers', 'chainhop', 'otc']);
  });

  it('returns frozen results that reports can share', () => {
    const m = computeModifiers(mini, { mixer_sanctions: 1 });
    expect(Object.isFrozen(m) && Object.isFrozen(m.defenceTarget) && Object.isFrozen(m.freeze)).toBe(true);
  });
});

describe('method-specific, pressure, income and issuer levers', () => {
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
      effects: [{ type: 'degrade', perLevel: 0.25 }],
    },
    {
      id: 'training',
      name: 'Phishing training',
      description: 'Everyone, one door.',
      kind: 'posture',
      role: 'defence',
      maxLevel: 3,
      costPerLevel: 0,
      effects: [{ type: 'defense', sector: 'all', method: 'phishing', perLevel: 0.2 }],
    },
    {
      id: 'vetting',
      name: 'IT-worker vetting',
      description: 'Fewer fake hires.',
      kind: 'posture',
      role: 'defence',
      maxLevel: 3,
      costPerLevel: 0,
      effects: [{ type: 'income', stream: 'it-workers', perLevel: 0.5 }],
    },
    {
      id: 'issuers',
      name: 'Stablecoin freezes',
      description: 'Issuers freeze.',
      kind: 'sanction',
      role: 'sanctions',
      maxLevel: 3,
      costPerLevel: 0,
      effects: [{ type: 'issuerFreeze', perLevel: 0.2 }],
    },
  ]);

  it('coalition multiplies capacity cuts, freezes and issuer freezes', () => {
    const m = computeModifiers(scenario, { coalition: 2, mixer_sanctions: 1, issuers: 1 });
    expect(m.coalition).toBe(2);
    expect(m.deter.mixers).toBe(0.5); // 0.25 × 1 × 2
    expect(m.freeze.mixers).toBe(0.109); // 1 - 0.99 × (1 - 0.05 × 1 × 2)
    expect(m.issuerFreeze).toBe(0.4);
  });

  it('coalition does not multiply defence', () => {
    expect(computeModifiers(scenario, { coalition: 2, bridge_validators: 1 }).defenceTarget).toEqual([0, 0, 0.5, 0.5]);
  });

  it('a method-specific posture covers that method in every sector and nothing else', () => {
    expect(computeModifiers(scenario, { training: 2 }).defenceTarget).toEqual([0.4, 0, 0.4, 0]);
  });

  it('degrade and income levers fund pressure targets, shown as the cut they give once built up', () => {
    const m = computeModifiers(scenario, { indict: 2, vetting: 2 });
    expect(m.degradeTarget).toBe(0.5);
    expect(m.degrade).toBe(0.333333);
    expect(m.incomeTarget).toEqual([1]);
    expect(m.incomeCut).toEqual({ 'it-workers': 0.5 });
  });
});

describe('clamps', () => {
  const scenario = withLevers([
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

  it('caps freezing at 0.95 on every channel for channel "all"', () => {
    expect(MAX_FREEZE).toBe(0.95);
    expect(computeModifiers(scenario, { freeze_all: 3 }).freeze).toEqual({ mixers: 0.95, chainhop: 0.95, otc: 0.95 });
  });

  it('caps capacity cuts at 0.95', () => {
    expect(MAX_DETER).toBe(0.95);
    expect(computeModifiers(scenario, { freeze_all: 3 }).deter.chainhop).toBe(0.95);
  });

  it('applies "all" to each channel on top of its base freeze', () => {
    expect(computeModifiers(scenario, { freeze_all: 1 }).freeze).toEqual({ mixers: 0.505, chainhop: 0.5, otc: 0.51 });
  });
});
