// Reading a replay file from disk (Node only; the browser passes text to parseReplayText).
import type { ReplayFile } from '../engine/replay.ts';
import type { LoadResult } from '../scenario/diagnostics.ts';
import { readTextFile } from '../scenario/read-text.ts';
import { MAX_REPLAY_BYTES, parseReplayText } from './replay-load.ts';

export async function loadReplayFile(path: string): Promise<LoadResult<ReplayFile>> {
  const read = await readTextFile(path, MAX_REPLAY_BYTES, 'a replay file');
  return read.ok ? parseReplayText(read.text, path) : read;
}
