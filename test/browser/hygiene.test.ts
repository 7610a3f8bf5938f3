// The browser tests' own rules, checked on their source: no wall-clock sleeps, every poll
// and wait with an explicit timeout (vitest's expect.poll gives up after one second by
// default, which fails on a busy machine right after a reload), and no debug screenshots
// left behind (screenshots go to docs/screenshots/ only when asked for).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = import.meta.dirname;
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'hygiene.test.ts')
  .map((f) => ({ f, text: readFileSync(join(DIR, f), 'utf8') }));

const lines = (pattern: RegExp) => files.flatMap(({ f, text }) => text.split('\n').flatMap((l, i) => (pattern.test(l) ? [`${f}:${i + 1}: ${l.trim()}`] : [])));

describe('browser test hygiene', () => {
  it('never sleeps on the wall clock', () => {
    expect(lines(/waitForTimeout|new Promise\(\(r\w*\) => setTimeout/)).toEqual([]);
  });

  it('gives every poll and wait an explicit timeout', () => {
    expect(lines(/expect\.poll\(|^\s*\.poll\(/).filter((l) => !l.startsWith('wait.ts:'))).toEqual([]); // until() names its timeout
    expect(lines(/\.waitFor\(\)/)).toEqual([]);
    expect(lines(/waitForEvent\('[^']+'\)(?!.*timeout)/).filter((l) => !/setDefaultTimeout/.test(l))).toEqual([]);
  });

  it('leaves no debug screenshots', () => {
    expect(lines(/screenshot\(\{ path: ['`]\/tmp/)).toEqual([]);
  });
});
