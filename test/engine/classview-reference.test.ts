// The class view checks every run against the instructor's reference scenario (issue 13:
// it took the first file's scenario as the reference, so one doctored file was accepted
// and the genuine ones refused), and lists runs on another seed apart from the class.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { classView } from '../../src/engine/classview.ts';
import { buildReplay, type ReplayFile, scenarioHash } from '../../src/engine/replay.ts';
import { Run } from '../../src/engine/run.ts';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const MISTAKES = join(import.meta.dirname, '..', 'fixtures', 'mistakes');
const load = async (name: string): Promise<Scenario> => {
  const r = await loadScenarioFile(join(MISTAKES, name));
  if (!r.ok) throw new Error(r.errors.map((d) => d.message).join('\n'));
  return r.value;
};
const course = await load('course.yaml');
const record = (s: Scenario, seed: string, policy = 'historical'): ReplayFile =>
  JSON.parse(JSON.stringify(buildReplay(playPolicy(new Run(s, seed), s.policies[policy]!), { inline: true })));
const mine = { scenario: course, name: 'your scenario file course.yaml' };

describe('class view against the instructor’s reference', () => {
  it('a doctored first file is refused with what differs; the genuine runs are accepted', () => {
    const doctored: Scenario = {
      ...course,
      sectors: course.sectors.map((s) => ({ ...s, attractiveness: 0.01 })),
    };
    const files = [
      { name: 'aaron.json', replay: record(doctored, '42') }, // first in the list, as in the issue
      ...['ben', 'cai', 'dee', 'eve'].map((n, i) => ({ name: `${n}.json`, replay: record(course, '42', i % 2 ? 'none' : 'historical') })),
    ];
    const v = classView(files, mine, '42');
    expect(v.runs.map((r) => r.name)).toEqual(['ben.json', 'cai.json', 'dee.json', 'eve.json']);
    expect(v.refused.map((r) => r.name)).toEqual(['aaron.json']);
    expect(v.refused[0]!.message).toMatch(/was played on a different version of scenario "course" than your scenario file course\.yaml \(2 differences\)/);
    expect(v.refused[0]!.differences).toEqual([
      'sectors[exchanges].attractiveness: 0.01 in the replay, 3 in your scenario',
      'sectors[bridges].attractiveness: 0.01 in the replay, 2 in your scenario',
    ]);
    expect(v.reference).toMatchObject({ id: 'course', hash: scenarioHash(course), name: 'your scenario file course.yaml' });
  });

  it('without a reference nothing is compared, and the files are grouped by the scenario they claim', () => {
    const v = classView([
      { name: 'a.json', replay: record(course, '1') },
      { name: 'b.json', replay: record(course, '2') },
    ]);
    expect(v.runs).toEqual([]);
    expect(v.reference).toBeNull();
    expect(v.groups).toEqual([{ id: 'course', hash: scenarioHash(course), title: 'Course: spring 2024', files: 2 }]);
  });

  it('runs on another seed than the class seed are verified but listed apart, outside the spread', () => {
    const files = [
      { name: 'a.json', replay: record(course, '42', 'none') },
      { name: 'b.json', replay: record(course, '42', 'historical') },
      { name: 'c.json', replay: record(course, '7', 'historical') },
    ];
    const all = classView(files, mine);
    expect(all.runs).toHaveLength(3);
    expect(all.seeds).toEqual([
      { seed: '42', runs: 2 },
      { seed: '7', runs: 1 },
    ]);
    const v = classView(files, mine, '42');
    expect(v.classSeed).toBe('42');
    expect(v.runs.map((r) => r.name)).toEqual(['a.json', 'b.json']);
    expect(v.otherSeed.map((r) => [r.name, r.timeline.seed])).toEqual([['c.json', '7']]);
    const spreadOf = (names: string[]) => v.runs.filter((r) => names.includes(r.name)).map((r) => r.totals.cashedOutUsd);
    expect(v.outcomes.cashedOutUsd.max).toBe(Math.max(...spreadOf(['a.json', 'b.json'])));
  });

  it('a run of the instructor’s scenario before debrief questions were added still counts, with a note', async () => {
    const withQuestions = await load('20-assessment-added.yaml');
    const v = classView([{ name: 'a.json', replay: record(course, '42') }], { scenario: withQuestions, name: 'your scenario file' });
    expect(v.refused).toEqual([]);
    expect(v.runs[0]!.notes[0]).toMatch(/whose assessment material differs \(assessment\)/);
  });

});
