// How semantic checks report: a path into the scenario and a message; the reporter turns
// it into a positioned Diagnostic. Shared by semantic*.ts.
import type { DataPath } from './diagnostics.ts';
import { didYouMean, listOf } from './suggest.ts';

export interface Reporter {
  error(path: DataPath, message: string, part?: 'key'): void;
  warn(path: DataPath, message: string, part?: 'key'): void;
}

/** Reports `value` unless it is one of `known`, with a did-you-mean and the list to pick from. */
export function checkRef(
  r: Reporter,
  kind: string,
  value: string,
  known: readonly string[],
  path: DataPath,
  fix = '',
  part?: 'key',
): void {
  if (known.includes(value)) return;
  const unique = [...new Set(known)];
  r.error(path, `unknown ${kind} "${value}"${didYouMean(value, unique)}; known ${kind}s: ${listOf(unique)}${fix}`, part);
}
