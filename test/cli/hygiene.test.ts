// The command line's edges: output paths, inputs never overwritten, names that are also
// JavaScript built-ins, seeds, workers, and text from files that must not drive the terminal.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedBase, parseWorkers } from '../../src/cli/options.ts';
import { plain, plainTerminal } from '../../src/cli/plain.ts';
import { cli, tempDir, writeMini } from './harness.ts';

const ESC = '\u001b';
const noInternalError = (r: { code: number; err: string }) => {
  expect(r.code).not.toBe(3);
  expect(r.err).not.toMatch(/internal error/);
};

describe('output paths', () => {
  it('sim --out into a missing folder: exit 1, says which folder', async () => {
    const dir = tempDir();
    const r = await cli('sim', writeMini(dir), '--out', join(dir, 'no', 'such', 'run.json'));
    noInternalError(r);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/the folder .*no\/such does not exist; create it first/);
  });

  it('sim --out naming a folder: exit 1, asks for a file inside it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'runs'));
    const r = await cli('sim', writeMini(dir), '--out', join(dir, 'runs'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is a folder; give a file name inside it/);
  });

  it('sim --out equal to its scenario is refused and the scenario is untouched', async () => {
    const dir = tempDir();
    const file = writeMini(dir);
    const before = readFileSync(file, 'utf8');
    const r = await cli('sim', file, '--out', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/is also an input; choose another file so the input is not overwritten/);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('report --out equal to its replay (even spelt differently) is refused', async () => {
    const dir = tempDir();
    const run = join(dir, 'run.json');
    expect((await cli('sim', writeMini(dir), '--out', run)).code).toBe(0);
    const before = readFileSync(run, 'utf8');
    const r = await cli('report', run, '--out', join(dir, '.', 'run.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/also an input/);
    expect(readFileSync(run, 'utf8')).toBe(before);
  });

  it('batch --html into a missing folder fails before any run', async () => {
    const dir = tempDir();
    const r = await cli('batch', writeMini(dir), '--runs', '5', '--workers', '1', '--html', join(dir, 'nope', 'b.html'));
    noInternalError(r);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/does not exist/);
  });

  it('schema --out and new refuse a folder', async () => {
    const dir = tempDir();
    expect((await cli('schema', '--out', dir)).code).toBe(1);
    const r = await cli('new', join(dir, 'missing', 'course.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/does not exist/);
  });

  it('a write that fails anyway (read-only file) is exit 1 in words', async () => {
    const dir = tempDir();
    const target = join(dir, 'locked.json');
    writeFileSync(target, '');
    const { chmodSync } = await import('node:fs');
    chmodSync(target, 0o444);
    const r = await cli('sim', writeMini(dir), '--out', target);
    // root may write anyway; a normal user gets "permission denied"
    if (r.code !== 0) {
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/no permission to write/);
    }
    noInternalError(r);
  });
});

describe('calibrate writes only when asked', () => {
  it('without --out it prints the report and writes nothing', async () => {
    const r = await cli('calibrate', '--runs', '3', 'scenarios/2019-2020-exchange-era.yaml');
    expect(r.files.size).toBe(0);
    expect(r.out).toContain('# Calibration: the model against the documented record');
    expect(r.err).toMatch(/printed the report \(write it with --out docs\/calibration\.md\)/);
  });

  it('--out equal to a scenario it reads is refused', async () => {
    const dir = tempDir();
    const copy = join(dir, 'era.yaml');
    writeFileSync(copy, readFileSync('scenarios/2019-2020-exchange-era.yaml'));
    const r = await cli('calibrate', '--runs', '3', '--out', copy, copy);
    expect(r.code).toBe(1);
    expect(r.files.size).toBe(0);
  });
});

describe('names that are JavaScript built-ins', () => {
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    it(`sim --policy ${name}: exit 1, "not a policy", never an internal error`, async () => {
      const r = await cli('sim', writeMini(tempDir()), '--policy', name);
      noInternalError(r);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/is neither a policy of scenario "mini" \(none, tough\)/);
    });
  }

  it('batch --policy constructor and report --compare constructor are refused the same way', async () => {
    const dir = tempDir();
    const file = writeMini(dir);
    const b = await cli('batch', file, '--runs', '2', '--workers', '1', '--policy', 'constructor');
    noInternalError(b);
    expect(b.code).toBe(1);
    const run = join(dir, 'run.json');
    await cli('sim', file, '--out', run);
    const r = await cli('report', run, '--compare', 'constructor', '--out', join(dir, 'r.html'));
    noInternalError(r);
    expect(r.code).toBe(1);
  });

  it('a command named like a built-in is an unknown command', async () => {
    const r = await cli('constructor');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "constructor"/);
  });

  it('a scenario cannot define a policy named "constructor" in the first place', async () => {
    const file = writeMini(tempDir(), (s) => {
      Object.defineProperty(s.policies, 'constructor', { value: { description: 'Named like a built-in.' }, enumerable: true });
    });
    const r = await cli('sim', file, '--policy', 'constructor', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/mini\.yaml:\d+:\d+: error: policies\.constructor: "constructor" cannot be used as a field name/);
  });
});

describe('seeds and workers, validated one way', () => {
  it('sim --seed "" is refused before a replay is written', async () => {
    const dir = tempDir();
    const out = join(dir, 'run.json');
    const r = await cli('sim', writeMini(dir), '--seed', '', '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seed must not be empty/);
    expect(r.files.size).toBe(0);
  });

  it('sim --seed with a control character or outer spaces is refused', async () => {
    expect((await cli('sim', writeMini(tempDir()), '--seed', `4${ESC}[2J2`)).err).toMatch(/control characters/);
    expect((await cli('sim', writeMini(tempDir()), '--seed', ' 42')).err).toMatch(/spaces/);
  });

  it('every seed sim accepts is one replay verify accepts', async () => {
    const dir = tempDir();
    const out = join(dir, 'run.json');
    expect((await cli('sim', writeMini(dir), '--seed', 'x'.repeat(200), '--out', out)).code).toBe(0);
    expect((await cli('replay', 'verify', out)).code).toBe(0);
    expect((await cli('sim', writeMini(dir), '--seed', 'x'.repeat(201))).code).toBe(2);
  });

  it('batch --seed-base 1e300 (every seed the same) is refused', async () => {
    const r = await cli('batch', writeMini(tempDir()), '--runs', '3', '--seed-base', '1e300');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seed-base is a whole number from 0 to/);
    expect(() => parseSeedBase('9007199254740991', 2)).toThrow(/every run the same seed/);
    expect(parseSeedBase('9007199254740990', 2)).toBe(9007199254740990);
    expect(() => parseSeedBase('-1', 2)).toThrow();
    expect(() => parseSeedBase('1.5', 2)).toThrow();
  });

  it('--workers is capped at the cores available, with a note', async () => {
    expect(parseWorkers('64', 2)).toEqual({ workers: 2, note: '--workers 64: this machine has 2 cores; using 2' });
    expect(parseWorkers('1', 2)).toEqual({ workers: 1 });
    expect(parseWorkers(undefined, 3)).toEqual({ workers: 3 });
    expect(() => parseWorkers('0', 2)).toThrow(/1 or more/);
    expect(() => parseWorkers('2.5', 2)).toThrow();
    const r = await cli('batch', writeMini(tempDir()), '--runs', '4', '--workers', '100000', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).workers).toBeLessThanOrEqual(256);
    expect(r.err).toMatch(/--workers 100000: this machine has \d+ cores?; using \d+/);
  });
});

describe('text from files never drives the terminal', () => {
  it('plain() drops control characters and bidi overrides, keeps line breaks and tabs', () => {
    expect(plain(`a${ESC}[2J${ESC}[Hb\u0007c\u202ed\te\nf\u0085`)).toBe('a[2J[Hbcd\te\nf');
    expect(plainTerminal(`\rbatch [##] 50%${ESC}[K`)).toBe(`\rbatch [##] 50%${ESC}[K`);
    expect(plainTerminal(`ok: "\r${ESC}[Kverified"`)).toBe('ok: "[Kverified"');
  });

  it('check and sim print a title with terminal codes as plain text', async () => {
    const file = writeMini(tempDir(), (s) => {
      s.title = `Mini${ESC}[2J${ESC}[H\rverified`;
    });
    for (const args of [['check', file], ['sim', file, '--seed', '3']]) {
      const r = await cli(...args);
      expect(r.code).toBe(0);
      expect([...(r.out + r.err)].filter((c) => c < ' ' && c !== '\n' && c !== '\t')).toEqual([]);
      expect(r.out).toContain('Mini[2J[Hverified');
    }
  });

  it('replay verify prints a replay title and note with terminal codes as plain text', async () => {
    const dir = tempDir();
    const out = join(dir, 'run.json');
    await cli('sim', writeMini(dir), '--out', out);
    const replay = JSON.parse(readFileSync(out, 'utf8'));
    replay.scenario.title = `${ESC}[2J${ESC}[1;1Hverified: everything`;
    writeFileSync(out, JSON.stringify(replay));
    const r = await cli('replay', 'verify', out);
    expect(r.out + r.err).not.toContain(ESC);
  });
});
