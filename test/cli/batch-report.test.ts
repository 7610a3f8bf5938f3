import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, tempDir, writeMini } from './harness.ts';

describe('cashout batch: the report that answers "winnable?" and "which lever?"', () => {
  it('gives each policy its description and the rate of meeting all objectives, and a verdict', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', '60', '--workers', '1', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    const [none, tough] = j.policies;
    expect(none.description).toBe('No new measures.');
    expect(tough.description).toMatch(/^Sanction mixers and harden bridges/);
    for (const p of j.policies) {
      // With one objective, meeting all of them is meeting that one.
      expect(p.allMetRate).toBe(p.objectives[0].metRate);
    }
    const winners = j.policies.filter((p: { allMetRate: number }) => p.allMetRate > 0.5).length;
    expect(j.verdict.winnable).toBe(winners > 0);
    expect(j.verdict.sentence).toMatch(winners ? new RegExp(`^Winnable: ${winners} of 2 `) : /^Not shown winnable/);
  });

  it('raises one lever at a time on top of "none", on the same seeds', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', '40', '--workers', '2', '--json');
    const s = JSON.parse(r.out).sensitivity;
    expect(s.base).toBe('none');
    expect(s.runs).toBe(40);
    expect(s.seeds).toEqual({ from: '1', to: '40' });
    expect(s.rows.map((x: { lever: string }) => x.lever).sort()).toEqual(['bridge_validators', 'mixer_sanctions', 'otc_designation']);
    const none = JSON.parse(r.out).policies[0];
    for (const row of s.rows) {
      // The base medians are the base policy's own medians on the same seeds.
      expect(row.metrics.cashedOutUsd.base).toBe(none.metrics.cashedOutUsd.p50);
      expect(row.metrics.cashedOutUsd.change).toBe(row.metrics.cashedOutUsd.value - row.metrics.cashedOutUsd.base);
    }
    const bridges = s.rows.find((x: { lever: string }) => x.lever === 'bridge_validators');
    expect(bridges.level).toBe(3);
    expect(bridges.metrics.stolenUsd.change).toBeLessThan(0); // hardening bridges lowers theft
  });

  it('takes another base, fewer sensitivity runs, or none', async () => {
    const file = writeMini(tempDir());
    const tough = JSON.parse((await cli('batch', file, '--runs', '30', '--workers', '1', '--base', 'tough', '--sensitivity-runs', '10', '--json')).out);
    expect(tough.sensitivity.base).toBe('tough');
    expect(tough.sensitivity.runs).toBe(10);
    // tough holds bridge validators at 3 all game: nothing to vary there.
    expect(tough.sensitivity.rows.map((x: { lever: string }) => x.lever)).not.toContain('bridge_validators');
    const off = JSON.parse((await cli('batch', file, '--runs', '30', '--workers', '1', '--sensitivity-runs', '0', '--json')).out);
    expect(off.sensitivity).toBeNull();
    const bad = await cli('batch', file, '--runs', '30', '--base', 'nonsense');
    expect(bad.code).toBe(1); // a name that is not in the scenario is invalid input, as for sim and report
    expect(bad.err).toMatch(/"nonsense" is not a policy of "mini"/);
  });

  it('prints the verdict, the all-objectives rate, targets and the lever table', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', '30', '--workers', '1');
    expect(r.out.split('\n')[2]).toMatch(/^(Winnable|Not shown winnable): /);
    expect(r.out).toMatch(/Policy "tough" — Sanction mixers and harden bridges/);
    expect(r.out).toMatch(/All objectives met: \d+\.\d % of runs/);
    expect(r.out).toMatch(/Cashed out .*≤ \$ 300\.0 M/);
    expect(r.out).toMatch(/^Which lever matters: each lever at its maximum on top of "none", 30 runs/m);
    expect(r.out).toMatch(/Decentralise bridge validators\s+3\s+/);
  });

  it('writes one JSON line per run with seed, policy, metrics and objectives met', async () => {
    const dir = tempDir();
    const out = join(dir, 'runs.jsonl');
    const r = await cli('batch', writeMini(dir), '--runs', '25', '--workers', '1', '--runs-out', out, '--json');
    expect(r.code).toBe(0);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows).toHaveLength(50);
    expect(rows[0]).toMatchObject({ policy: 'none', seed: '1' });
    expect(rows[49]).toMatchObject({ policy: 'tough', seed: '25' });
    for (const row of rows) {
      expect(Object.keys(row.objectives)).toEqual(['limit-cash']);
      expect(row.allObjectivesMet).toBe(row.objectives['limit-cash']);
      expect(row.objectives['limit-cash']).toBe(row.metrics.cashedOutUsd <= 300_000_000);
    }
    const j = JSON.parse(r.out);
    expect(rows.filter((x) => x.policy === 'tough' && x.allObjectivesMet).length / 25).toBe(j.policies[1].allMetRate);
  });

  it('puts the verdict, descriptions, target lines and tornado charts in the HTML report', async () => {
    const dir = tempDir();
    const html = join(dir, 'b.html');
    const r = await cli('batch', writeMini(dir), '--runs', '30', '--workers', '1', '--html', html);
    expect(r.code).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<p class="verdict[^"]*">(Winnable|Not shown winnable): /);
    expect(page).toContain('No new measures.');
    expect(page).toMatch(/<g class="target"><line [^>]*\/><text [^>]*>target ≤ \$ 300\.0 M<\/text>/);
    expect(page).toMatch(/aria-label="Runs meeting all objectives: change per lever/);
    expect(page).toMatch(/aria-label="Cashed out: change of the median per lever/);
    expect(page).toContain('All objectives at once');
    expect(page).not.toMatch(/<script|src="http|href="http/);
  });

  it('refuses an output path it cannot write before running (exit 1)', async () => {
    const dir = tempDir();
    const file = writeMini(dir);
    const r = await cli('batch', file, '--runs', '10', '--runs-out', join(dir, 'missing', 'runs.jsonl'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/--runs-out .* the folder .* does not exist/);
    const self = await cli('batch', file, '--runs', '10', '--html', file);
    expect(self.code).toBe(1);
    expect(self.err).toMatch(/is also an input/);
  });
});
