// What `extends` may read on disk: a .yaml/.yml file in the scenario's own folder or below
// it, never an absolute path, a way out with "..", a symbolic link out of the folder, or a
// file that is not a scenario (whose content is never quoted back).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';
import { scenarioTemplate } from '../../src/scenario/template.ts';

function tree() {
  const root = mkdtempSync(join(tmpdir(), 'cashout-paths-'));
  const course = join(root, 'course');
  mkdirSync(join(course, 'bases'), { recursive: true });
  writeFileSync(join(course, 'bases', 'base.yaml'), scenarioTemplate('base'));
  writeFileSync(join(root, 'outside.yaml'), scenarioTemplate('outside'));
  writeFileSync(join(root, 'secrets.yaml'), 'api_key: hunter2-do-not-print\npassword: correct-horse\n');
  return { root, course };
}

async function extending(dir: string, ref: string) {
  const file = join(dir, 'child.yaml');
  writeFileSync(file, `extends: ${ref}\nid: child\n`);
  const r = await loadScenarioFile(file);
  const text = JSON.stringify(r);
  return { r, text, first: r.ok ? '' : r.errors[0]!.message };
}

describe('extends on disk', () => {
  it('reads a base in a subfolder of the scenario’s folder', async () => {
    const { course } = tree();
    const { r } = await extending(course, './bases/base.yaml');
    expect(r.ok && r.value.id).toBe('child');
  });

  it('refuses an absolute path, an address, and a way out of the folder with ".."', async () => {
    const { root, course } = tree();
    expect((await extending(course, join(root, 'outside.yaml'))).first).toMatch(/a path relative to this file .*not an absolute path/);
    expect((await extending(course, 'https://example.com/x.yaml')).first).toMatch(/not an absolute path or an address/);
    expect((await extending(course, '../outside.yaml')).first).toMatch(/bases must be in the scenario's own folder .* or below it/);
    expect((await extending(course, '/proc/self/environ')).first).toMatch(/not an absolute path/);
  });

  it('refuses a symbolic link that leads out of the folder', async () => {
    const { root, course } = tree();
    symlinkSync(join(root, 'outside.yaml'), join(course, 'link.yaml'));
    expect((await extending(course, './link.yaml')).first).toMatch(/bases must be in the scenario's own folder/);
  });

  it('refuses anything but .yaml/.yml', async () => {
    const { course } = tree();
    writeFileSync(join(course, 'notes.txt'), scenarioTemplate('x'));
    expect((await extending(course, './notes.txt')).first).toMatch(/a base scenario is a \.yaml or \.yml file/);
  });

  it('never quotes a file that is not a scenario', async () => {
    const { root } = tree();
    // The secrets file is inside this folder tree, and .yaml: only its content gives it away.
    const { first, text } = await extending(root, './secrets.yaml');
    expect(first).toMatch(/"\.\/secrets\.yaml" is not a Cashout scenario .* nothing of its content is shown/);
    expect(text).not.toMatch(/hunter2|correct-horse|api_key|password/);
  });

  it('still shows a broken base scenario’s own problems, where they are', async () => {
    const { course } = tree();
    writeFileSync(join(course, 'bases', 'broken.yaml'), scenarioTemplate('broken').replace('turns: 8', 'turns: eight'));
    const { r } = await extending(course, './bases/broken.yaml');
    expect(!r.ok && r.errors[0]).toMatchObject({ file: join(course, 'bases', 'broken.yaml'), path: 'calendar.turns' });
  });
});
