// `cashout` command line: a thin shell over the engine for instructors and tests. Each
// command's module is imported only when that command runs, so `cashout help` (and any
// command) starts without loading the code of all the others.
import { EXIT, InputError, type Io, processIo, UsageError } from './io.ts';
import { writeFailure } from './outputs.ts';
import { plainTerminal } from './plain.ts';

export const HELP = `cashout — the Cashout simulation from the command line

Usage:
  cashout new <my-course.yaml>            start a scenario from a documented template
  cashout check [--strict] [--notes] <scenario.yaml>...
                                          validate scenario files: errors exit 1, warnings (numbers and designs
                                          that are valid but probably not meant) exit 0, or 1 with --strict;
                                          --notes also lists the authors' working notes
  cashout sim --scenario <file> [--seed S] [--policy NAME|FILE] [--json] [--out run.json] [--currency USD|JPY]
              [--point-values]
                                          play a whole game under a policy; --out writes the replay; --json adds
                                          missile money by source, blocked heists and the drawn parameters;
                                          --point-values plays every ranged figure at its value
  cashout replay verify <run.json> [--scenario <your.yaml>] [--key <server.key>]
                                          re-run a replay; "verified" or the first turn that differs; with
                                          --scenario, only a run of exactly your scenario file counts;
                                          with --key, also check the classroom server's attestation
  cashout replay link <run.json> --site <URL> [--scenario-path /x.yaml]
                                          a share link that opens this run in the viewer at URL
  cashout report <run.json> [--out report.html] [--compare none|historical|other.json] [--scenario <your.yaml>]
                                          a self-contained debrief report with an after-action report (HTML,
                                          SVG charts, printable); --compare takes a run of the same scenario and seed
  cashout batch --scenario <file> [--runs 1000] [--policy NAME|FILE]... [--workers N] [--seed-base N]
                [--json] [--html report.html] [--runs-out runs.jsonl] [--base NAME|FILE] [--sensitivity-runs 200]
                [--point-values]
                                          many seeds per policy on all cores, the same seeds for every policy:
                                          p5/p50/p95 (and p5-p95 from luck alone, the same seeds at point values),
                                          objectives met, the share of runs meeting ALL objectives,
                                          a verdict ("winnable: 2 of 4 policies ..."), and which lever matters
                                          (each lever at its maximum on top of --base, default "none";
                                          --sensitivity-runs 0 skips it); --runs-out writes one JSON line per run
  cashout balance <scenario> [--generations 20] [--population 40] [--runs 48] [--check-runs 400] [--phases 6]
                  [--workers N] [--seed 1] [--json] [--out report.html] [--policy-out best.yaml] [--strict]
                                          the exploit finder: searches lever schedules within the budgets
                                          (cross-entropy method, the same seeds for every candidate), then checks
                                          the best policies and the classic degenerate strategies (each lever
                                          alone, each sector's defence alone, defence timed to known events,
                                          each role idle) on other seeds and says whether any beats the best
                                          balanced policy; --strict exits 1 if one does. Takes minutes.
  cashout calibrate [--runs 200] [--param-draws 40] [--luck-seeds 20] [--out report.md] [scenario.yaml]...
                                          historical policy vs the documented record, the spread from luck and from
                                          parameter uncertainty apart (printed; --out writes it, e.g. --out
                                          docs/calibration.md); exit 1 if a median leaves its band
  cashout schema [--out <file>]           print the scenario JSON Schema (for editors)
  cashout bots --server <URL> --code <CODE> [--tables N] [--policy NAME|FILE] [--timeout 900]
                                          fill a class session's free seats with policy players
  cashout help                            this text

Without --policy, sim plays the scenario's "historical" policy if it has one, else "none".
Exit codes: 0 success, 1 invalid input or a failed verification, 2 wrong usage.
`;

type Command = (args: string[], io: Io) => Promise<number>;

declare global {
  /**
   * Set only by scripts/build-cli.mjs, which compiles one bundle per command: the command
   * that bundle holds ("" for the bundle of help and unknown commands). esbuild replaces it
   * with that string, so the other commands' loaders, and the imports of their code, fold
   * away; bin/load-cli.cjs picks the bundle by the command's name. Unset in the sources.
   */
  var CASHOUT_ONLY: string | undefined;
}

/** A command compiled into another bundle (bin/load-cli.cjs never routes one here). */
const elsewhere = async (): Promise<Command> => {
  throw new Error('this compiled bundle does not hold that command');
};

// Each condition must spell out globalThis.CASHOUT_ONLY for esbuild to fold it.
const COMMANDS: Record<string, () => Promise<Command>> = {
  new: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'new' ? async () => (await import('./new-cmd.ts')).runNew : elsewhere,
  check: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'check' ? async () => (await import('./check.ts')).runCheck : elsewhere,
  sim: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'sim' ? async () => (await import('./sim.ts')).runSim : elsewhere,
  replay: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'replay' ? async () => (await import('./replay-cmd.ts')).runReplayCommand : elsewhere,
  batch: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'batch' ? async () => (await import('./batch.ts')).runBatchCommand : elsewhere,
  balance: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'balance' ? async () => (await import('./balance.ts')).runBalanceCommand : elsewhere,
  report: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'report' ? async () => (await import('./report-cmd.ts')).runReport : elsewhere,
  calibrate: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'calibrate' ? async () => (await import('./calibrate.ts')).runCalibrate : elsewhere,
  schema: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'schema' ? async () => (await import('./schema-cmd.ts')).runSchema : elsewhere,
  bots: globalThis.CASHOUT_ONLY === undefined || globalThis.CASHOUT_ONLY === 'bots' ? async () => (await import('./bots.ts')).runBots : elsewhere,
};

/** Every command's name (scripts/build-cli.mjs compiles a bundle for each). */
export const COMMAND_NAMES = Object.keys(COMMANDS);

/**
 * The Io every command gets: printed text is made plain (no terminal control codes from
 * files) and a failed write is an input problem in words, not an internal error.
 */
export function safeIo(io: Io): Io {
  return {
    out: (t) => io.out(plainTerminal(t)),
    err: (t) => io.err(plainTerminal(t)),
    writeFile: async (path, text) => {
      try {
        await io.writeFile(path, text);
      } catch (e) {
        throw writeFailure(path, e);
      }
    },
  };
}

export async function main(argv: string[], rawIo: Io = processIo): Promise<number> {
  const io = safeIo(rawIo);
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command ? EXIT.ok : EXIT.usage;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.err(`cashout: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}. Try "cashout help".`);
    return EXIT.usage;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`cashout ${command}: ${e.message}\nTry "cashout help".`);
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.err(`cashout ${command}: ${e.message}`);
      return EXIT.invalid;
    }
    // Never a stack trace at a user; the message still says what happened.
    const message = e instanceof Error ? e.message : String(e);
    io.err(`cashout ${command}: internal error: ${message}\nThis is a bug in Cashout; please report it with the command you ran.`);
    return EXIT.internal;
  }
}
