// `npm run bench`: every measurement, then BENCHMARKS.md. Targets are stated beside the
// results; a missed target is reported with by how much, never hidden.
import { writeFileSync } from 'node:fs';
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
  const md = benchmarksMarkdown({ machine, engine, replay, scaled, batch, page, cli, balance, classroom });
  writeFileSync(new URL('../../BENCHMARKS.md', import.meta.url), md);
  process.stdout.write(md);
  return 0;
}
