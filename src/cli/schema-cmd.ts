import { publishedScenarioSchema } from '../scenario/json-schema-published.ts';
import { parse } from './args.ts';
import { EXIT, type Io } from './io.ts';
import { checkOutputPath } from './outputs.ts';

export async function runSchema(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, { out: { type: 'string', short: 'o' } });
  if (values.out) checkOutputPath(values.out, '--out');
  const text = `${JSON.stringify(publishedScenarioSchema(), null, 2)}\n`;
  if (values.out) {
    await io.writeFile(values.out, text);
    io.err(`wrote ${values.out}`);
  } else io.out(text);
  return EXIT.ok;
}
