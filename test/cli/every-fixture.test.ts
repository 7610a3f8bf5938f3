// Bad input never breaks the program: every scenario and replay file the project ships or
// tests with is either accepted (and then plays to the end with real numbers) or refused
// with located messages; never an internal error (exit 3), a NaN, or a hang.
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli } from './harness.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function files(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'node_modules' && name !== 'golden') files(p, out);
    } else if (/\.(ya?ml|json)$/.test(name) && !name.endsWith('.schema.json')) out.push(p);
  }
  return out;
}

const all = [...files(join(ROOT, 'scenarios')), ...files(join(ROOT, 'test'))].map((p) => relative(ROOT, p)).sort();
const scenarios = all.filter((p) => /\.ya?ml$/.test(p));
const replays = all.filter((p) => p.endsWith('.json'));

describe('every scenario file in the project', () => {
  it.each(scenarios)('%s: check accepts it or lists located errors; an accepted one plays to the end', async (file) => {
    const checked = await cli('check', join(ROOT, file));
    expect([0, 1], checked.err).toContain(checked.code);
    if (checked.code === 1) {
      expect(checked.err).toMatch(/:\d+:\d+: error: /);
      return;
    }
    const sim = await cli('sim', '--scenario', join(ROOT, file), '--seed', '3', '--json');
    expect(sim.code, sim.err).toBe(0);
    expect(sim.out).not.toMatch(/[:[,]\s*-?(NaN|Infinity)\b|undefined/);
  }, 60_000);
});

describe('every JSON file in the tests', () => {
  it.each(replays.length ? replays : ['(none)'])('%s: replay verify says verified or why not, never an internal error', async (file) => {
    if (file === '(none)') return;
    const r = await cli('replay', 'verify', join(ROOT, file));
    expect([0, 1], r.err).toContain(r.code);
  }, 60_000);
});
