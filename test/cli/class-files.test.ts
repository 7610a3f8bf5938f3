// Files a student hands in, checked against the instructor's own scenario file (issue 13:
// `replay verify --scenario` was ignored when the replay held a scenario copy, and
// `report --compare` accepted another scenario's run). Fixtures in test/fixtures/mistakes.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/engine/replay.ts';
import { ScenarioSchema } from '../../src/scenario/schema.ts';
import { cli, tempDir } from './harness.ts';

const MISTAKES = join(import.meta.dirname, '..', 'fixtures', 'mistakes');
const course = join(MISTAKES, 'course.yaml');
const changed = join(MISTAKES, '19-changed-scenario.yaml');

async function play(scenario: string, seed = '7', policy = 'historical') {
  const dir = tempDir();
  const run = join(dir, 'run.json');
  const r = await cli('sim', scenario, '--seed', seed, '--policy', policy, '--out', run);
  expect(r.code, r.err).toBe(0);
  return { dir, run };
}

// biome-ignore lint/suspicious/noExplicitAny: tests poke at arbitrary replay fields
const edit = (path: string, change: (replay: Record<string, any>) => void) => {
  const replay = JSON.parse(readFileSync(path, 'utf8'));
  change(replay);
  writeFileSync(path, JSON.stringify(replay));
};

describe('replay verify --scenario checks against the instructor’s file, not the replay’s copy', () => {
  it('a run of the instructor’s scenario verifies, and says what it was checked against', async () => {
    const { run } = await play(course);
    const r = await cli('replay', 'verify', run, '--scenario', course);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^verified: .*re-run on your scenario file .*course\.yaml\.$/m);
    expect(r.out).not.toMatch(/^note:/m);
  });

  it('a run of another version is refused with exactly what differs (it used to print "verified")', async () => {
    const { run } = await play(course);
    const r = await cli('replay', 'verify', run, '--scenario', changed);
    expect(r.code).toBe(1);
    expect(r.out).not.toMatch(/verified/);
    expect(r.err).toMatch(/was played on a different version of scenario "course" than .*19-changed-scenario\.yaml \(1 difference\)/);
    expect(r.err).toContain('  levers[exchange-mfa].costPerLevel: 2 in the replay, 1 in your scenario');
  });

  it('a doctored copy with a recomputed hash is refused, naming the doctored fields', async () => {
    // A student plays a copy with tiny heists and records it honestly: every hash matches the copy.
    const { dir } = await play(course);
    const doctored = join(dir, 'doctored.yaml');
    writeFileSync(doctored, readFileSync(course, 'utf8').replace('value: 300000000, currency: USD', 'value: 300000, currency: USD'));
    const { run } = await play(doctored);
    expect((await cli('replay', 'verify', run)).code).toBe(0); // consistent in itself …
    const r = await cli('replay', 'verify', run, '--scenario', course);
    expect(r.code).toBe(1); // … but not a run of the instructor's scenario
    expect(r.err).toContain('events.scripted[validator-phish].effects[0].amount.value: 300000 in the replay, 300000000 in your scenario');
  });

  it('a copy edited after the run (hash left alone) is ignored: the run is re-run on the instructor’s file', async () => {
    const { run } = await play(course);
    edit(run, (x) => {
      x.scenario.inline.title = 'Course: tampered';
    });
    const r = await cli('replay', 'verify', run, '--scenario', course);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/note: its inline copy of the scenario was edited after the run \(1 difference from .*course\.yaml\)/);
  });

  it('a recorded hash claiming the instructor’s scenario, with decisions played elsewhere, fails at the first turn that differs', async () => {
    const { dir } = await play(course);
    const doctored = join(dir, 'doctored.yaml');
    writeFileSync(doctored, readFileSync(course, 'utf8').replace('value: 300000000, currency: USD', 'value: 300000, currency: USD'));
    const { run } = await play(doctored);
    const mine = ScenarioSchema.parse(JSON.parse(JSON.stringify((await import('yaml')).parse(readFileSync(course, 'utf8')))));
    edit(run, (x) => {
      x.scenario.hash = scenarioHash(mine);
    });
    const r = await cli('replay', 'verify', run, '--scenario', course);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Turn \d+ \(2024-\d\d\) differs from the recording/);
  });

  it('a version that differs only in assessment material still verifies, with a note saying so', async () => {
    const { run } = await play(course);
    const r = await cli('replay', 'verify', run, '--scenario', join(MISTAKES, '20-assessment-added.yaml'));
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/note: it was played on a version of .* whose assessment material differs \(assessment\)/);
  });

  it('without --scenario the output says what the checksums do not prove', async () => {
    const { run } = await play(course);
    const r = await cli('replay', 'verify', run);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/re-run on the copy of the scenario inside the file/);
    expect(r.out).toMatch(/checksums anyone can recompute/);
  });
});

describe('report --compare takes only a run of the same scenario and seed', () => {
  it('refuses another scenario’s run and names the difference (it used to call it "the same scenario and seed")', async () => {
    const a = await play(course, '7', 'historical');
    const b = await play(changed, '7', 'none');
    const r = await cli('report', a.run, '--compare', b.run, '--out', join(a.dir, 'r.html'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--compare needs a run of the same scenario and seed as .*run\.json, but it was played on a different version of scenario "course"/);
    expect(r.err).toContain('levers[exchange-mfa].costPerLevel');
    expect(r.files.size).toBe(0);
  });

  it('refuses a run on another seed', async () => {
    const a = await play(course, '7', 'historical');
    const b = await play(course, '8', 'none');
    const r = await cli('report', a.run, '--compare', b.run, '--out', join(a.dir, 'r.html'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/needs a run on the same seed as .* \(seed 7\), but it was played on seed 8/);
  });

  it('accepts a run of the same scenario and seed', async () => {
    const a = await play(course, '7', 'historical');
    const b = await play(course, '7', 'none');
    const out = join(a.dir, 'r.html');
    const r = await cli('report', a.run, '--compare', b.run, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/decisions of .*run\.json \(same scenario, same seed\)/);
  });
});

describe('replay link', () => {
  it('prints a link that opens the run (a shipped scenario), and refuses one the site would not have', async () => {
    const dir = tempDir();
    const run = join(dir, 'run.json');
    expect((await cli('sim', 'scenarios/tutorial.yaml', '--seed', '5', '--out', run)).code).toBe(0);
    const r = await cli('replay', 'link', run, '--site', 'https://class.example.edu/cashout/');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^https:\/\/class\.example\.edu\/cashout\/\?run=[A-Za-z0-9_-]+\n$/);
    const { openRunLink } = await import('../../src/io/share-link.ts');
    const { loadScenarioFile } = await import('../../src/scenario/load-file.ts');
    const tutorial = await loadScenarioFile('scenarios/tutorial.yaml');
    const opened = await openRunLink(new URL(r.out.trim()).searchParams.get('run')!, async () => (tutorial.ok ? { ok: true, scenario: tutorial.value } : { ok: false, message: 'x' }));
    expect(opened.ok && opened.replay.finalStateHash).toBe(JSON.parse(readFileSync(run, 'utf8')).finalStateHash);

    const mine = await play(course);
    const no = await cli('replay', 'link', mine.run, '--site', 'https://class.example.edu/');
    expect(no.code).toBe(1);
    expect(no.err).toMatch(/not one of the shipped scenarios, so give the path the site serves it at \(--scenario-path/);
    const yes = await cli('replay', 'link', mine.run, '--site', 'https://class.example.edu/', '--scenario-path', '/courses/course.yaml');
    expect(yes.code, yes.err).toBe(0);
  });
});

describe('replay files follow the one seed rule', () => {
  it('a replay whose seed carries terminal codes is refused at the seed, with its line', async () => {
    const { run } = await play(course);
    edit(run, (x) => {
      x.seed = '7\u001b[2J';
    });
    const r = await cli('replay', 'verify', run);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/run\.json:\d+:\d+: error: seed: a seed is 1–200 visible characters with no control characters/);
  });
});
