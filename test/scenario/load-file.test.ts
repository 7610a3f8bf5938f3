import { mkdtemp, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';
import { MAX_SOURCE_BYTES } from '../../src/scenario/source-text.ts';
import { miniYaml, positionOf } from './helpers.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cashout-load-'));
});

const only = async (path: string) => {
  const r = await loadScenarioFile(path);
  if (r.ok) throw new Error('expected the file to be refused');
  expect(r.errors).toHaveLength(1);
  return r.errors[0]!;
};

describe('loadScenarioFile', () => {
  it('loads a valid scenario file', async () => {
    const path = join(dir, 'mini.yaml');
    await writeFile(path, miniYaml());
    const r = await loadScenarioFile(path);
    expect(r.ok && r.value.id).toBe('mini');
  });

  it('reports problems with the file path as the file name', async () => {
    const path = join(dir, 'bad.yaml');
    const text = miniYaml((s) => Object.assign(s, { titel: 'x' }));
    await writeFile(path, text);
    expect(await only(path)).toMatchObject({ file: path, ...positionOf(text, 'titel'), path: 'titel' });
  });

  it('reports a missing file instead of throwing', async () => {
    expect(await only(join(dir, 'nope.yaml'))).toMatchObject({ line: 1, column: 1, message: expect.stringMatching(/no such file/) });
  });

  it('refuses a folder', async () => {
    expect((await only(dir)).message).toMatch(/not a regular file/);
  });

  it('refuses an oversized file from its size, without reading it', async () => {
    const path = join(dir, 'huge.yaml');
    await writeFile(path, '');
    await truncate(path, MAX_SOURCE_BYTES + 1); // sparse: costs no disk or memory
    expect((await only(path)).message).toMatch(/^the file is 1048577 bytes, more than the 1048576/);
  });

  it('refuses a file that is not UTF-8 text', async () => {
    const path = join(dir, 'latin1.yaml');
    await writeFile(path, Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect((await only(path)).message).toMatch(/not UTF-8 text/);
  });
});
