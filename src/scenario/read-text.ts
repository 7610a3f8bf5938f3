// Reading a user-named file from disk (Node only). The size is checked before reading and
// the read is bounded, so a huge or growing file cannot exhaust memory; I/O problems
// become diagnostics, never exceptions.
import { open, stat } from 'node:fs/promises';
import type { Diagnostic } from './diagnostics.ts';

export type TextRead = { ok: true; text: string } | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

const REASONS: Record<string, string> = {
  ENOENT: 'there is no such file; check the name and the folder',
  EACCES: 'the file cannot be read: permission denied',
  EPERM: 'the file cannot be read: permission denied',
  EISDIR: 'this is a folder, not a file',
};

const problem = (file: string, message: string): TextRead => ({
  ok: false,
  errors: [{ file, line: 1, column: 1, path: '', message, severity: 'error' }],
  warnings: [],
});

/** UTF-8 text of a file of at most maxBytes; `what` names the kind of file in messages. */
export async function readTextFile(path: string, maxBytes: number, what: string): Promise<TextRead> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return problem(path, `this is not a regular file; name ${what}`);
    if (info.size > maxBytes)
      return problem(path, `the file is ${info.size} bytes, more than the ${maxBytes} ${what} may have; this is probably the wrong file`);
    const bytes = await readAtMost(path, maxBytes + 1);
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return problem(path, 'the file is not UTF-8 text; save it as UTF-8');
    }
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const reason = typeof code === 'string' ? REASONS[code] : undefined;
    return problem(path, reason ?? `the file cannot be read (${code ?? 'unknown reason'})`);
  }
}

async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
