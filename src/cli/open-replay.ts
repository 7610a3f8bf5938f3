import { againstReference } from '../engine/reference.ts';
import type { ReplayFile } from '../engine/replay.ts';
import { loadReplayFile } from '../io/replay-file.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Io } from './io.ts';
import { findScenario } from './replay-cmd.ts';

export interface OpenedReplay {
  /** The replay to re-run (with --scenario: addressed to the instructor's file, no inline copy). */
  replay: ReplayFile;
  /** The file exactly as read (what a server attestation covers). */
  original: ReplayFile;
  available: Scenario | undefined;
  /** Where the scenario the run is checked against comes from, for the report line. */
  checkedAgainst: 'your-file' | 'inline-copy' | 'shipped';
}

/**
 * A replay file and the scenario to re-run it with. With --scenario, the instructor's own
 * file is the reference, never the copy inside the replay, and any difference is named;
 * without it, the inline copy or a shipped scenario with that id. Problems are printed and
 * give null.
 */
export async function openReplay(file: string, scenarioFile: string | undefined, io: Io): Promise<OpenedReplay | null> {
  const loaded = await loadReplayFile(file);
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d));
    io.err(`${file}: not a valid replay file; nothing was loaded.`);
    return null;
  }
  const replay = loaded.value;
  if (scenarioFile !== undefined) {
    const mine = await loadScenarioFile(scenarioFile);
    if (!mine.ok) {
      for (const d of mine.errors) io.err(formatDiagnostic(d));
      io.err(`${scenarioFile}: the scenario to check against does not load.`);
      return null;
    }
    const checked = againstReference(replay, mine.value, scenarioFile);
    if (!checked.ok) {
      io.err(`${file}: ${checked.message}`);
      for (const line of checked.differences) io.err(`  ${line}`);
      return null;
    }
    for (const note of checked.notes) io.err(`${file}: note: ${note}`);
    return { replay: checked.replay, original: replay, available: mine.value, checkedAgainst: 'your-file' };
  }
  if (replay.scenario.inline) return { replay, original: replay, available: undefined, checkedAgainst: 'inline-copy' };
  return { replay, original: replay, available: await findScenario(replay, undefined, io), checkedAgainst: 'shipped' };
}
