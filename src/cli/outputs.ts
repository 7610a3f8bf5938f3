// Where the CLI may write: every command checks its output paths with outputProblem
// (output-path.ts) before any work starts, so a long run never ends in "internal error"
// because its folder is missing, and an output never replaces the file it was computed
// from (compared as files on disk, not as spellings).
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from './io.ts';
import { outputProblem } from './output-path.ts';

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

/** Throws an InputError (exit 1) when `path` cannot be written (see outputProblem). */
export function checkOutputPath(path: string, flag: string, inputs: readonly string[] = []): void {
  const problem = outputProblem(flag, path, inputs);
  if (problem) throw new InputError(problem);
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
