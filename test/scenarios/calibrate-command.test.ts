// `cashout calibrate` in-process: the report it writes and the way it refuses bad input.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrationMarkdown, runCalibrate } from '../../src/cli/calibrate.ts';
import { type Io, UsageError } from '../../src/cli/io.ts';
import { SCENARIO_DIR } from './shipped.ts';

function capture() {
  const io = { out: '', err: '', files: new Map<string, string>() };
  const sink: Io = {
    out: (t) => {
      io.out += `${t}\n`;
    },
    err: (t) => {
      io.err += `${t}\n`;
    },
    writeFile: async (p, t) => {
      io.files.set(p, t);
    },
  };
  return { io, sink };
}

const era = join(SCENARIO_DIR, '2019-2020-exchange-era.yaml');

describe('cashout calibrate', () => {
  it('writes a Markdown table with documented value, median, p5–p95, band and sources', async () => {
    const { io, sink } = capture();
    const code = await runCalibrate(['--runs', '20', '--param-draws', '4', '--luck-seeds', '4', '--out', 'cal.md', era], sink);
    expect(code).toBe(0);
    const md = io.files.get('cal.md')!;
    expect(md).toContain('# Calibration: the model against the documented record');
    expect(md).toContain('## 2019–2020: the exchange era');
    expect(md).toMatch(/\| Stolen \| \$ 316\.4 M \| documented \|/);
    expect(md).toContain('`s16-un-panel`: CNN');
    expect(md).toContain('seeds 1–20');
    // luck and parameter uncertainty are shown apart
    expect(md).toContain('p5–p95 (luck alone)');
    expect(md).toContain('p5–p95 of medians (parameters alone)');
    expect(md).toContain('4 parameter draws, each played over the same 4 luck seeds');
    expect(md).toMatch(/\| Launches \(missiles\) in 2020 \| 8 \|/);
    expect(io.out).toContain('wrote cal.md');
  });

  it('is deterministic: the same seeds give the same report', async () => {
    const a = capture();
    const b = capture();
    await runCalibrate(['--runs', '10', '--param-draws', '2', '--luck-seeds', '2', '--out', 'x.md', era], a.sink);
    await runCalibrate(['--runs', '10', '--param-draws', '2', '--luck-seeds', '2', '--out', 'x.md', era], b.sink);
    expect(a.io.files.get('x.md')).toBe(b.io.files.get('x.md'));
  });

  it('skips a named scenario without a calibration section, and refuses when none is left', async () => {
    const { io, sink } = capture();
    await expect(runCalibrate(['--runs', '5', '--param-draws', '1', '--luck-seeds', '1', join(SCENARIO_DIR, 'tutorial.yaml')], sink)).rejects.toThrow(UsageError);
    expect(io.err).toContain('no calibration section; skipped');
  });

  it('refuses a bad --runs, --param-draws or --luck-seeds', async () => {
    await expect(runCalibrate(['--runs', '0', era], capture().sink)).rejects.toThrow(/--runs/);
    await expect(runCalibrate(['--param-draws', 'x', era], capture().sink)).rejects.toThrow(/--param-draws/);
    await expect(runCalibrate(['--luck-seeds', '-1', era], capture().sink)).rejects.toThrow(/--luck-seeds/);
  });

  it('reports an unreadable scenario with exit 1', async () => {
    const { io, sink } = capture();
    const missing = join(mkdtempSync(join(tmpdir(), 'cal-')), 'nope.yaml');
    expect(await runCalibrate(['--runs', '5', '--param-draws', '1', '--luck-seeds', '1', missing], sink)).toBe(1);
    expect(io.err).toContain('nope.yaml');
  });

  it('flags a median outside its band in the report and the exit code', async () => {
    const { io, sink } = capture();
    const dir = mkdtempSync(join(tmpdir(), 'cal-'));
    const narrow = join(dir, 'narrow.yaml');
    const text = readFileSync(era, 'utf8').replace('band: [24, 46]', 'band: [1, 2]');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(narrow, text);
    expect(await runCalibrate(['--runs', '10', '--param-draws', '2', '--luck-seeds', '2', '--out', 'n.md', narrow], sink)).toBe(1);
    expect(io.files.get('n.md')).toContain('**NO**');
    expect(io.out).toContain('MISS');
  });

  it('renders a report with no scenarios as a header only', () => {
    expect(calibrationMarkdown([], { runs: 5, paramDraws: 2, luckSeeds: 2 })).toContain('Every historical-policy median lies inside its band.');
  });
});
