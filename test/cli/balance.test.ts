import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BALANCE_DEFAULTS } from '../../src/cli/balance.ts';
import { DEFAULT_SENSITIVITY_RUNS } from '../../src/cli/batch.ts';
import { parsePolicyText } from '../../src/io/policy-load.ts';
import { mini } from '../fixtures/mini.ts';
import { cli, tempDir, writeMini } from './harness.ts';

const SMALL = ['--generations', '3', '--population', '8', '--runs', '8', '--check-runs', '20'];

/** The JSON report without the wall-clock figure, which is all that may differ between runs. */
function report(out: string) {
  const { seconds: _s, workers: _w, ...rest } = JSON.parse(out);
  return rest;
}

describe('cashout balance', () => {
  it('is reproducible for a seed, whatever the number of workers', async () => {
    const file = writeMini(tempDir());
    const a = await cli('balance', file, ...SMALL, '--seed', '7', '--workers', '1', '--json');
    const b = await cli('balance', file, ...SMALL, '--seed', '7', '--workers', '2', '--json');
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(report(a.out)).toEqual(report(b.out));
    const c = await cli('balance', file, ...SMALL, '--seed', '8', '--workers', '1', '--json');
    expect(report(c.out).history).not.toEqual(report(a.out).history);
  });

  it('reports the best policies, the balanced one and every degenerate strategy against it', async () => {
    const r = await cli('balance', writeMini(tempDir()), ...SMALL, '--workers', '1', '--json');
    const j = report(r.out);
    expect(j.settings).toMatchObject({ method: 'cross-entropy', generations: 3, population: 8, optimiserSeed: '1' });
    expect(j.settings.searchSeeds).toEqual({ from: '1', to: '8', count: 8 });
    expect(j.settings.checkSeeds).toEqual({ from: '100001', to: '100020', count: 20 });
    expect(j.history).toHaveLength(3);
    expect(j.best.length).toBeGreaterThan(0);
    for (const c of j.best) expect(c.evaluation.runs).toBe(20);
    const kinds = new Set(j.strategies.map((m: { contender: { kind: string } }) => m.contender.kind));
    expect([...kinds].sort()).toEqual(['event-levers-held', 'event-timed', 'lever-alone', 'role-idle', 'sector-alone']);
    expect(j.verdict.sentence).toMatch(/best balanced policy/);
  });

  it('prints a readable report with a progress bar, and writes the HTML page and the policy file', async () => {
    const dir = tempDir();
    const html = join(dir, 'balance.html');
    const best = join(dir, 'best.yaml');
    const file = writeMini(dir);
    const r = await cli('balance', file, ...SMALL, '--workers', '1', '--out', html, '--policy-out', best);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/balance \[#+\.*\] \d+% \d+\/\d+ runs/);
    expect(r.out).toMatch(/^Verdict: The best balanced policy/m);
    expect(r.out).toMatch(/^Best policies found \(on the 20 check seeds\)/m);
    expect(r.out).toMatch(/^Degenerate strategies against it/m);
    expect(r.out).toMatch(/Sanction mixers alone \(level 3\)/);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<svg /);
    expect(page).not.toMatch(/<script|src="http|href="http/);
    const policy = parsePolicyText(readFileSync(best, 'utf8'), best, mini);
    expect(policy.ok).toBe(true);
    const sim = await cli('sim', '--scenario', file, '--policy', best, '--json');
    expect(sim.code).toBe(0);
  });

  it('refuses bad numbers and a missing scenario with usage errors, never a stack trace', async () => {
    const file = writeMini(tempDir());
    for (const [flag, value, message] of [
      ['--generations', '0', /--generations is a whole number from 1/],
      ['--population', 'lots', /--population is a whole number/],
      ['--runs', '1.5', /--runs is a whole number/],
      ['--seed', 'a b', /--seed is 1 to 64 letters/],
    ] as const) {
      const r = await cli('balance', file, flag, value);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.err).not.toMatch(/\n\s+at /);
    }
    expect((await cli('balance')).code).toBe(2);
  });

  it('refuses an output path it cannot write before searching (exit 1)', async () => {
    const dir = tempDir();
    const file = writeMini(dir);
    const missing = await cli('balance', file, '--out', join(dir, 'no', 'such', 'r.html'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/the folder .* does not exist/);
    const folder = await cli('balance', file, '--out', dir);
    expect(folder.code).toBe(1);
    expect(folder.err).toMatch(/is a folder/);
    const self = await cli('balance', file, '--policy-out', file);
    expect(self.code).toBe(1);
    expect(self.err).toMatch(/is also an input/);
  });

  it('refuses an invalid scenario with file:line:column (exit 1)', async () => {
    const file = writeMini(tempDir(), (s) => {
      (s.calendar as Record<string, unknown>).turns = 'six';
    });
    const r = await cli('balance', file, ...SMALL);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/mini\.yaml:\d+:\d+: /);
  });

  it('is listed in help with its real defaults', async () => {
    const r = await cli('help');
    expect(r.out).toMatch(/cashout balance <scenario>/);
    const d = BALANCE_DEFAULTS;
    for (const flag of [`--generations ${d.generations}`, `--population ${d.population}`, `--runs ${d.runs}`, `--check-runs ${d.checkRuns}`, `--phases ${d.phases}`, `--seed ${d.seed}`])
      expect(r.out).toContain(flag);
    expect(r.out).toContain(`--sensitivity-runs ${DEFAULT_SENSITIVITY_RUNS}`);
  });
});
