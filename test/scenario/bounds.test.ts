// Worst-case bounds: a legal-looking scenario whose worst case would take money past what
// the engine keeps exact, or buy absurd numbers of missiles in a turn, is refused at load
// with a located message, instead of breaking conservation or freezing a browser later.
import { describe, expect, it } from 'vitest';
import { FACILITATOR_SEAT } from '../../src/engine/events-types.ts';
import { MAX_INJECTS_PER_TURN } from '../../src/scenario/limits.ts';
import { MONEY_BOUND } from '../../src/scenario/semantic-bounds.ts';
import { startedSession } from '../engine/helpers.ts';
import { errorAt, errorsOf, positionOf } from './helpers.ts';

describe('worst-case bounds', () => {
  it('refuses heists so large that 240 turns could pass exact dollars, at the largest heist', () => {
    const { text, errors } = errorsOf((s) => {
      s.adversary.teams = 50;
      s.sectors[1]!.heist.max = { value: 1e13, currency: 'USD', confidence: 'assumption' };
    });
    const e = errorAt(errors, 'sectors[1].heist.max.value');
    expect(e.line).toBe(positionOf(text, 'value: 10000000000000').line);
    expect(e.message).toMatch(/worst case .* trillion .* exact dollars only up to/);
  });

  it('accepts the largest realistic scenario: 50 teams at Bybit-sized ($1.5 billion) heists', () => {
    const { errors } = errorsOf((s) => {
      s.adversary.teams = 50;
      s.sectors[1]!.heist.max = { value: 1.5e9, currency: 'USD', confidence: 'assumption' };
    });
    expect(errors).toEqual([]);
    expect(50 * 1.5e9 * 240).toBeLessThan(MONEY_BOUND);
  });

  it('refuses a missile so cheap against the funding that one turn could buy more than 100,000, at its cost', () => {
    const { text, errors } = errorsOf((s) => {
      s.missiles[0]!.cost = { value: 0, currency: 'USD', confidence: 'assumption' };
      s.missiles[0]!.productionPerMonth = { value: 1e6, confidence: 'assumption' };
      s.regime.income![0]!.perYear = { value: 1.2e12, currency: 'USD', confidence: 'assumption' };
    });
    const e = errorAt(errors, 'missiles[0].cost.value');
    expect(text.split('\n')[e.line - 1]).toMatch(/value: 0$/);
    expect(e.message).toMatch(/could buy about .* missiles in one turn .* wrong unit/);
  });

  it('counts production: a cheap missile the industry cannot turn out in bulk is fine', () => {
    const { errors } = errorsOf((s) => {
      s.missiles[0]!.cost = { value: 0, currency: 'USD', confidence: 'assumption' };
      s.regime.income![0]!.perYear = { value: 1.2e12, currency: 'USD', confidence: 'assumption' };
    });
    expect(errors).toEqual([]);
  });

  it(`refuses more than ${MAX_INJECTS_PER_TURN} injected events for one turn, so injects cannot break the bound`, () => {
    const s = startedSession();
    for (let i = 0; i < MAX_INJECTS_PER_TURN; i++) expect(s.act(FACILITATOR_SEAT, { type: 'INJECT', event: 'crash' }).ok).toBe(true);
    expect(s.act(FACILITATOR_SEAT, { type: 'INJECT', event: 'crash' })).toMatchObject({ ok: false, refusal: { code: 'bad-event' } });
  });
});
