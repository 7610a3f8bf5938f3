import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReplayFile, runReplay, scenarioHash } from '../engine/replay.ts';
import { turnLabel } from '../engine/state.ts';
import { runLink } from '../io/share-link.ts';
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

const AGAINST = {
  'your-file': (f: string | undefined) => `your scenario file ${f}`,
  'inline-copy': () => 'the copy of the scenario inside the file',
  shipped: () => 'the shipped scenario with its id',
} as const;

export async function runReplayCommand(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, {
    scenario: { type: 'string', short: 's' },
    key: { type: 'string' },
    site: { type: 'string' },
    'scenario-path': { type: 'string' },
  });
  const [sub, file] = positionals;
  if (sub !== 'verify' && sub !== 'link')
    throw new UsageError(
      'the replay commands are: cashout replay verify <run.json> [--scenario file] [--key server.key], cashout replay link <run.json> --site URL',
    );
  if (!file) throw new UsageError(`name the replay file: cashout replay ${sub} run.json`);
  if (sub === 'link') return replayLink(file, values, io);
  const opened = await openReplay(file, values.scenario, io);
  if (!opened) return EXIT.invalid;
  const { replay, original, available, checkedAgainst } = opened;
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
    `verified: ${file} — scenario "${s.scenario.id}", seed ${replay.seed}, ${result.turns} turn${result.turns === 1 ? '' : 's'}${where}, ${replay.events.length} decisions; every turn hash matches (final state ${replay.finalStateHash}), re-run on ${AGAINST[checkedAgainst](values.scenario)}.`,
  );
  if (key) {
    const a = checkAttestation(original, key);
    if (!a.ok) {
      io.err(`${file}: ${a.message}`);
      return EXIT.invalid;
    }
    io.out(
      `attested: the classroom server holding key ${a.keyId} wrote exactly this file (scenario, seed, every decision and turn hash); nothing was changed since. It does not show who sat at which seat, or that no later version of this log exists.`,
    );
  }
  if (checkedAgainst !== 'your-file' && !key)
    io.out(
      'note: the hashes are checksums anyone can recompute, so this shows the file is consistent and reproduces, not who made it or that its scenario is yours; add --scenario YOUR.yaml to check it against your own scenario file (and --key for a file written by the classroom server).',
    );
  return EXIT.ok;
}

/**
 * `cashout replay link run.json --site URL`: the share link that opens this run in the
 * viewer of the game at URL. The scenario must be one that site has: a shipped scenario
 * (found here by id and content), or one it serves at --scenario-path.
 */
async function replayLink(file: string, values: { site?: string; scenario?: string; 'scenario-path'?: string }, io: Io): Promise<number> {
  if (!values.site) throw new UsageError('give the address of the game the link is for: --site https://…/');
  let site: URL;
  try {
    site = new URL(values.site);
  } catch {
    throw new UsageError(`--site is the web address of the game, e.g. https://class.example.edu/cashout/, got "${values.site}"`);
  }
  if (site.protocol !== 'http:' && site.protocol !== 'https:') throw new UsageError('--site is an http(s) address');
  const path = values['scenario-path'];
  if (path !== undefined && !/^\/\S+\.ya?ml$/i.test(path)) throw new UsageError('--scenario-path is the path of the scenario on that site, e.g. /courses/week3.yaml');
  const opened = await openReplay(file, values.scenario, io);
  if (!opened) return EXIT.invalid;
  const checked = runReplay(opened.replay, opened.available);
  if (!checked.ok) {
    io.err(`${file}: ${checked.message}`);
    return EXIT.invalid;
  }
  const scenario = checked.run.scenario;
  const shipped = await findScenario(opened.replay, undefined, io);
  const isShipped = shipped !== undefined && scenarioHash(shipped) === scenarioHash(scenario);
  const link = await runLink(opened.replay, scenario, site.href, { shipped: isShipped, ...(path ? { path } : {}) });
  if (!link.ok) {
    io.err(`${file}: no link: ${isShipped || path ? link.reason : `scenario "${scenario.id}" is not one of the shipped scenarios, so give the path the site serves it at (--scenario-path /courses/x.yaml), or share the replay file.`}`);
    return EXIT.invalid;
  }
  io.out(link.url);
  io.err(`${link.length} characters; it opens this run (${checked.turns} turns, seed ${opened.replay.seed}) in the viewer at ${site.origin}.`);
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
