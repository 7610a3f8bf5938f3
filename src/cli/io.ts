// Terminal output that tests can capture: commands write through an Io, never console.
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** Write a file (resolved against the working directory). */
  writeFile(path: string, text: string): Promise<void>;
}

import { writeFile } from 'node:fs/promises';

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
  writeFile: (p, t) => writeFile(p, t, 'utf8'),
};

/** Exit codes: 0 success, 1 the input is wrong (validation, verification), 2 usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 3 } as const;

export class UsageError extends Error {}

/** The input (a file, a path, a value) cannot be used: exit 1 with this message, never a stack trace. */
export class InputError extends Error {}
