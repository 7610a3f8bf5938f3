// The command line ships compiled (dist/cli, built by `npm ci` through the prepare
// script). It must behave exactly like the TypeScript sources, including worker threads.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/cashout.js', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

beforeAll(() => {
  const built = spawnSync(process.execPath, ['scripts/build-cli.mjs'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  expect(built.status, built.stderr).toBe(0);
}, 150_000);

describe('the compiled command line', () => {
  it('records the sources it was built from, all of them inside src/', () => {
    const { inputs } = JSON.parse(readFileSync(`${ROOT}dist/cli/inputs.json`, 'utf8')) as { inputs: string[] };
    expect(inputs).toContain('src/cli/main.ts');
    expect(inputs.every((p) => p.startsWith('src/'))).toBe(true);
  });

  it('plays the same game as the sources: sim --json is byte-identical', () => {
    const args = ['sim', '--scenario', 'scenarios/tutorial.yaml', '--seed', '5', '--json'];
    const compiled = run(args);
    const source = run(args, { CASHOUT_FROM_SOURCE: '1' });
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(source.status, source.stderr).toBe(0);
    expect(compiled.stdout).toBe(source.stdout);
    expect(JSON.parse(compiled.stdout).turns).toBe(6);
  }, 120_000);

  it('runs batch on two worker threads from the compiled bundle, with the same percentiles as one', () => {
    const args = (w: string) => ['batch', '--scenario', 'scenarios/tutorial.yaml', '--runs', '60', '--workers', w, '--json'];
    const two = run(args('2'));
    const one = run(args('1'));
    expect(two.status, two.stderr).toBe(0);
    const [a, b] = [JSON.parse(two.stdout), JSON.parse(one.stdout)];
    expect(a.workers).toBe(2);
    expect({ ...a, workers: 1 }).toEqual(b);
  }, 120_000);

  it('runs balance on compiled worker threads and finds what the sources find for the same seed', () => {
    const args = (w: string) => ['balance', 'scenarios/tutorial.yaml', '--generations', '2', '--population', '8', '--runs', '6', '--check-runs', '12', '--seed', '4', '--workers', w, '--json'];
    const compiled = run(args('2'));
    const source = run(args('1'), { CASHOUT_FROM_SOURCE: '1' });
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(source.status, source.stderr).toBe(0);
    const strip = (out: string) => {
      const { seconds: _s, workers: _w, ...rest } = JSON.parse(out);
      return rest;
    };
    expect(strip(compiled.stdout)).toEqual(strip(source.stdout));
  }, 120_000);

  it('refuses an unknown command, even one named like a JavaScript built-in, with usage (exit 2)', () => {
    for (const name of ['fly', 'constructor', 'toString']) {
      const r = run([name]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unknown command/);
    }
  }, 60_000);
});
