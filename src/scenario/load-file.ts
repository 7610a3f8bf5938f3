// Loading a scenario from disk (Node only; the browser passes text to parseScenarioText).
// The size is checked before reading and the read itself is bounded, so a huge or
// growing file cannot exhaust memory; I/O problems become diagnostics, never exceptions.
import { dirname, resolve } from 'node:path';
import type { LoadResult } from './diagnostics.ts';
import { loadScenarioWithBase, type ReadBase } from './extends.ts';
import { readTextFile } from './read-text.ts';
import type { Scenario } from './schema.ts';
import { MAX_SOURCE_BYTES } from './source-text.ts';

/** Bases named by `extends` are read relative to the file that names them. */
const readFromDisk: ReadBase = async (ref, from) => {
  const file = resolve(dirname(from), ref);
  const read = await readTextFile(file, MAX_SOURCE_BYTES, 'a scenario file');
  return read.ok ? { ok: true, text: read.text, file } : { ok: false, message: read.errors[0]!.message };
};

export async function loadScenarioFile(path: string): Promise<LoadResult<Scenario>> {
  const read = await readTextFile(path, MAX_SOURCE_BYTES, 'a scenario file');
  // The file may have grown since it was measured; parseDataText applies the same cap.
  return read.ok ? loadScenarioWithBase(read.text, path, readFromDisk) : read;
}
