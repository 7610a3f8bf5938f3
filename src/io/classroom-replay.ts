// A classroom table's replay: one builder for the server's log on disk, the file the server
// serves and the file every student's browser exports at the debrief, so all of them are
// the same bytes. Nothing time-dependent goes in (no createdAt): two machines building it
// from the same log must agree to the byte.
import { buildReplay, type ReplayAttestation, type ReplayFile } from '../engine/replay.ts';
import type { Recorder } from '../engine/run.ts';

export const CLASSROOM_TOOL = 'cashout classroom';

export function classroomReplay(session: Recorder, where: { code: string; table: number }, attestation?: ReplayAttestation | null): ReplayFile {
  return buildReplay(session, {
    inline: true,
    meta: { tool: CLASSROOM_TOOL, note: `class ${where.code}, table ${where.table}` },
    ...(attestation ? { attestation } : {}),
  });
}

/** The exact text of a replay file (two-space JSON, as the hot-seat game exports it). */
export function replayText(replay: ReplayFile): string {
  return JSON.stringify(replay, null, 2);
}

export function classroomReplayFileName(code: string, table: number): string {
  return `cashout-class-${code}-table-${table}.json`;
}
