import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { scenarioTemplate } from '../scenario/template.ts';
import { parse } from './args.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import { checkOutputPath } from './outputs.ts';

const SCHEMA = resolve(import.meta.dirname, '..', '..', 'scenarios', 'scenario.schema.json');

export async function runNew(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { title: { type: 'string' }, force: { type: 'boolean' } });
  const file = positionals[0];
  if (!file || !/\.ya?ml$/i.test(file)) throw new UsageError('name the new file: cashout new my-course.yaml');
  const id = basename(file)
    .replace(/\.ya?ml$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, 48);
  if (!id) throw new UsageError('the file name must contain letters or digits, e.g. my-course.yaml');
  checkOutputPath(file, 'the new file');
  if (existsSync(file) && !values.force) {
    io.err(`${file} already exists; choose another name (or add --force to overwrite it).`);
    return EXIT.invalid;
  }
  await io.writeFile(file, scenarioTemplate(id, values.title ?? 'My course scenario'));
  // Editors find the schema next to the file (the template's first line points there).
  const schemaCopy = join(dirname(file), 'scenario.schema.json');
  if (!existsSync(schemaCopy) && existsSync(SCHEMA)) {
    await io.writeFile(schemaCopy, readFileSync(SCHEMA, 'utf8'));
  }
  io.out(
    [
      `wrote ${file} (id "${id}"): a complete scenario with comments on every section.`,
      `Next: edit it (editors with YAML support autocomplete it from scenario.schema.json), then`,
      `  npx cashout check ${file}`,
      `  npx cashout sim --scenario ${file} --seed 1`,
    ].join('\n'),
  );
  return EXIT.ok;
}
