import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReplayFile, runReplay } from '../engine/replay.ts';
import { turnLabel } from '../engine/state.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { Scenario } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import { openReplay } from './open-replay.ts';

const SHIPPED = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

/** The scenario for a replay without an inline copy: --scenario, else a shipped one with that id. */
export async function findScenario(replay: ReplayFile, given: string | undefined, io: Io): Promise<Scenario | undefined> {
  const candidates = given ? [given] : await shippedFiles();
  for (const file of candidates) {
    const r = await loadScenarioFile(file);
    if (given && !r.ok) {
      for (const d of r.errors) io.err(formatDiagnostic(d));
      return undefined;
    }
    if (r.ok && (given || r.value.id === replay.scenario.id)) return r.value;
  }
  return undefined;
}

async function shippedFiles(): Promise<string[]> {
  try {
    return (await readdir(SHIPPED)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(SHIPPED, f));
  } catch {
    return [];
  }
}

export async function runReplayCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { scenario: { type: 'string', short: 's' } });
  const [sub, file] = positionals;
  if (sub !== 'verify') throw new UsageError('the replay command is: cashout replay verify <run.json> [--scenario file]');
  if (!file) throw new UsageError('name the replay file: cashout replay verify run.json');
  const opened = await openReplay(file, values.scenario, io);
  if (!opened) return EXIT.invalid;
  const { replay, available } = opened;
  const result = runReplay(replay, available);
  if (!result.ok) {
    io.err(`${file}: ${result.message}`);
    return EXIT.invalid;
  }
  const s = result.run;
  const where = s.reports.length ? `, through ${turnLabel(s.scenario, s.reports.length)}` : '';
  io.out(
    `verified: ${file} — scenario "${s.scenario.id}", seed ${replay.seed}, ${result.turns} turn${result.turns === 1 ? '' : 's'}${where}, ${replay.events.length} decisions; every turn hash matches (final state ${replay.finalStateHash}).`,
  );
  return EXIT.ok;
}
