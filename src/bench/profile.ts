// A CPU profile taken inside the benchmark (node:inspector, the same sampler as
// `node --cpu-prof`), reduced to where the time goes: self time per function, grouped by
// source file. A missed target is explained with the profile of the run that missed it,
// not with a note written once and left to go stale.
import { Session } from 'node:inspector/promises';

export interface ProfileLine {
  /** `function (file)`, or a V8 bucket such as `(garbage collector)`. */
  name: string;
  share: number;
}

export interface ProfileSummary {
  functions: ProfileLine[];
  files: ProfileLine[];
}

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
}

const SKIP = new Set(['(idle)', '(program)', 'dispatch', 'post']);

const fileOf = (url: string) => {
  if (!url) return '(V8)';
  const m = /\/(src\/[^?]+|node_modules\/[^/]+)/.exec(url);
  return m ? m[1]! : url.replace(/^.*\//, '');
};

function top(map: Map<string, number>, total: number, n: number): ProfileLine[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([name, t]) => ({ name, share: t / total }));
}

/** Profiles `work` (run after a warm-up by the caller) and returns the top entries. */
export async function profile(work: () => void, n = 8): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    work();
    const { profile: p } = (await session.post('Profiler.stop')) as { profile: CpuProfile };
    const byId = new Map(p.nodes.map((x) => [x.id, x]));
    const byFunction = new Map<string, number>();
    const byFile = new Map<string, number>();
    let total = 0;
    // Samples are counted, not weighted by their time deltas: the first delta spans the
    // profiler's own start-up. The profiler's own frames (idle, its message dispatch) are left out.
    for (const id of p.samples) {
      const node = byId.get(id);
      const dt = 1;
      if (!node || SKIP.has(node.callFrame.functionName)) continue;
      const file = fileOf(node.callFrame.url);
      const fn = node.callFrame.url ? `${node.callFrame.functionName || '(anonymous)'} (${file})` : node.callFrame.functionName;
      byFunction.set(fn, (byFunction.get(fn) ?? 0) + dt);
      byFile.set(file, (byFile.get(file) ?? 0) + dt);
      total += dt;
    }
    return { functions: top(byFunction, total, n), files: top(byFile, total, n) };
  } finally {
    session.disconnect();
  }
}

export const profileText = (lines: readonly ProfileLine[]) => lines.map((l) => `${l.name} ${(l.share * 100).toFixed(0)} %`).join(', ');
