// Runs the CLI in-process with captured output, in a temporary working directory.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { main } from '../../src/cli/main.ts';
import { miniInput } from '../fixtures/mini.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
  files: Map<string, string>;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let out = '';
  let err = '';
  const files = new Map<string, string>();
  const code = await main(argv, {
    out: (t) => {
      out += t.endsWith('\n') ? t : `${t}\n`;
    },
    err: (t) => {
      err += t.endsWith('\n') ? t : `${t}\n`;
    },
    writeFile: async (p, t) => {
      files.set(p, t);
      writeFileSync(p, t);
    },
  });
  return { code, out, err, files };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'cashout-cli-'));
}

/** Writes the mini test scenario as YAML and returns its path. */
export function writeMini(dir: string, patch: (s: Record<string, unknown>) => void = () => {}): string {
  const copy = structuredClone(miniInput) as unknown as Record<string, unknown>;
  patch(copy);
  const path = join(dir, 'mini.yaml');
  writeFileSync(path, stringify(copy));
  return path;
}

export function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}
