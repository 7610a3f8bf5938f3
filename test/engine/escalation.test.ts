// Escalation explained from a report: the parts add up to the engine's own total.
import { describe, expect, it } from 'vitest';
import { simulatePolicy } from '../../src/engine/autoplay.ts';
import { ESCALATION_CARRY, escalationFactor, explainEscalation } from '../../src/engine/escalation.ts';
import { mini } from '../fixtures/mini.ts';

describe('escalation explained', () => {
  it('carried-over, lever and event parts add up to the total the engine reports, turn by turn', () => {
    const run = simulatePolicy(mini, 'esc', { description: 'x', turns: { 1: { mixer_sanctions: 2 }, 3: { mixer_sanctions: 1, otc_designation: 1 } } });
    let before = 0;
    for (const r of run.reports) {
      const e = explainEscalation(mini, before, r);
      expect(e.carried).toBeCloseTo(before * ESCALATION_CARRY, 6);
      const sum = e.carried + e.levers.reduce((a, p) => a + p.add, 0) + e.events.reduce((a, p) => a + p.add, 0);
      expect(e.other).toBeCloseTo(0, 6);
      expect(sum).toBeCloseTo(r.totals.escalation, 6);
      expect(e.levers.length).toBeGreaterThan(0);
      before = r.totals.escalation;
    }
  });

  it('says how much escalation multiplies the tests planned, as the launch rule reports it', () => {
    expect(escalationFactor(14.4)).toBeCloseTo(1.144, 9);
    const run = simulatePolicy(mini, 'esc', { description: 'x', turns: { 1: { mixer_sanctions: 2 } } });
    for (const r of run.reports.slice(1)) {
      const before = run.reports[r.turn - 2]!.totals.escalation;
      void before;
      for (const o of r.launchOdds) {
        // expected = tests per month × doctrine × calendar × escalation factor × technology boost
        const rest = o.testsPerMonth * o.doctrineTempo * o.calendarMultiplier;
        if (rest > 0) expect(o.expected / rest).toBeGreaterThanOrEqual(escalationFactor(r.escalation) - 1e-6);
      }
    }
  });
});
