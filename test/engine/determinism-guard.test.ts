// The engine must not read the clock, use global randomness or reach into the UI or CLI
// (DESIGN.md, Determinism and Layers). This scans the source so a violation fails here,
// with file:line, before it can make a replay diverge.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ENGINE = join(ROOT, 'src', 'engine');

const FORBIDDEN: [RegExp, string][] = [
  [/\bMath\.random\b/, 'Math.random (use the seeded streams in rng.ts)'],
  [/\bDate\.now\b/, 'Date.now (time is the turn counter)'],
  [/\bperformance\.now\b/, 'performance.now (time is the turn counter)'],
  [/\bnew\s+Date\s*\(/, 'new Date( (time is the turn counter)'],
];

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g;

/** Drops comments so that prose about the rules ("never Math.random") is not flagged. */
function stripComments(line: string, inBlock: boolean): { code: string; inBlock: boolean } {
  let code = '';
  let rest = line;
  let block = inBlock;
  while (rest.length > 0) {
    if (block) {
      const end = rest.indexOf('*/');
      if (end < 0) return { code, inBlock: true };
      rest = rest.slice(end + 2);
      block = false;
    } else {
      const start = rest.search(/\/\*|(^|\s)\/\//);
      if (start < 0) return { code: code + rest, inBlock: false };
      code += rest.slice(0, start);
      if (rest.slice(start).trimStart().startsWith('//')) return { code, inBlock: false };
      rest = rest.slice(start + 2);
      block = true;
    }
  }
  return { code, inBlock: block };
}

function forbiddenImport(file: string, specifier: string): string | null {
  if (specifier === 'phaser' || specifier.startsWith('phaser/')) return `imports ${specifier}`;
  if (!specifier.startsWith('.')) return null;
  const target = relative(join(ROOT, 'src'), resolve(dirname(file), specifier));
  const top = target.split(sep)[0];
  return top === 'ui' || top === 'cli' ? `imports ${specifier} (src/${top} sits above the engine)` : null;
}

/** Every violation in a source text, as "file:line: what". */
function violations(file: string, text: string): string[] {
  const out: string[] = [];
  let inBlock = false;
  text.split('\n').forEach((raw, i) => {
    const stripped = stripComments(raw, inBlock);
    inBlock = stripped.inBlock;
    const where = `${relative(ROOT, file)}:${i + 1}`;
    for (const [re, what] of FORBIDDEN) if (re.test(stripped.code)) out.push(`${where}: ${what}`);
    for (const m of stripped.code.matchAll(IMPORT)) {
      const bad = forbiddenImport(file, m[1]!);
      if (bad) out.push(`${where}: ${bad}`);
    }
  });
  return out;
}

function engineFiles(): string[] {
  return readdirSync(ENGINE, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(m|c)?[jt]sx?$/.test(f))
    .map((f) => join(ENGINE, f));
}

describe('determinism guard', () => {
  it('finds the engine sources', () => {
    const names = engineFiles().map((f) => relative(ENGINE, f));
    expect(names).toEqual(expect.arrayContaining(['rng.ts', 'turn.ts', 'machine.ts', 'session.ts']));
  });

  it('src/engine uses no clock, no global randomness and does not import phaser, src/ui or src/cli', () => {
    const found = engineFiles().flatMap((f) => violations(f, readFileSync(f, 'utf8')));
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('the guard itself', () => {
  const file = join(ENGINE, 'example.ts');

  it.each([
    ['const u = Math.random();', 'Math.random'],
    ['const t = Date.now();', 'Date.now'],
    ['const t = performance.now();', 'performance.now'],
    ['const d = new Date();', 'new Date('],
    ["import Phaser from 'phaser';", 'imports phaser'],
    ["import { x } from '../ui/scene.ts';", 'imports ../ui/scene.ts'],
    ["export * from '../cli/main.ts';", 'imports ../cli/main.ts'],
    ["const m = await import('../cli/x.ts');", 'imports ../cli/x.ts'],
  ])('flags %s', (line, what) => {
    expect(violations(file, `const a = 1;\n${line}\n`)).toEqual([expect.stringMatching(/^src\/engine\/example\.ts:2: /)]);
    expect(violations(file, line)[0]).toContain(what);
  });

  it('ignores comments and allowed imports', () => {
    const text = [
      '// never Math.random or Date.now here',
      '/* new Date( is banned',
      '   performance.now too */',
      "import { x } from './rng.ts';",
      "import type { S } from '../scenario/schema.ts';",
      "const url = 'https://example.org'; // Math.random in a trailing comment",
    ].join('\n');
    expect(violations(file, text)).toEqual([]);
  });
});
