import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, readJson, tempDir, writeMini } from './harness.ts';

describe('cashout check', () => {
  it('accepts a valid scenario', async () => {
    const r = await cli('check', writeMini(tempDir()));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ok: .*mini\.yaml — "Mini" \(mini\), 6 turns, 3 levers/m);
  });

  it('refuses a bad scenario with file:line:column messages and exit 1', async () => {
    const file = writeMini(tempDir(), (s) => {
      (s.calendar as Record<string, unknown>).turns = 'six';
    });
    const r = await cli('check', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: .*calendar\\.turns`));
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it('reports a missing file without a stack trace', async () => {
    const r = await cli('check', join(tempDir(), 'nope.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/nope\.yaml:1:1: /);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('needs at least one file (usage error, exit 2)', async () => {
    const r = await cli('check');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/name at least one scenario file/);
  });
});

describe('cashout sim', () => {
  it('prints the JSON summary with the promised fields', async () => {
    const r = await cli('sim', '--scenario', writeMini(tempDir()), '--seed', '42', '--policy', 'tough', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    for (const k of ['scenario', 'seed', 'turns', 'stolenUsd', 'cashedOutUsd', 'frozenUsd', 'launches', 'missileSpendYen', 'finalStateHash', 'perTurn'])
      expect(j).toHaveProperty(k);
    expect(j.scenario).toBe('mini');
    expect(j.seed).toBe('42');
    expect(j.turns).toBe(6);
    expect(j.perTurn).toHaveLength(6);
    expect(Object.keys(j.launches).sort()).toEqual(['icbm', 'srbm']);
    expect(j.missileSpendYen).toBe(Math.round(j.missileSpendUsd * 130));
  });

  it('is deterministic: same seed and policy give the same output', async () => {
    const file = writeMini(tempDir());
    const a = await cli('sim', file, '--seed', '7', '--json');
    const b = await cli('sim', file, '--seed', '7', '--json');
    expect(a.out).toBe(b.out);
  });

  it('plays "none" by default when the scenario has no historical policy', async () => {
    const r = await cli('sim', writeMini(tempDir()), '--seed', '7', '--json');
    expect(JSON.parse(r.out).policy).toBe('none');
  });

  it('prints a readable turn-by-turn table without --json', async () => {
    const r = await cli('sim', writeMini(tempDir()), '--seed', '3');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Turn\s+Month\s+Stolen/);
    expect(r.out).toMatch(/^\s+6\s+2022-06/m);
    expect(r.out).toMatch(/Objectives:/);
  });

  it('plays a policy file', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, 'description: Validators only\nturns:\n  1: { bridge_validators: 3 }\n');
    const r = await cli('sim', writeMini(dir), '--seed', '42', '--policy', policy, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).policy).toBe(policy);
  });

  it('refuses a policy file that breaks the budget, naming the turn', async () => {
    const dir = tempDir();
    const policy = join(dir, 'p.yaml');
    writeFileSync(policy, 'description: Too much\nturns:\n  2: { mixer_sanctions: 3, otc_designation: 2 }\n');
    const r = await cli('sim', writeMini(dir), '--seed', '42', '--policy', policy);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/turn 2/);
    expect(r.err).toMatch(/budget|points/);
  });

  it('rejects an unknown policy name with the known ones (exit 1: the name is not in the file)', async () => {
    const r = await cli('sim', writeMini(tempDir()), '--policy', 'nonsense');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/none, tough/);
  });
});

describe('cashout replay verify', () => {
  async function recorded() {
    const dir = tempDir();
    const out = join(dir, 'run.json');
    const r = await cli('sim', writeMini(dir), '--seed', '42', '--policy', 'tough', '--json', '--out', out);
    expect(r.code).toBe(0);
    return { dir, out, summary: JSON.parse(r.out) };
  }

  it('verifies an untouched replay', async () => {
    const { out } = await recorded();
    const r = await cli('replay', 'verify', out);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/verified/);
  });

  it('names the first turn that differs when a decision was edited', async () => {
    const { out } = await recorded();
    const replay = readJson(out) as { events: { type: string; lever?: string; level?: number }[] };
    const e = replay.events.find((x) => x.type === 'SET_LEVER' && x.lever === 'otc_designation')!;
    e.level = 1;
    writeFileSync(out, JSON.stringify(replay));
    const r = await cli('replay', 'verify', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Turn 3 \(2022-03\) differs/);
  });

  it('refuses a replay from another engine version', async () => {
    const { out } = await recorded();
    const replay = readJson(out) as Record<string, unknown>;
    replay.engineVersion = '0.0.1';
    writeFileSync(out, JSON.stringify(replay));
    const r = await cli('replay', 'verify', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/engine 0\.0\.1/);
  });

  it('refuses malformed JSON with line and column', async () => {
    const { out } = await recorded();
    writeFileSync(out, readFileSync(out, 'utf8').replace('"seed"', '"seed" "oops",'));
    const r = await cli('replay', 'verify', out);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/run\.json:\d+:\d+: /);
  });

  it('the sim --out replay carries the same per-turn hashes as the JSON summary', async () => {
    const { out, summary } = await recorded();
    const replay = readJson(out) as { turnHashes: string[]; finalStateHash: string };
    expect(replay.turnHashes).toEqual(summary.perTurn.map((t: { hash: string }) => t.hash));
    expect(replay.finalStateHash).toBe(summary.finalStateHash);
  });
});

describe('cashout schema and help', () => {
  it('prints a JSON Schema with the scenario fields', async () => {
    const r = await cli('schema');
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.out);
    expect(schema.properties.levers).toBeDefined();
    expect(schema.properties.sectors).toBeDefined();
  });

  it('unknown command is a usage error', async () => {
    const r = await cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown command "frobnicate"/);
  });
});
