import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_BYTES, parseDataText } from '../../src/scenario/source-text.ts';

const errors = (text: string) => {
  const r = parseDataText(text, 'f.yaml');
  if (r.ok) throw new Error('expected the text to be refused');
  return r.errors;
};

describe('parseDataText', () => {
  it('parses YAML and JSON into plain data', () => {
    const yaml = parseDataText('a: 1\nb: [x, y]\n', 'f.yaml');
    const json = parseDataText('{"a": 1, "b": ["x", "y"]}', 'f.json');
    expect(yaml.ok && yaml.value).toEqual({ a: 1, b: ['x', 'y'] });
    expect(json.ok && json.value).toEqual({ a: 1, b: ['x', 'y'] });
  });

  it('reports a YAML syntax error at its line and column', () => {
    const [e] = errors('a: 1\nb: [1, 2\nc: 3\n');
    expect(e).toMatchObject({ file: 'f.yaml', line: 3, column: 1, severity: 'error' });
    expect(e!.message).toMatch(/^YAML syntax error/);
  });

  it('refuses tabs used for indentation with a hint', () => {
    expect(errors('a:\n\tb: 1\n')[0]!.message).toMatch(/spaces, not tabs/);
  });

  it('refuses a second YAML document', () => {
    expect(errors('a: 1\n---\nb: 2\n')[0]).toMatchObject({ line: 2, message: expect.stringMatching(/more than one YAML document/) });
  });

  it('refuses a "billion laughs" alias bomb quickly', () => {
    const rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi']) rows.push(`${name}: &${name} [${`*${prev},`.repeat(9).slice(0, -1)}]`);
    const started = performance.now();
    const [e] = errors(rows.join('\n'));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e!.message).toMatch(/billion laughs/);
    expect(e!.line).toBe(2); // the first alias
  });

  it('accepts a few aliases', () => {
    const r = parseDataText('base: &b { value: 1 }\nx: *b\ny: *b\n', 'f.yaml');
    expect(r.ok && r.value).toEqual({ base: { value: 1 }, x: { value: 1 }, y: { value: 1 } });
  });

  it('refuses an alias that points into itself (an endless value)', () => {
    expect(errors('a: &x\n  b: *x\n')[0]).toMatchObject({ line: 2, column: 6, message: expect.stringMatching(/endless loop/) });
  });

  it('refuses a __proto__ key with its position and leaves Object.prototype alone', () => {
    const [e] = errors('a:\n  __proto__:\n    polluted: yes\n');
    expect(e).toMatchObject({ line: 2, column: 3, path: 'a.__proto__' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses constructor and prototype keys anywhere', () => {
    const found = errors('list:\n  - constructor: 1\n  - x: { prototype: 2 }\n');
    expect(found.map((e) => e.path)).toEqual(['list[0].constructor', 'list[1].x.prototype']);
  });

  it('refuses a key given twice in one block, naming the first line', () => {
    expect(errors('a: 1\nb: 2\na: 3\n')[0]).toMatchObject({ line: 3, column: 1, message: expect.stringMatching(/twice.*line 1/) });
  });

  it('refuses keys that collide once turned into text (1 and "1")', () => {
    expect(errors("turns:\n  1: a\n  '1': b\n")[0]!.message).toMatch(/twice/);
  });

  it('refuses text over the size limit before parsing', () => {
    const [e] = errors(`x: "${'a'.repeat(MAX_SOURCE_BYTES)}"`);
    expect(e!.message).toMatch(/larger than 1048576 bytes/);
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    const r = parseDataText(`x: "${'é'.repeat(600)}"`, 'f.yaml', { maxBytes: 1000 });
    expect(r.ok).toBe(false);
  });

  it('refuses .inf, .nan and numbers too large to represent, at their position', () => {
    const found = errors('a: .inf\nb: -.Inf\nc: .nan\nd: 1e999\ne: 5\n');
    expect(found.map((e) => [e.line, e.column])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
    expect(found[3]!.message).toMatch(/"1e999" is not a usable number/);
  });

  it('refuses custom and non-core tags', () => {
    const found = errors('a: !!binary aGk=\nb: !js/function "x"\nc: !!str 5\n');
    expect(found.map((e) => e.path)).toEqual(['a', 'b']);
    expect(found[0]!.message).toMatch(/tag !!binary is not supported/);
  });

  it('refuses nesting deeper than the limit', () => {
    const deep = `${'['.repeat(80)}${']'.repeat(80)}`;
    expect(errors(deep)[0]!.message).toMatch(/nested more than 64 levels/);
  });

  it('refuses a megabyte of brackets before the parser can exhaust the stack', () => {
    const started = performance.now();
    const [e] = errors('['.repeat(MAX_SOURCE_BYTES - 1));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(e).toMatchObject({ line: 1, column: 65, message: expect.stringMatching(/more than 64 levels/) });
  });

  it('refuses deeply nested compact lists ("- - - …") the same way', () => {
    expect(errors(`${'- '.repeat(400_000)}x`)[0]!.message).toMatch(/nested far too deeply/);
  });

  it('does not mistake indented block text or pretty-printed JSON for deep nesting', () => {
    const art = `text: |\n${Array.from({ length: 40 }, (_, i) => `  ${' '.repeat(200 + i)}*`).join('\n')}\n`;
    const json = JSON.stringify({ a: { b: { c: [[[{ d: 1 }]]] } } }, null, 40);
    expect(parseDataText(art, 'f.yaml').ok).toBe(true);
    expect(parseDataText(json, 'f.json').ok).toBe(true);
  });

  it('refuses aliases that nest the data too deeply once expanded', () => {
    const rows = ['l0: &l0 [x]'];
    for (let i = 1; i <= 70; i++) rows.push(`l${i}: &l${i} [*l${i - 1}]`);
    expect(errors(rows.join('\n'))[0]!.message).toMatch(/aliases .* more than 64 levels deep once expanded/);
  });

  it('reads YAML 1.1 look-alikes as plain text (no dates, no merge keys)', () => {
    const r = parseDataText('d: 2022-01-01\nm: { <<: { a: 1 } }\ny: yes\n', 'f.yaml');
    expect(r.ok && r.value).toEqual({ d: '2022-01-01', m: { '<<': { a: 1 } }, y: 'yes' });
  });
});

describe('locate', () => {
  const text = 'a:\n  b: 3\n  list:\n    - x\n    - { y: 1 }\n';
  const r = parseDataText(text, 'f.yaml');
  const locate = r.ok ? r.locate : () => ({ line: 0, column: 0 });

  it('points at a scalar value', () => {
    expect(locate(['a', 'b'])).toEqual({ line: 2, column: 6 });
  });

  it('points at the field name when asked for the key', () => {
    expect(locate(['a', 'b'], 'key')).toEqual({ line: 2, column: 3 });
  });

  it('points at the field name of a block value, at list items and inside flow maps', () => {
    expect(locate(['a', 'list'])).toEqual({ line: 3, column: 3 });
    expect(locate(['a', 'list', 0])).toEqual({ line: 4, column: 7 });
    expect(locate(['a', 'list', 1, 'y'])).toEqual({ line: 5, column: 12 });
  });

  it('falls back to the closest existing parent, then to 1:1', () => {
    expect(locate(['a', 'list', 7, 'z'])).toEqual({ line: 3, column: 3 });
    expect(locate(['nothing'])).toEqual({ line: 1, column: 1 });
  });
});
