// One test per semantic check: each loads the mini scenario with one mistake and expects
// exactly the message (and position) an instructor would need to fix it.
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../../src/scenario/schema.ts';
import { errorAt, errorsOf, positionOf } from './helpers.ts';

describe('semantic checks: ids and references', () => {
  it('accepts the mini scenario with only the undefended-sector warning', () => {
    const { errors, warnings } = errorsOf(() => {});
    expect(errors).toEqual([]);
    expect(warnings.map((w) => w.path)).toEqual(['sectors[0].id']);
  });

  it.each([
    ['sector', (s: ScenarioInput) => s.sectors.push({ ...s.sectors[0]! }), 'sectors[2].id', 'sectors[0]'],
    ['role', (s: ScenarioInput) => s.roles.push({ ...s.roles[0]! }), 'roles[2].id', 'roles[0]'],
    ['lever', (s: ScenarioInput) => s.levers.push({ ...s.levers[0]! }), 'levers[3].id', 'levers[0]'],
    ['missile', (s: ScenarioInput) => s.missiles.push({ ...s.missiles[0]! }), 'missiles[2].id', 'missiles[0]'],
    [
      'objective',
      (s: ScenarioInput) => s.objectives.push({ ...s.objectives[0]! }),
      'objectives[1].id',
      'objectives[0]',
    ],
  ])('refuses a duplicate %s id', (kind, change, path, first) => {
    const { errors } = errorsOf(change);
    expect(errorAt(errors, path).message).toMatch(new RegExp(`^the ${kind} id ".+" is already used by ${first.replace(/[[\]]/g, '\\$&')}; ids must be unique`));
  });

  it('refuses a channel id used in two stages', () => {
    const { errors } = errorsOf((s) => {
      s.laundering.stages[1]!.channels[0]!.id = 'mixers';
    });
    expect(errorAt(errors, 'laundering.stages[1].channels[0].id').message).toMatch(/already used by laundering\.stages\[0\]\.channels\[0\]/);
  });

  it('refuses the same id for a scripted and a random event', () => {
    const { errors } = errorsOf((s) => {
      s.events!.random![0]!.id = 'validator-phish';
    });
    expect(errorAt(errors, 'events.random[0].id').message).toMatch(/event id "validator-phish" is already used by events\.scripted\[0\]/);
  });

  it('refuses an unknown role with a suggestion and the known roles', () => {
    const { text, errors } = errorsOf((s) => {
      s.levers[2]!.role = 'sanction';
    });
    const e = errorAt(errors, 'levers[2].role');
    expect(e.message).toBe('unknown role "sanction" (did you mean "sanctions"?); known roles: sanctions, defence');
    expect(e).toMatchObject(positionOf(text, 'role: sanction\n', 6));
  });

  it('refuses an unknown sector in a defense effect', () => {
    const { errors } = errorsOf((s) => {
      s.levers[2]!.effects[0] = { type: 'defense', sector: 'bridge', perLevel: 0.2 };
    });
    expect(errorAt(errors, 'levers[2].effects[0].sector').message).toMatch(/^unknown sector "bridge" \(did you mean "bridges"\?\)/);
  });

  it('accepts "all" as the channel of a freeze effect but not of a deter effect', () => {
    const { errors } = errorsOf((s) => {
      s.levers[0]!.effects = [
        { type: 'freeze', channel: 'all', perLevel: 0.1 },
        { type: 'deter', channel: 'all', perLevel: 0.1 },
      ];
    });
    expect(errors.map((e) => e.path)).toEqual(['levers[0].effects[1].channel']);
    expect(errors[0]!.message).toMatch(/^"all" works only for freeze effects/);
  });

  it('refuses an unknown channel in a freeze effect', () => {
    const { errors } = errorsOf((s) => {
      s.levers[1]!.effects[0] = { type: 'freeze', channel: 'otcs', perLevel: 0.1 };
    });
    expect(errorAt(errors, 'levers[1].effects[0].channel').message).toBe(
      'unknown channel "otcs" (did you mean "otc"?); known channels: mixers, chainhop, otc (or "all")',
    );
  });

  it('refuses unknown sectors and missiles in event effects', () => {
    const { errors } = errorsOf((s) => {
      s.events!.scripted![0]!.effects = [
        { type: 'vulnerability', sector: 'wallets', add: 0.5, turns: 2 },
        { type: 'launch', missile: 'irbm', count: 1 },
      ];
    });
    expect(errorAt(errors, 'events.scripted[0].effects[0].sector').message).toMatch(/^unknown sector "wallets"/);
    expect(errorAt(errors, 'events.scripted[0].effects[1].missile').message).toBe(
      'unknown missile "irbm" (did you mean "srbm" or "icbm"?); known missiles: srbm, icbm',
    );
  });

  it('refuses a source key missing from sources, including inside figures', () => {
    const { errors } = errorsOf((s) => {
      s.sources = { 'un-poe-2024': { publisher: 'UN Panel of Experts', title: 'Final report', date: '2024-03' } };
      s.levers[0]!.source = 'un-poe-2023';
      s.missiles[0]!.cost = { value: 600_000_000, currency: 'JPY', confidence: 'estimate', source: 'mod-japan' };
    });
    expect(errorAt(errors, 'levers[0].source').message).toBe(
      'unknown source "un-poe-2023" (did you mean "un-poe-2024"?); known sources: un-poe-2024; add it under `sources:` or correct the key',
    );
    expect(errorAt(errors, 'missiles[0].cost.source').message).toMatch(/^unknown source "mod-japan"/);
  });
});

describe('semantic checks: turns, budgets and policies', () => {
  it('refuses a scripted event after the last turn', () => {
    const { errors } = errorsOf((s) => {
      s.events!.scripted![0]!.turn = 7;
    });
    expect(errorAt(errors, 'events.scripted[0].turn').message).toBe(
      'turn 7 is after the last turn of the game (calendar.turns is 6); use a turn from 1 to 6 or lengthen the calendar',
    );
  });

  it('refuses random-event windows beyond the calendar or back to front', () => {
    const { errors } = errorsOf((s) => {
      Object.assign(s.events!.random![0]!, { fromTurn: 5, toTurn: 9 });
    });
    expect(errorAt(errors, 'events.random[0].toTurn').message).toMatch(/^turn 9 is after the last turn/);
    const swapped = errorsOf((s) => {
      Object.assign(s.events!.random![0]!, { fromTurn: 5, toTurn: 3 });
    });
    expect(errorAt(swapped.errors, 'events.random[0].fromTurn').message).toMatch(/fromTurn \(5\) is after toTurn \(3\).*swap them/);
  });

  it('refuses a policy turn beyond the calendar, pointing at the turn key', () => {
    const { text, errors } = errorsOf((s) => {
      s.policies.tough!.turns = { '8': { otc_designation: 1 } };
    });
    const e = errorAt(errors, 'policies.tough.turns["8"]');
    expect(e).toMatchObject(positionOf(text, '"8":'));
    expect(e.message).toMatch(/^turn 8 is after the last turn/);
  });

  it('refuses a lever whose level 1 costs more than its role can spend', () => {
    const { errors } = errorsOf((s) => {
      s.levers[2]!.costPerLevel = 7;
    });
    expect(errorAt(errors, 'levers[2].costPerLevel').message).toBe(
      'no one can afford even level 1 of "Decentralise bridge validators": it costs 7 points a turn and the Cyber-defence agency (defence) has 6; lower costPerLevel or raise roles[1].budgetPerTurn',
    );
  });

  it('refuses a policy level above the lever maximum', () => {
    const { errors } = errorsOf((s) => {
      s.policies.tough!.turns!['3'] = { otc_designation: 3 };
    });
    expect(errorAt(errors, 'policies.tough.turns["3"].otc_designation').message).toBe(
      '"Designate OTC brokers" goes up to level 2; lower 3 to at most 2',
    );
  });

  it('refuses an unknown lever in a policy', () => {
    const { errors } = errorsOf((s) => {
      s.policies.tough!.turns!['3'] = { otc_designations: 1 };
    });
    expect(errorAt(errors, 'policies.tough.turns["3"].otc_designations').message).toMatch(
      /^unknown lever "otc_designations" \(did you mean "otc_designation"\?\)/,
    );
  });

  it('refuses a policy over budget once levels carried from earlier turns add up', () => {
    // Turn 1 sets mixers to 2 (6 points); turn 3 adds OTC 2 (4 points) = 10, within 10.
    // Raising mixers to 3 at turn 4 makes 13 points, over the sanctions budget.
    const { errors } = errorsOf((s) => {
      s.policies.tough!.turns!['4'] = { mixer_sanctions: 3 };
    });
    expect(errorAt(errors, 'policies.tough.turns["4"]').message).toBe(
      "from turn 4 the policy's levers for the Sanctions authority (sanctions) cost 13 points a turn, over its budget of 10; lower some levels (they stay in force until changed)",
    );
  });

  it('requires a policy named none', () => {
    const { errors } = errorsOf((s) => {
      delete s.policies.none;
    });
    expect(errorAt(errors, 'policies').message).toMatch(/^there is no policy named "none"; add one/);
  });
});

describe('semantic checks: values that must agree', () => {
  it('refuses an exposure to a method the scenario does not list, at the key', () => {
    const { text, errors } = errorsOf((s) => {
      s.sectors[0]!.exposure = { phishing: 0.2, keyz: 0.1 };
    });
    const e = errorAt(errors, 'sectors[0].exposure.keyz');
    expect(e).toMatchObject(positionOf(text, 'keyz:'));
    expect(e.message).toMatch(/^unknown method "keyz" \(did you mean "keys"\?\)/);
  });

  it('refuses a documented heist by a method its sector is not exposed to', () => {
    const { errors } = errorsOf((s) => {
      s.sectors[1]!.exposure = { keys: 0.15 };
    });
    expect(errorAt(errors, 'events.scripted[0].effects[0].method').message).toMatch(
      /^sector "bridges" lists no exposure to method "phishing", so no defence could be built against this heist/,
    );
  });

  it('refuses a seizure tied to a heist that comes after it or does not exist', () => {
    const seizure = (heist: string, turn: number) => (s: ScenarioInput) => {
      s.events!.scripted!.push({
        id: 'recovery',
        turn,
        title: 'Recovery',
        text: 'Frozen.',
        effects: [{ type: 'seizure', heist, amount: { value: 1_000_000, currency: 'USD', confidence: 'assumption' } }],
      });
    };
    expect(errorAt(errorsOf(seizure('validator-phish', 2)).errors, 'events.scripted[1].effects[0].heist').message).toMatch(
      /^the seizure must come after its heist \(turn 2\)/,
    );
    expect(errorAt(errorsOf(seizure('validator-phsh', 3)).errors, 'events.scripted[1].effects[0].heist').message).toMatch(
      /^unknown scripted heist event "validator-phsh" \(did you mean "validator-phish"\?\)/,
    );
    expect(errorsOf(seizure('validator-phish', 3)).errors).toEqual([]);
  });

  it('refuses a successor of a channel without capacity, and warns when a successor is cheaper', () => {
    const successor = (patch: Record<string, unknown>) => (s: ScenarioInput) => {
      s.laundering.stages[0]!.channels.push({
        id: 'next-mixer',
        name: 'Next mixer',
        description: 'Takes over.',
        delayTurns: 1,
        haircut: 0.03,
        baseFreeze: 0,
        successor: { of: 'mixers', lag: { value: 3, confidence: 'assumption' } },
        ...patch,
      });
    };
    expect(errorsOf(successor({})).errors).toEqual([]);
    const noCap = errorsOf((s) => {
      successor({ successor: { of: 'chainhop', lag: { value: 3, confidence: 'assumption' } } })(s);
    });
    expect(errorAt(noCap.errors, 'laundering.stages[0].channels[2].successor.of').message).toMatch(
      /^"chainhop" has no capacity, so there is no lost capacity for a successor to take over/,
    );
    const cheaper = errorsOf(successor({ haircut: 0.001 }));
    expect(cheaper.warnings.find((w) => w.path === 'laundering.stages[0].channels[2].haircut')?.message).toMatch(
      /costs launderers less .* so sanctioning "mixers" would help them/,
    );
  });

  it('refuses a doctrine period for an unknown missile or running backwards', () => {
    const { errors } = errorsOf((s) => {
      s.calendar.doctrine = [{ name: 'Pause', from: '2022-06', to: '2022-03', tempo: { srbmm: 0.3 } }];
    });
    expect(errorAt(errors, 'calendar.doctrine[0].tempo.srbmm').message).toMatch(/^unknown missile "srbmm" \(did you mean "srbm"\?\)/);
    expect(errorAt(errors, 'calendar.doctrine[0].from').message).toMatch(/starts \(2022-06\) after it ends \(2022-03\); swap them/);
  });

  it('refuses a figure whose value lies outside its own range', () => {
    const { errors } = errorsOf((s) => {
      s.missiles[0]!.cost = { value: 6_000_000, low: 3_000_000, high: 5_000_000, currency: 'USD', confidence: 'assumption' };
    });
    expect(errorAt(errors, 'missiles[0].cost.value').message).toMatch(/value must lie inside the range: low <= value <= high/);
  });

  it('refuses a heist median above the max, converting yen with the exchange rate', () => {
    // At 130 yen to the dollar, 13 billion yen is $100 M (under the $600 M max) and
    // 130 billion yen is $1 bn (over it).
    const fine = errorsOf((s) => {
      s.sectors[0]!.heist.median = { value: 13_000_000_000, currency: 'JPY', confidence: 'assumption' };
    });
    expect(fine.errors).toEqual([]);
    const { errors } = errorsOf((s) => {
      s.sectors[0]!.heist.median = { value: 130_000_000_000, currency: 'JPY', confidence: 'assumption' };
    });
    expect(errorAt(errors, 'sectors[0].heist.median').message).toMatch(/median heist is larger than the largest plausible heist/);
  });

  it('refuses a non-positive yen rate, which every conversion divides by', () => {
    const { errors } = errorsOf((s) => {
      s.currency.usdJpy.value = 0;
    });
    expect(errorAt(errors, 'currency.usdJpy.value').message).toMatch(/^the yen rate must be above 0/);
  });

  it('refuses a calibration band given high to low', () => {
    const { errors } = errorsOf((s) => {
      s.calibration = [{ metric: 'launches', documented: { value: 70, confidence: 'assumption' }, band: [90, 50] }];
    });
    expect(errorAt(errors, 'calibration[0].band').message).toBe('the band is [low, high], but 90 is above 50; swap them');
  });

  it('warns when no missile type would ever be bought', () => {
    const { errors, warnings } = errorsOf((s) => {
      for (const m of s.missiles) m.preference = 0;
    });
    expect(errors).toEqual([]);
    expect(warnings.find((w) => w.path === 'missiles')?.message).toMatch(/never buys missiles/);
  });

  it('warns about sectors no lever defends and roles without levers', () => {
    const { warnings } = errorsOf((s) => {
      s.levers = s.levers.filter((l) => l.role === 'sanctions');
      s.policies.tough!.turns = {};
    });
    expect(warnings.map((w) => w.path)).toEqual(['roles[1].id', 'sectors[0].id', 'sectors[1].id']);
    expect(warnings[1]!).toMatchObject({ severity: 'warning', message: expect.stringMatching(/^no lever defends sector "exchanges"/) });
  });
});
