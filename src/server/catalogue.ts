// Scenarios a class session can be created with: the shipped files (by id or file name),
// or an instructor's own YAML sent with the request (it may `extends:` a shipped one).
// Loaded with the same loader as `cashout check`, so a bad file gets file:line:column.
import { readdir } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import type { ReadBase } from '../scenario/extends.ts';
import { loadScenarioWithBase } from '../scenario/extends.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { Scenario } from '../scenario/schema.ts';
import { MAX_SOURCE_BYTES } from '../scenario/source-text.ts';

export interface CatalogueEntry {
  file: string;
  scenario: Scenario;
}

export class Catalogue {
  private constructor(
    readonly entries: CatalogueEntry[],
    private readonly dir: string,
  ) {}

  static async load(dir: string): Promise<{ catalogue: Catalogue; problems: string[] }> {
    const entries: CatalogueEntry[] = [];
    const problems: string[] = [];
    let files: string[] = [];
    try {
      files = (await readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
    } catch {
      problems.push(`${dir}: no scenarios folder; only uploaded scenarios can be played.`);
    }
    for (const f of files) {
      const r = await loadScenarioFile(join(dir, f));
      if (r.ok) entries.push({ file: f, scenario: r.value });
      else problems.push(...r.errors.map(formatDiagnostic));
    }
    return { catalogue: new Catalogue(entries, dir), problems };
  }

  /** A shipped scenario by id ("tutorial") or file name ("tutorial.yaml", "scenarios/tutorial.yaml"). */
  find(ref: string): CatalogueEntry | undefined {
    const name = basename(ref);
    return this.entries.find((e) => e.scenario.id === ref || e.file === name);
  }

  /** An uploaded scenario's text; `extends:` may name a shipped file. */
  async fromText(text: string, file: string): Promise<{ ok: true; scenario: Scenario } | { ok: false; problems: string[] }> {
    if (text.length > MAX_SOURCE_BYTES) return { ok: false, problems: [`${file}: the scenario is larger than ${MAX_SOURCE_BYTES} bytes.`] };
    const readShipped: ReadBase = async (ref) => {
      const hit = this.entries.find((e) => e.file === basename(ref));
      if (!hit) return { ok: false, message: `"${ref}" is not a scenario shipped with this server (${this.entries.map((e) => e.file).join(', ')}).` };
      const { readFile } = await import('node:fs/promises');
      return { ok: true, text: await readFile(join(this.dir, hit.file), 'utf8'), file: join(this.dir, hit.file) };
    };
    const r = await loadScenarioWithBase(text, file, readShipped);
    return r.ok ? { ok: true, scenario: r.value } : { ok: false, problems: r.errors.map(formatDiagnostic) };
  }
}
