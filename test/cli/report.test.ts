import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { niceTicks } from '../../src/report/svg.ts';
import { cli, tempDir, writeMini } from './harness.ts';

async function recorded(policy = 'tough') {
  const dir = tempDir();
  const run = join(dir, 'run.json');
  expect((await cli('sim', writeMini(dir), '--seed', '42', '--policy', policy, '--out', run)).code).toBe(0);
  return { dir, run };
}

describe('cashout report', () => {
  it('writes one self-contained HTML file with the charts and no external references', async () => {
    const { dir, run } = await recorded();
    const out = join(dir, 'report.html');
    const r = await cli('report', run, '--out', out);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html.match(/<svg /g)?.length).toBe(4);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|href=|@import|url\(/i);
    expect(html).toMatch(/<h2>Objectives<\/h2>/);
    expect(html).toMatch(/<h2>Key decisions<\/h2>/);
    expect(html).toMatch(/Sanction mixers<\/strong> 0 → 2/);
    expect(html).toMatch(/<h2>Timeline<\/h2>/);
  });

  it('shows the counterfactual as paired lines and a table of differences', async () => {
    const { dir, run } = await recorded();
    const out = join(dir, 'r.html');
    await cli('report', run, '--out', out, '--compare', 'none');
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/Differences: policy &#34;none&#34; minus this run/);
    expect(html.match(/stroke-dasharray="7 4"/g)?.length).toBeGreaterThanOrEqual(4); // the counterfactual's dashed line per chart
    expect(html).toMatch(/same random numbers/);
  });

  it('compares with another replay file\u2019s decisions', async () => {
    const a = await recorded('tough');
    const b = await recorded('none');
    const out = join(a.dir, 'r.html');
    const r = await cli('report', a.run, '--out', out, '--compare', b.run);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/decisions of .*run\.json/);
  });

  it('refuses a tampered replay and writes nothing', async () => {
    const { dir, run } = await recorded();
    const replay = JSON.parse(readFileSync(run, 'utf8'));
    replay.seed = '43';
    writeFileSync(run, JSON.stringify(replay));
    const out = join(dir, 'x.html');
    const r = await cli('report', run, '--out', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Turn 1 \(2022-01\) differs/);
    expect(r.files.has(out)).toBe(false);
  });

  it('axis ticks are round numbers covering the maximum', () => {
    expect(niceTicks(97)).toEqual([0, 50, 100]);
    expect(niceTicks(1_234)).toEqual([0, 500, 1000, 1500]);
    expect(niceTicks(0)).toEqual([0]);
  });
});
