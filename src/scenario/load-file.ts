// Loading a scenario from disk (Node only; the browser passes text to parseScenarioText).
// The size is checked before reading and the read itself is bounded, so a huge or
// growing file cannot exhaust memory; I/O problems become diagnostics, never exceptions.
import type { LoadResult } from './diagnostics.ts';
import { parseScenarioText } from './load.ts';
import { readTextFile } from './read-text.ts';
import type { Scenario } from './schema.ts';
import { MAX_SOURCE_BYTES } from './source-text.ts';

export async function loadScenarioFile(path: string): Promise<LoadResult<Scenario>> {
  const read = await readTextFile(path, MAX_SOURCE_BYTES, 'a scenario file');
  // The file may have grown since it was measured; parseDataText applies the same cap.
  return read.ok ? parseScenarioText(read.text, path) : read;
}
