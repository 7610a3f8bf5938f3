import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { MAX_REPORTED_ERRORS, parseScenarioText } from '../../src/scenario/load.ts';
import { mini } from '../fixtures/mini.ts';
import { errorAt, errorsOf, miniYaml, positionOf, wrong } from './helpers.ts';

describe('parseScenarioText', () => {
  it('loads a valid file and fills in defaults', () => {
    const r = parseScenarioText(miniYaml(), 'mini.yaml');
    expect(r.ok && r.value).toEqual(mini);
  });

  it('reports several wrong types at once, each at its line and column', () => {
    const { text, errors } = errorsOf((s) => {
      s.calendar.turns = wrong('six');
      s.roles[1]!.budgetPerTurn = wrong('plenty');
      s.sectors[0]!.stablecoinShare = wrong([0.4]);
    });
    expect(errors.map((e) => e.path)).toEqual(['calendar.turns', 'roles[1].budgetPerTurn', 'sectors[0].stablecoinShare']);
    expect(errors[0]).toMatchObject({ ...positionOf(text, 'turns: six', 7), message: 'expected a whole number from 1 to 240, got text ("six")' });
    expect(errors[1]).toMatchObject(positionOf(text, 'budgetPerTurn: plenty', 15));
    expect(errors[2]!.message).toBe('expected a number from 0 to 1, got a list of 1 item');
  });

  it('refuses ids that collide with JavaScript built-ins, at the id', () => {
    const { text, errors } = errorsOf((s) => {
      s.missiles[0]!.id = 'constructor';
    });
    const e = errorAt(errors, 'missiles[0].id');
    expect(e).toMatchObject(positionOf(text, 'id: constructor', 4));
    expect(e.message).toMatch(/name JavaScript objects already have/);
  });

  it('refuses a role whose id is the facilitator’s seat', () => {
    const { errors } = errorsOf((s) => {
      s.roles[0]!.id = 'facilitator';
    });
    expect(errorAt(errors, 'roles[0].id').message).toMatch(/facilitator’s seat/);
  });

  it('points at an unknown field and suggests the field meant', () => {
    const { text, errors } = errorsOf((s) => {
      Object.assign(s.levers[2]!, { costPerLevl: 2 });
    });
    const e = errorAt(errors, 'levers[2].costPerLevl');
    expect(e).toMatchObject(positionOf(text, 'costPerLevl'));
    expect(e.message).toBe('unknown field "costPerLevl" (did you mean "costPerLevel"?)');
  });

  it('lists the allowed fields when an unknown field resembles none', () => {
    const { errors } = errorsOf((s) => {
      Object.assign(s.calendar, { weather: 'rain' });
    });
    expect(errorAt(errors, 'calendar.weather').message).toBe('unknown field "weather"; the fields allowed here are: start, turns, launchCalendar, doctrine');
  });

  it('reports a missing field at its parent and says what to add', () => {
    const { text, errors } = errorsOf((s) => {
      delete (s.levers[1] as Partial<typeof s.levers[1]>).costPerLevel;
    });
    const e = errorAt(errors, 'levers[1].costPerLevel');
    expect(e).toMatchObject(positionOf(text, 'id: otc_designation'));
    expect(e.message).toBe(
      'missing field "costPerLevel": add `costPerLevel:` with a whole number from 0 to 1000 (Budget points per turn for each level set)',
    );
  });

  it('lists allowed values for an enum, with a suggestion', () => {
    const { errors } = errorsOf((s) => {
      s.levers[0]!.kind = wrong('sanctions');
    });
    expect(errorAt(errors, 'levers[0].kind').message).toBe('"sanctions" is not allowed here (did you mean "sanction"?); use one of: sanction, posture');
  });

  it('names the allowed effect types when a type is misspelt', () => {
    const { errors } = errorsOf((s) => {
      s.levers[2]!.effects[0] = wrong({ type: 'defence', sector: 'bridges', perLevel: 0.2 });
    });
    expect(errorAt(errors, 'levers[2].effects[0].type').message).toMatch(/^unknown type "defence" \(did you mean "defense"\?\); use one of: defense, freeze, deter/);
  });

  it('gives numeric and length bounds in words', () => {
    const { errors } = errorsOf((s) => {
      s.sectors[0]!.stablecoinShare = 2;
      s.title = '';
      s.missiles = [];
    });
    expect(errorAt(errors, 'sectors[0].stablecoinShare').message).toBe('must be at most 1, got 2');
    expect(errorAt(errors, 'title').message).toBe('must not be empty');
    expect(errorAt(errors, 'missiles').message).toBe('needs at least 1 item (it has 0)');
  });

  it("keeps schema.ts's own message and shows the value", () => {
    const { errors } = errorsOf((s) => {
      s.calendar.start = '2022-13';
    });
    expect(errorAt(errors, 'calendar.start').message).toBe('must be YYYY-MM, e.g. 2022-01 (got "2022-13")');
  });

  it('reports numbers too large for the format with the limit', () => {
    const { errors } = errorsOf((s) => {
      s.sectors[0]!.heist.max.value = 1e20;
    });
    expect(errorAt(errors, 'sectors[0].heist.max.value').message).toBe('must be at most 10,000,000,000,000, got 100000000000000000000');
  });

  it('refuses a badly named map key, pointing at the key', () => {
    const { text, errors } = errorsOf((s) => {
      s.policies['Tough Line'] = { description: 'x' };
    });
    const e = errorAt(errors, 'policies["Tough Line"]');
    expect(e).toMatchObject(positionOf(text, 'Tough Line'));
    expect(e.message).toMatch(/^the name "Tough Line" cannot be used here: must be lower-case letters/);
  });

  it('explains an empty file', () => {
    const r = parseScenarioText('# nothing yet\n', 'new.yaml');
    expect(!r.ok && r.errors[0]!.message).toMatch(/^the file is empty; a scenario is a set of fields starting with `format: cashout-scenario\/2`/);
  });

  it('stops listing after MAX_REPORTED_ERRORS and says how many more', () => {
    const { errors } = errorsOf((s) => {
      for (let i = 0; i < MAX_REPORTED_ERRORS + 10; i++) Object.assign(s.calendar, { [`extra${i}`]: i });
    });
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS + 1);
    expect(errors.at(-1)!.message).toMatch(/and 10 more problems/);
  });

  it('formats a diagnostic as file:line:column: severity: path: message', () => {
    const { errors } = errorsOf((s) => {
      s.calendar.turns = 0;
    });
    expect(formatDiagnostic(errors[0]!)).toMatch(/^mini\.yaml:\d+:\d+: error: calendar\.turns: must be at least 1, got 0$/);
  });
});
