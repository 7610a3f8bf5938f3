// Writes JSON Lines (one JSON value per line) as a stream, so a million-run batch never
// builds one giant string.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

export async function writeJsonLines(path: string, rows: Iterable<unknown>): Promise<void> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(out, 'error').then(([e]) => {
    throw e;
  });
  failed.catch(() => {}); // observed below; avoid an unhandled rejection in between
  for (const row of rows) {
    if (!out.write(`${JSON.stringify(row)}\n`)) await Promise.race([once(out, 'drain'), failed]);
  }
  out.end();
  await Promise.race([once(out, 'finish'), failed]);
}
