import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioWithBase, mergeScenarioData, pathIn, type ReadBase } from '../../src/scenario/extends.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';
import { scenarioTemplate } from '../../src/scenario/template.ts';

describe('merging a scenario over its base', () => {
  it('merges objects field by field and replaces other values', () => {
    expect(mergeScenarioData({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] }, { b: { d: 4 }, l: [9] })).toEqual({ a: 1, b: { c: 2, d: 4 }, l: [9] });
  });

  it('merges lists of items by id: override fields, append new ids, drop with remove: true', () => {
    const base = [
      { id: 'a', x: 1, y: 1 },
      { id: 'b', x: 2 },
      { id: 'c', x: 3 },
    ];
    const child = [{ id: 'c', x: 30 }, { id: 'b', remove: true }, { id: 'd', x: 4 }];
    expect(mergeScenarioData(base, child)).toEqual([
      { id: 'a', x: 1, y: 1 },
      { id: 'c', x: 30 },
      { id: 'd', x: 4 },
    ]);
  });

  it('maps a merged path back to the file that wrote it, by id', () => {
    const base = { levers: [{ id: 'a', cost: 1 }, { id: 'b', cost: 2 }] };
    const own = { levers: [{ id: 'b', cost: 5 }] };
    const merged = mergeScenarioData(base, own);
    expect(pathIn(own, merged, ['levers', 1, 'cost'])).toEqual(['levers', 0, 'cost']);
    expect(pathIn(own, merged, ['levers', 0, 'cost'])).toBeNull();
    expect(pathIn(base, merged, ['levers', 0, 'cost'])).toEqual(['levers', 0, 'cost']);
  });
});

function files(map: Record<string, string>): ReadBase {
  return async (ref) => (ref in map ? { ok: true, text: map[ref]!, file: ref } : { ok: false, message: 'there is no such file' });
}

describe('loading a scenario that extends another', () => {
  const base = scenarioTemplate('base');

  it('loads the merged scenario', async () => {
    const r = await loadScenarioWithBase('extends: base.yaml\nid: child\ncalendar:\n  turns: 7\n', 'child.yaml', files({ 'base.yaml': base }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.id).toBe('child');
    expect(r.value.calendar.turns).toBe(7);
    expect(r.value.calendar.start).toBe('2024-01');
    expect(r.value.extends).toBeUndefined();
  });

  it('reports a problem the child wrote at the child’s line and column', async () => {
    const r = await loadScenarioWithBase(
      'extends: base.yaml\nlevers:\n  - id: exchange-mfa\n    maxLevel: nine\n',
      'child.yaml',
      files({ 'base.yaml': base }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ file: 'child.yaml', line: 4, column: 15, path: 'levers[3].maxLevel' });
  });

  it('reports a base problem that the override causes in the base file', async () => {
    // Raising a lever's cost breaks the base's historical policy budget, written in the base.
    const r = await loadScenarioWithBase(
      'extends: base.yaml\nroles:\n  - id: sanctions\n    budgetPerTurn: 2\n',
      'child.yaml',
      files({ 'base.yaml': base }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((d) => d.file)).toContain('base.yaml');
    expect(r.errors.find((d) => d.file === 'base.yaml')!.path).toMatch(/^policies\.historical\.turns|^levers/);
  });

  it('refuses a missing base, a loop and a chain that is too deep', async () => {
    const missing = await loadScenarioWithBase('extends: nope.yaml\n', 'c.yaml', files({}));
    expect(!missing.ok && missing.errors[0]!.message).toMatch(/"nope\.yaml" cannot be read: there is no such file/);
    const loop = await loadScenarioWithBase('extends: a.yaml\n', 'c.yaml', files({ 'a.yaml': 'extends: c.yaml\n', 'c.yaml': 'extends: a.yaml\n' }));
    expect(!loop.ok && loop.errors[0]!.message).toMatch(/a loop/);
    const chain = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`s${i}.yaml`, `extends: s${i + 1}.yaml\n`]));
    const deep = await loadScenarioWithBase('extends: s0.yaml\n', 'c.yaml', files(chain));
    expect(!deep.ok && deep.errors[0]!.message).toMatch(/more than 5 deep/);
  });

  it('is refused with an explanation where bases cannot be read (a single file in the browser)', () => {
    const r = parseScenarioText('extends: ./base.yaml\nid: x\n', 'x.yaml');
    expect(!r.ok && r.errors[0]).toMatchObject({ line: 1, column: 10, path: 'extends' });
  });

  it('reads bases from disk relative to the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cashout-ext-'));
    writeFileSync(join(dir, 'base.yaml'), base);
    writeFileSync(join(dir, 'child.yaml'), 'extends: ./base.yaml\nid: child\n');
    const r = await loadScenarioFile(join(dir, 'child.yaml'));
    expect(r.ok && r.value.id).toBe('child');
  });
});
