// Output files are checked before a long run starts, so a typo in a folder name costs a
// second, not an hour of simulation followed by a crash.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sameFile } from './outputs.ts';

/** A message saying why `path` cannot be written, or null when it can be. */
export function outputProblem(flag: string, path: string, inputs: readonly string[] = []): string | null {
  if (path.trim() === '') return `${flag} needs a file name`;
  const full = resolve(path);
  // The same file under another spelling ("./run.json", a symbolic link) counts too.
  if (inputs.some((i) => sameFile(i, path))) return `${flag} ${path} is also an input; choose another file so the input is not overwritten`;
  const here = statSync(full, { throwIfNoEntry: false });
  if (here?.isDirectory()) return `${flag} ${path} is a folder; give a file name inside it`;
  const folder = statSync(dirname(full), { throwIfNoEntry: false });
  if (!folder) return `${flag} ${path}: the folder ${dirname(path)} does not exist; create it first`;
  if (!folder.isDirectory()) return `${flag} ${path}: ${dirname(path)} is not a folder`;
  try {
    accessSync(here ? full : dirname(full), constants.W_OK);
  } catch {
    return `${flag} ${path}: no permission to write ${here ? 'that file' : `into ${dirname(path)}`}`;
  }
  return null;
}
