// The classroom's layers: the server imports the engine, never the UI; the shared network
// code (src/net) runs in browsers and bots, so it imports neither the server nor the UI nor
// Node-only modules (except attest.ts, which only the server and the CLI use); the UI
// never imports the server.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

function imports(dir: string): { file: string; spec: string; target: string }[] {
  const out = [];
  for (const f of readdirSync(join(SRC, dir), { recursive: true, encoding: 'utf8' })) {
    if (!f.endsWith('.ts')) continue;
    const file = join(SRC, dir, f);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      const target = spec.startsWith('.') ? relative(SRC, resolve(join(SRC, dir, f, '..'), spec)) : spec;
      out.push({ file: relative(SRC, file), spec, target });
    }
  }
  return out;
}

describe('classroom layers', () => {
  it('finds the imports it checks', () => {
    expect(imports('net').some((i) => i.target === 'engine/session.ts')).toBe(true);
    expect(imports('server').some((i) => i.spec === '@colyseus/core')).toBe(true);
  });

  it('src/server never imports the UI', () => {
    expect(imports('server').filter((i) => i.target.startsWith('ui/'))).toEqual([]);
  });

  it('src/net (browser and bots) imports neither the server, the UI nor Node built-ins, apart from attest.ts', () => {
    const bad = imports('net').filter(
      (i) => i.target.startsWith('server/') || i.target.startsWith('ui/') || (i.spec.startsWith('node:') && !i.file.endsWith('attest.ts')),
    );
    expect(bad).toEqual([]);
  });

  it('src/ui never imports the server or the Node-only attestation', () => {
    expect(imports('ui').filter((i) => i.target.startsWith('server/') || i.target === 'net/attest.ts')).toEqual([]);
  });
});
