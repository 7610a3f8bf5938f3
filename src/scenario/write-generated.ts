// Regenerates the files derived from the scenario schema. Run after changing schema.ts or
// docs*.ts:  npx tsx src/scenario/write-generated.ts
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from './generated.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const f of generatedFiles()) {
  const target = join(root, f.path);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, f.content);
  console.log(`wrote ${f.path}`);
}
