// What the loader says about a scenario file. Every problem becomes one Diagnostic with a
// position, so an instructor gets `file:line:column: what is wrong and how to fix it` and
// editors/CI can jump to the spot. Nothing in the loading layer throws for bad input.

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  file: string;
  /** 1-based line of the offending node (1 when the problem concerns the whole file). */
  line: number;
  /** 1-based column. */
  column: number;
  /** Where in the scenario, e.g. `levers[2].role`; empty for whole-file problems. */
  path: string;
  message: string;
  severity: Severity;
}

import type { Locate } from './source-text.ts';

export type LoadResult<T> =
  /** `locate` maps a path in the value back to its file, line and column (scenarios only). */
  | { ok: true; value: T; warnings: Diagnostic[]; locate?: Locate }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

export type PathSegment = string | number;
export type DataPath = readonly PathSegment[];

/** `file:line:column: error: path: message` (the path part is left out when empty). */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? `${d.path}: ` : '';
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${where}${d.message}`;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** `levers[2].role`, `policies.tough.turns["3"]`: how authors read a path, not JSON Pointer. */
export function formatPath(path: DataPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out ? `.${seg}` : seg;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Orders diagnostics as they appear in the file, so the list reads top to bottom. */
export function byPosition(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.path.localeCompare(b.path);
}
