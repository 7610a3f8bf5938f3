// The assessment material of the shipped scenarios, and the after-action report that
// judges a run against it (strengths, areas for improvement, evidence per objective).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { Run } from '../../src/engine/run.ts';
import { timelineOf } from '../../src/engine/timeline.ts';
import { afterAction } from '../../src/report/after-action.ts';
import { debriefReportHtml } from '../../src/report/debrief-html.ts';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { shipped } from '../scenarios/shipped.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');

async function scenario(file: string): Promise<Scenario> {
  const r = await loadScenarioFile(join(SCENARIOS, file));
  if (!r.ok) throw new Error(r.errors.map((d) => d.message).join('\n'));
  return r.value;
}

const timeline = (s: Scenario, policy: string, seed = '1') => timelineOf(playPolicy(new Run(s, seed), s.policies[policy]!));

describe('every shipped scenario carries assessment material', () => {
  it.each(shipped.map((s) => [s.name, s] as const))('%s', (_name, sh) => {
    const s = sh.scenario!;
    const a = s.assessment!;
    expect(a, 'no assessment section').toBeDefined();
    expect(a.learningObjectives.length).toBeGreaterThanOrEqual(3);
    expect(a.roles.map((r) => r.role).sort()).toEqual(s.roles.map((r) => r.id).sort());
    expect(a.turns.length).toBeGreaterThanOrEqual(4);
    for (const g of a.turns) expect(g.turn).toBeGreaterThanOrEqual(1);
    expect(a.debrief.length).toBeGreaterThanOrEqual(5);
    // It is the last section of the file, where instructors look for it.
    expect(sh.text.split('\n').filter((l) => /^[a-z]/.test(l)).at(-1)).toBe('assessment:');
  });
});

describe('the after-action report of a run', () => {
  it('judges a lever indicator by the turn it was set, with the month as evidence', async () => {
    const s = await scenario('tutorial.yaml');
    const tough = afterAction(timeline(s, 'tough'))!;
    const none = afterAction(timeline(s, 'none'))!;
    const follow = (a: typeof tough) => a.objectives.find((o) => o.id === 'follow-the-money')!;
    expect(follow(tough).strengths.map((f) => f.evidence)).toContain('“Trace and seize” was at level 1 from turn 1 (2022-03) (asked: ≥ 1 by turn 2).');
    expect(follow(none).improvements.map((f) => f.evidence)).toContain(
      '“Trace and seize” never reached level 1 by turn 2; its highest level was 0 (asked: ≥ 1 by turn 2).',
    );
    expect(follow(none).improvements.find((f) => f.evidence.startsWith('“Trace'))!.text).toMatch(/Tracing started late or never/);
  });

  it('judges a measured objective with its value and target, and an event with its turn and outcome', async () => {
    const s = await scenario('tutorial.yaml');
    const t = timeline(s, 'none');
    const aar = afterAction(t, 'USD')!;
    const all = aar.objectives.flatMap((o) => [...o.strengths, ...o.improvements]);
    expect(all.map((f) => f.evidence)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Keep the crypto cash reaching the regime at or below \$220 M\. — cashedOutUsd ended at \$ [\d.]+ [Mk]? ?against a target of ≤ \$ 220\.0 M: (met|missed)\.$/),
        expect.stringMatching(/^“Harmony Horizon bridge drained” happened in turn 4 \(2022-06\) and was (blocked|not blocked)\.$/),
      ]),
    );
    const harmony = t.checkpoints[3]!.report.heists.find((h) => h.eventId === 'harmony-heist')!;
    const review = aar.objectives.find((o) => o.id === 'defend-before-the-heist')!;
    expect((harmony.blocked ? review.strengths : review.improvements).some((f) => f.evidence.includes('Harmony'))).toBe(true);
  });

  it('every indicator lands in exactly one list', async () => {
    for (const sh of shipped) {
      const s = sh.scenario!;
      const aar = afterAction(timeline(s, 'historical'))!;
      aar.objectives.forEach((o, i) => {
        expect(o.strengths.length + o.improvements.length).toBe(s.assessment!.learningObjectives[i]!.evidence.length);
      });
    }
  });

  it('appears in the printable report with strengths, improvements, evidence and the debrief questions', async () => {
    const s = await scenario('2022-year-of-missiles.yaml');
    const html = debriefReportHtml({ timeline: timeline(s, 'historical') });
    expect(html).toContain('<h2>After-action report</h2>');
    expect(html).toContain('<h4>Strengths</h4>');
    expect(html).toContain('<h4>Areas for improvement</h4>');
    expect(html).toMatch(/Evidence: /);
    expect(html).toContain('<h2>Debrief questions</h2>');
    expect(html).toContain('Where did the money go when you sanctioned a mixer? Was that a success?');
  });

  it('is absent for a scenario without assessment material', async () => {
    const s = await scenario('tutorial.yaml');
    const { assessment: _, ...bare } = s;
    expect(afterAction(timeline(bare as Scenario, 'none'))).toBeNull();
    expect(debriefReportHtml({ timeline: timeline(bare as Scenario, 'none') })).not.toContain('After-action report');
  });
});
