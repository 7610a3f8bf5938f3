import type { ReplayFile } from '../engine/replay.ts';
import { loadReplayFile } from '../io/replay-file.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Io } from './io.ts';
import { findScenario } from './replay-cmd.ts';

/**
 * A replay file and the scenario to re-run it with (its inline copy, --scenario, or a
 * shipped one with its id); problems are printed and give null.
 */
export async function openReplay(
  file: string,
  scenarioFile: string | undefined,
  io: Io,
): Promise<{ replay: ReplayFile; available: Scenario | undefined } | null> {
  const loaded = await loadReplayFile(file);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d));
    io.err(`${file}: not a valid replay file; nothing was loaded.`);
    return null;
  }
  const replay = loaded.value;
  const available = replay.scenario.inline ? undefined : await findScenario(replay, scenarioFile, io);
  return { replay, available };
}
