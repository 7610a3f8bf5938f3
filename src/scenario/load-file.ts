// Loading a scenario from disk (Node only; the browser passes text to parseScenarioText).
// The size is checked before reading and the read itself is bounded, so a huge or
// growing file cannot exhaust memory; I/O problems become diagnostics, never exceptions.
import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LoadResult } from './diagnostics.ts';
import { loadScenarioWithBase, type ReadBase } from './extends.ts';
import { readTextFile } from './read-text.ts';
import type { Scenario } from './schema.ts';
import { MAX_SOURCE_BYTES } from './source-text.ts';

export const BASE_EXTENSIONS = /\.ya?ml$/i;

/**
 * Bases named by `extends` are read relative to the file that names them, and only inside
 * the folder of the scenario being loaded (and its subfolders), only as .yaml/.yml files:
 * a scenario shared with a class must not be able to make `check` read ~/.ssh or /proc.
 * Symbolic links are followed before the test, so a link cannot lead outside either.
 */
export function diskReader(root: string): ReadBase {
  return async (ref, from) => {
    if (isAbsolute(ref) || /^[a-z]+:/i.test(ref))
      return { ok: false, message: 'extends takes a path relative to this file (e.g. ./base.yaml), not an absolute path or an address' };
    if (!BASE_EXTENSIONS.test(ref)) return { ok: false, message: 'a base scenario is a .yaml or .yml file' };
    const file = resolve(dirname(from), ref);
    let real: string;
    let realRoot: string;
    try {
      [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    } catch {
      return { ok: false, message: 'there is no such file; check the name and the folder' };
    }
    const inside = relative(realRoot, real);
    if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside))
      return {
        ok: false,
        message: `bases must be in the scenario's own folder (${root}) or below it; copy the base there`,
      };
    const read = await readTextFile(file, MAX_SOURCE_BYTES, 'a scenario file');
    return read.ok ? { ok: true, text: read.text, file } : { ok: false, message: read.errors[0]!.message };
  };
}

export async function loadScenarioFile(path: string): Promise<LoadResult<Scenario>> {
  const read = await readTextFile(path, MAX_SOURCE_BYTES, 'a scenario file');
  // The file may have grown since it was measured; parseDataText applies the same cap.
  return read.ok ? loadScenarioWithBase(read.text, path, diskReader(dirname(resolve(path)))) : read;
}
