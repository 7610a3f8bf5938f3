// Files that need the engine's formats (replays, policies): the layer between src/engine
// and its users (src/cli, src/ui). src/scenario stays free of engine imports. This module
// runs in the browser too; reading from disk is in replay-file.ts.
// Replay (and save-game) files: JSON checked for structure with positions, before the
// engine re-runs them. Works in Node and the browser (loadReplayFile is Node only).
import { type ReplayFile, ReplaySchema } from '../engine/replay.ts';
import type { DataPath, LoadResult } from '../scenario/diagnostics.ts';
import { semanticCheck } from '../scenario/semantic.ts';
import { parseStructured } from '../scenario/structured.ts';

/** A 240-turn game with thousands of decisions and an inline scenario stays far below this. */
export const MAX_REPLAY_BYTES = 20 * 1024 * 1024;

export function parseReplayText(text: string, file: string): LoadResult<ReplayFile> {
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
