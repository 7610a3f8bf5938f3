// Files that need the engine's formats (replays, policies): the layer between src/engine
// and its users (src/cli, src/ui). src/scenario stays free of engine imports. This module
// runs in the browser too; reading from disk is in replay-file.ts.
// Replay (and save-game) files: JSON checked for structure with positions, before the
// engine re-runs them. Works in Node and the browser (loadReplayFile is Node only).
import { type ReplayFile, ReplaySchema, replayVersionProblem } from '../engine/replay.ts';
import type { DataPath, LoadResult } from '../scenario/diagnostics.ts';
import { semanticCheck } from '../scenario/semantic.ts';
import { parseDataText } from '../scenario/source-text.ts';
import { parseStructured } from '../scenario/structured.ts';

/** A 240-turn game with thousands of decisions and an inline scenario stays far below this. */
export const MAX_REPLAY_BYTES = 20 * 1024 * 1024;

/**
 * Replays are machine-written JSON and nearly always valid, and the position-tracking
 * parser costs most of a verification. So a valid file takes plain JSON.parse; anything
 * wrong (syntax, shape, references, size) goes through the positioned path, which gives
 * every problem its line and column.
 */
function fastValid(text: string): ReplayFile | null {
  if (text.length > MAX_REPLAY_BYTES) return null;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  const r = ReplaySchema.safeParse(data);
  if (!r.success) return null;
  const inline = r.data.scenario.inline;
  if (inline && semanticCheck(inline, () => ({ line: 1, column: 1 })).some((d) => d.severity === 'error')) return null;
  return r.data as ReplayFile;
}

export function parseReplayText(text: string, file: string): LoadResult<ReplayFile> {
  const fast = fastValid(text);
  if (fast) return { ok: true, value: fast, warnings: [] };
  // A replay of another engine or format version: say which engine it needs, at its
  // engineVersion field, instead of listing every field whose shape has changed since.
  const data = parseDataText(text, file, { maxBytes: MAX_REPLAY_BYTES, maxAliasCount: 0 });
  const version = data.ok ? replayVersionProblem(data.value) : null;
  if (data.ok && version) {
    const at = data.locate(['engineVersion']);
    return { ok: false, errors: [{ file, ...at, path: 'engineVersion', message: version, severity: 'error' }], warnings: data.warnings };
  }
  const r = parseStructured(text, file, ReplaySchema, {
    what: 'a Cashout replay file',
    maxBytes: MAX_REPLAY_BYTES,
    maxAliasCount: 0,
  });
  if (!r.ok) return r;
  const inline = r.value.scenario.inline;
  if (inline) {
    // The inline scenario gets the same cross-reference checks as a scenario file.
    const at = (path: DataPath, part?: 'key' | 'value') => r.locate(['scenario', 'inline', ...path], part);
    const errors = semanticCheck(inline, at, file)
      .filter((d) => d.severity === 'error')
      .map((d) => ({ ...d, path: d.path ? `scenario.inline.${d.path}` : 'scenario.inline' }));
    if (errors.length) return { ok: false, errors, warnings: r.warnings };
  }
  return { ok: true, value: r.value as ReplayFile, warnings: r.warnings };
}
