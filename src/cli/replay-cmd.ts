import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReplayFile, runReplay } from '../engine/replay.ts';
import { turnLabel } from '../engine/state.ts';
import { checkAttestation } from '../net/attest.ts';
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
  const { positionals, values } = parse(args, { scenario: { type: 'string', short: 's' }, key: { type: 'string' } });
  const [sub, file] = positionals;
  if (sub !== 'verify') throw new UsageError('the replay command is: cashout replay verify <run.json> [--scenario file] [--key server.key]');
  if (!file) throw new UsageError('name the replay file: cashout replay verify run.json');
  const opened = await openReplay(file, values.scenario, io);
  if (!opened) return EXIT.invalid;
  const { replay, available } = opened;
  const key = values.key === undefined ? null : await readKey(values.key, io);
  if (key === false) return EXIT.invalid;
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
  if (key) {
    const a = checkAttestation(replay, key);
    if (!a.ok) {
      io.err(`${file}: ${a.message}`);
      return EXIT.invalid;
    }
    io.out(
      `attested: the classroom server holding key ${a.keyId} wrote exactly this file (scenario, seed, every decision and turn hash); nothing was changed since. It does not show who sat at which seat, or that no later version of this log exists.`,
    );
  }
  return EXIT.ok;
}

/** The server's attestation key file (classroom-data/server.key); false after reporting why not. */
async function readKey(path: string, io: Io): Promise<Buffer | false> {
  try {
    const key = await readFile(path);
    if (key.length < 32) {
      io.err(`${path}: this is not a classroom server key (it has ${key.length} bytes; a key has 32).`);
      return false;
    }
    return key;
  } catch (e) {
    const code = (e as { code?: string }).code;
    io.err(`${path}: ${code === 'ENOENT' ? 'there is no such key file; the classroom server keeps it in classroom-data/server.key' : `the key file cannot be read (${code ?? 'unknown reason'})`}`);
    return false;
  }
}
