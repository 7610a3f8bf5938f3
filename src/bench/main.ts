// `npm run bench`: every measurement, then BENCHMARKS.md. Targets are stated beside the
// results; a missed target is reported with by how much, never hidden.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { balanceBench } from './balance.ts';
import { batchScaling } from './batch.ts';
import { classroomBench } from './classroom.ts';
import { cliStart } from './cli-start.ts';
import { engineThroughput } from './engine.ts';
import { pageMetrics } from './page.ts';
import { replayVerify } from './replay.ts';
import { benchmarksMarkdown } from './report.ts';
import { scale } from './scale.ts';

export async function main(argv: string[]): Promise<number> {
  const only = new Set(argv.filter((a) => !a.startsWith('-')));
  const want = (k: string) => only.size === 0 || only.has(k);
  const log = (s: string) => process.stderr.write(`${s}\n`);
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
  };
  log('bench: engine throughput…');
  const engine = want('engine') ? await engineThroughput() : null;
  log('bench: replay verification…');
  const replay = want('replay') ? await replayVerify() : null;
  log('bench: scale (30/60/120 turns)…');
  const scaled = want('scale') ? await scale() : null;
  log('bench: batch scaling (10,000 runs, 1 worker then all cores)…');
  const batch = want('batch') ? await batchScaling() : null;
  log('bench: balance at its defaults on every shipped scenario (minutes)…');
  const balance = want('balance') ? balanceBench(log) : null;
  log('bench: command-line start (cashout vs node -e 0)…');
  const cli = want('cli') ? cliStart() : null;
  log('bench: page (build, gzip sizes, load time and frame times in headless Chromium)…');
  const page = want('page') ? await pageMetrics(log) : null;
  log('bench: classroom (40 bots at 10 tables against a classroom server process)…');
  const classroom = want('classroom') ? await classroomBench(log) : null;
  let md = benchmarksMarkdown({ machine, engine, replay, scaled, batch, page, cli, balance, classroom });
  const file = new URL('../../BENCHMARKS.md', import.meta.url);
  // `npm run bench engine batch` re-measures those sections and keeps the others as they were.
  if (only.size > 0 && existsSync(file)) md = mergeSections(readFileSync(file, 'utf8'), md, machine.date);
  writeFileSync(file, md);
  process.stdout.write(md);
  return 0;
}

/** Sections by their number (`## 4. Page` is 4), each with its text up to the next. */
function sections(md: string): { head: string; parts: Map<number, string> } {
  const chunks = md.split(/^(?=## \d+\.)/m);
  const parts = new Map<number, string>();
  for (const c of chunks.slice(1)) parts.set(Number(/^## (\d+)\./.exec(c)![1]), c);
  return { head: chunks[0]!, parts };
}

/** The old file with the freshly measured sections put in (in number order), each marked with its date. */
export function mergeSections(old: string, fresh: string, date: string): string {
  const before = sections(old);
  const now = sections(fresh);
  for (const [n, text] of now.parts) before.parts.set(n, `${text.trimEnd()}\n\nSection ${n} re-measured on ${date} (\`npm run bench\` with only some sections).\n\n`);
  return before.head + [...before.parts].sort((a, b) => a[0] - b[0]).map(([, t]) => t).join('');
}
