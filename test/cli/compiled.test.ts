// The command line ships compiled (dist/cli, built by `npm ci` through the prepare
// script). It must behave exactly like the TypeScript sources, including worker threads.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/cashout.cjs', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });

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

  it('writes a new scenario and its schema into an empty folder (exit 0)', () => {
    const dir = `${ROOT}test-results/compiled-new`;
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const r = run(['new', `${dir}/my-course.yaml`]);
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(`${dir}/my-course.yaml`)).toBe(true);
    expect(JSON.parse(readFileSync(`${dir}/scenario.schema.json`, 'utf8')).type).toBe('object');
    rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('stops quietly when its output pipe closes early (cashout schema | head)', async () => {
    const child = spawn(process.execPath, ['bin/cashout.cjs', 'schema'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  }, 60_000);

  it('lets a bundle use a dynamic import(), as a module Node loaded itself could', async () => {
    const name = `zz-dynamic-import-${process.pid}`;
    const file = `${ROOT}dist/cli/${name}.cjs`;
    writeFileSync(file, "module.exports = import('node:path').then((m) => m.join('a', 'b'));");
    try {
      const { loadCompiled } = createRequire(import.meta.url)('../../bin/compiled.cjs');
      await expect(loadCompiled(name, { refreshCache: false }).exports).resolves.toBe('a/b');
    } finally {
      rmSync(file, { force: true });
    }
  });

  it('refuses an unknown command, even one named like a JavaScript built-in, with usage (exit 2)', () => {
    for (const name of ['fly', 'constructor', 'toString']) {
      const r = run([name]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/unknown command/);
    }
  }, 60_000);

  it('compiles one bundle per command that holds no other command, and one for help', () => {
    const { commands } = JSON.parse(readFileSync(`${ROOT}dist/cli/inputs.json`, 'utf8')) as { commands: string[] };
    expect(commands).toEqual(expect.arrayContaining(['check', 'sim', 'batch', 'bots']));
    // The bots command's network client (colyseus.js) is only in the bots bundle.
    for (const c of commands) expect(readFileSync(`${ROOT}dist/cli/main-${c}.cjs`, 'utf8').includes('colyseus'), c).toBe(c === 'bots');
    expect(readFileSync(`${ROOT}dist/cli/main.cjs`, 'utf8').length).toBeLessThan(50_000);
    const help = run(['help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('cashout check');
  });

  describe('the V8 code cache beside the bundle (bin/compiled.cjs)', () => {
    const bundle = `${ROOT}dist/cli/main-check.cjs`; // the bundle `cashout check` runs
    const cache = `${bundle}.code-cache`;
    const saved = `${ROOT}tmp/main-check.cjs.code-cache.saved`;
    const check = () => run(['check', 'scenarios/tutorial.yaml']);
    const cacheUsed = () =>
      spawnSync(process.execPath, ['--input-type=module', '-e', "import { loadCompiled } from './bin/compiled.cjs'; console.log(loadCompiled('main-check', { refreshCache: false }).cacheUsed)"], {
        cwd: ROOT,
        encoding: 'utf8',
      }).stdout.trim();

    beforeAll(() => cpSync(cache, saved));
    afterEach(() => {
      rmSync(cache, { recursive: true, force: true });
      cpSync(saved, cache);
    });

    it('is written by the build for this bundle, and used', () => {
      expect(existsSync(cache)).toBe(true);
      expect(cacheUsed()).toBe('true');
    });

    it('a damaged cache is ignored (no crash, same output) and replaced by a good one', () => {
      const expected = check();
      expect(expected.status, expected.stderr).toBe(0);
      const damaged = readFileSync(cache);
      for (let i = 64; i < damaged.length; i += 997) damaged[i]! ^= 0xff;
      writeFileSync(cache, damaged);
      expect(cacheUsed()).toBe('false');
      const r = check();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe(expected.stdout);
      expect(cacheUsed()).toBe('true');
    });

    it("another build's cache (same length, different code) is ignored", () => {
      // V8 itself compares only the source's length; the cache's hash covers the bundle's bytes.
      const source = readFileSync(bundle, 'utf8');
      const renamed = source.replace('name at least one scenario file', 'NAME at least one scenario file');
      expect(renamed.length).toBe(source.length);
      const original = statSync(bundle);
      try {
        writeFileSync(bundle, renamed);
        expect(cacheUsed()).toBe('false');
        expect(run(['check']).stderr).toContain('NAME at least one scenario file');
      } finally {
        writeFileSync(bundle, source);
        // Keep the build fresh in bin/load-cli.cjs's eyes (its time is the newest output's).
        rmSync(cache, { force: true });
        spawnSync('touch', ['-d', `@${original.mtimeMs / 1000}`, bundle]);
      }
    });

    it('a missing cache is written by the first command; one that cannot be written costs nothing but speed', () => {
      rmSync(cache);
      expect(check().status).toBe(0);
      expect(cacheUsed()).toBe('true');
      // Unwritable even for root: a directory where the cache should be (a read-only install).
      rmSync(cache);
      mkdirSync(`${cache}/blocked`, { recursive: true });
      const r = check();
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      expect(readdirSync(`${ROOT}dist/cli`).filter((f) => f.endsWith('.tmp'))).toEqual([]);
      rmSync(cache, { recursive: true });
    });
  });
});
