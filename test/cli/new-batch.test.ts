import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../../src/scenario/load.ts';
import { scenarioTemplate } from '../../src/scenario/template.ts';
import { cli, tempDir, writeMini } from './harness.ts';

describe('cashout new', () => {
  it('the template is a complete scenario that passes check with no warnings', () => {
    const r = parseScenarioText(scenarioTemplate('t'), 't.yaml');
    expect(r.ok && r.warnings).toEqual([]);
    if (!r.ok) return;
    expect(r.value.events.scripted.length + r.value.events.random.length + r.value.events.conditional.length).toBe(3);
    expect(Object.keys(r.value.policies)).toEqual(['none', 'historical']);
  });

  it('writes the file with an id from its name, and the schema beside it', async () => {
    const dir = tempDir();
    const file = join(dir, 'My Course.yaml');
    const r = await cli('new', file);
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^id: my-course$/m);
    expect(existsSync(join(dir, 'scenario.schema.json'))).toBe(true);
    expect((await cli('check', file)).code).toBe(0);
  });

  it('refuses to overwrite an existing file', async () => {
    const dir = tempDir();
    const file = join(dir, 'x.yaml');
    await cli('new', file);
    const r = await cli('new', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/already exists/);
  });
});

describe('cashout batch', () => {
  it('gives the same percentiles on 1 worker and on 2 (same seeds for every policy)', async () => {
    const file = writeMini(tempDir());
    const one = await cli('batch', file, '--runs', '120', '--workers', '1', '--json');
    const two = await cli('batch', file, '--runs', '120', '--workers', '2', '--json');
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const a = JSON.parse(one.out);
    const b = JSON.parse(two.out);
    expect(a.policies).toEqual(b.policies);
    expect(a.policies.map((p: { policy: string }) => p.policy)).toEqual(['none', 'tough']);
    expect(a.seeds).toEqual({ from: 1, to: 120 });
  });

  it('reports p5 ≤ p50 ≤ p95 and how often each objective is met', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', '50', '--workers', '1', '--policy', 'tough', '--json');
    const [p] = JSON.parse(r.out).policies;
    expect(p.runs).toBe(50);
    const c = p.metrics.cashedOutUsd;
    expect(c.p5).toBeLessThanOrEqual(c.p50);
    expect(c.p50).toBeLessThanOrEqual(c.p95);
    expect(p.objectives[0].metRate).toBeGreaterThanOrEqual(0);
    expect(p.objectives[0].metRate).toBeLessThanOrEqual(1);
  });

  it('tough policy beats none on median cash-out for the same seeds', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', '100', '--workers', '1', '--json');
    const [none, tough] = JSON.parse(r.out).policies;
    expect(tough.metrics.cashedOutUsd.p50).toBeLessThan(none.metrics.cashedOutUsd.p50);
  });

  it('shows progress on stderr and a readable table, with the spread from luck alone beside it', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', '30', '--workers', '1');
    // 2 policies × 30 runs, each of the 3 levers at its maximum on top of "none" × 30,
    // then the 2 policies again at point values × 30.
    expect(r.err).toMatch(/batch \[#+\.*\] \d+% \d+\/210 runs/);
    expect(r.err).toMatch(/100% 210\/210 runs/);
    expect(r.out).toMatch(/Policy "tough"/);
    expect(r.out).toMatch(/p5–p95, luck alone/);
    expect(r.out).toMatch(/Objectives met:/);
  });

  it('--point-values plays every ranged figure at its value: one pass, luck alone', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', '10', '--workers', '1', '--point-values', '--json');
    const out = JSON.parse(r.out);
    expect(out.parameters).toBe('point');
    expect(out.policies[0].luckOnly).toBeUndefined();
  });

  it('writes a self-contained HTML report with histograms', async () => {
    const dir = tempDir();
    const html = join(dir, 'b.html');
    const r = await cli('batch', writeMini(dir), '--runs', '40', '--workers', '1', '--html', html);
    expect(r.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page.match(/<svg /g)?.length).toBeGreaterThanOrEqual(7);
    expect(page).not.toMatch(/<script|src="http|href="http/);
  });

  it('refuses wrong numbers with a usage error', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', 'many');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--runs is a whole number/);
  });
});
