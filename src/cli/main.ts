// `cashout` command line: a thin shell over the engine for instructors and tests.
import { runBatchCommand } from './batch.ts';
import { runCalibrate } from './calibrate.ts';
import { runCheck } from './check.ts';
import { EXIT, InputError, type Io, processIo, UsageError } from './io.ts';
import { runNew } from './new-cmd.ts';
import { writeFailure } from './outputs.ts';
import { plainTerminal } from './plain.ts';
import { runReplayCommand } from './replay-cmd.ts';
import { runReport } from './report-cmd.ts';
import { runSchema } from './schema-cmd.ts';
import { runSim } from './sim.ts';

export const HELP = `cashout — the Cashout simulation from the command line

Usage:
  cashout new <my-course.yaml>            start a scenario from a documented template
  cashout check [--strict] <scenario.yaml>...
                                          validate scenario files: errors exit 1, warnings (numbers and designs
                                          that are valid but probably not meant) exit 0, or 1 with --strict
  cashout sim --scenario <file> [--seed S] [--policy NAME|FILE] [--json] [--out run.json] [--currency USD|JPY]
                                          play a whole game under a policy; --out writes the replay
  cashout replay verify <run.json> [--scenario <file>]
                                          re-run a replay; "verified" or the first turn that differs
  cashout report <run.json> [--out report.html] [--compare none|historical|other.json]
                                          a self-contained debrief report (HTML, SVG charts, printable)
  cashout batch --scenario <file> [--runs 1000] [--policy NAME|FILE]... [--workers N] [--json] [--html report.html]
                                          many seeds per policy on all cores: p5/p50/p95 and objectives met
  cashout calibrate [--runs 200] [--out report.md] [scenario.yaml]...
                                          historical policy vs the documented record (printed; --out writes it,
                                          e.g. --out docs/calibration.md); exit 1 if a median leaves its band
  cashout schema [--out <file>]           print the scenario JSON Schema (for editors)
  cashout help                            this text

Without --policy, sim plays the scenario's "historical" policy if it has one, else "none".
Exit codes: 0 success, 1 invalid input or a failed verification, 2 wrong usage.
`;

type Command = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  new: runNew,
  check: runCheck,
  sim: runSim,
  replay: runReplayCommand,
  batch: runBatchCommand,
  report: runReport,
  calibrate: runCalibrate,
  schema: runSchema,
};

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
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.err(`cashout: unknown command "${command}". Commands: ${Object.keys(COMMANDS).join(', ')}. Try "cashout help".`);
    return EXIT.usage;
  }
  try {
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
