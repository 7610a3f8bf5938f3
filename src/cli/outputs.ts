// Where the CLI may write. Every output path is checked before any work starts, so a
// long batch never ends in "internal error" because its folder is missing, and an output
// never replaces the file it was computed from.
import { accessSync, constants, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError } from './io.ts';

const stat = (p: string) => {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
};

/** The same file on disk (symlinks and "./" resolved) when both exist; the same path otherwise. */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  if (real(a) === real(b)) return true;
  const sa = stat(a);
  const sb = stat(b);
  return Boolean(sa && sb && sa.dev === sb.dev && sa.ino === sb.ino);
}

/**
 * Throws an InputError (exit 1) unless `path` can be written: its folder exists, it is not
 * a folder itself, it is not one of `inputs`, and an existing file there is writable.
 * `flag` names the option in the message ("--out").
 */
export function checkOutputPath(path: string, flag: string, inputs: readonly string[] = []): void {
  if (path.trim() === '') throw new InputError(`${flag} needs a file name, e.g. ${flag} run.json`);
  const target = resolve(path);
  const here = stat(target);
  if (here?.isDirectory())
    throw new InputError(`${flag} ${path} is a folder; name a file inside it, e.g. ${flag} ${path.replace(/\/+$/, '')}/output`);
  const folder = dirname(target);
  const parent = stat(folder);
  if (!parent) throw new InputError(`${flag} ${path}: the folder ${dirname(path)} does not exist; create it first or choose another path`);
  if (!parent.isDirectory()) throw new InputError(`${flag} ${path}: ${dirname(path)} is a file, not a folder`);
  for (const input of inputs)
    if (sameFile(path, input)) throw new InputError(`${flag} ${path} is also an input of this command; it would be overwritten, so choose another file name`);
  try {
    accessSync(here ? target : folder, constants.W_OK);
  } catch {
    throw new InputError(`${flag} ${path}: permission denied (${here ? 'the file' : `the folder ${dirname(path)}`} is not writable)`);
  }
}

const WRITE_REASONS: Record<string, string> = {
  ENOENT: 'the folder does not exist',
  EISDIR: 'it is a folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a folder',
};

/** A failed write in words (the check above runs first; this covers races and odd file systems). */
export function writeFailure(path: string, e: unknown): InputError {
  const code = (e as { code?: unknown }).code;
  const reason = typeof code === 'string' ? (WRITE_REASONS[code] ?? code) : e instanceof Error ? e.message : String(e);
  return new InputError(`cannot write ${path}: ${reason}`);
}
