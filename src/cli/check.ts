import { authorNotes } from '../scenario/author-notes.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import { parse } from './args.ts';
import { EXIT, type Io, UsageError } from './io.ts';

export async function runCheck(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, { quiet: { type: 'boolean', short: 'q' }, notes: { type: 'boolean' } });
  if (positionals.length === 0) throw new UsageError('name at least one scenario file, e.g. cashout check scenarios/*.yaml');
  let failed = 0;
  for (const file of positionals) {
    const r = await loadScenarioFile(file);
    for (const w of r.warnings) io.err(formatDiagnostic(w));
    if (r.ok) {
      if (!values.quiet)
        io.out(`ok: ${file} — "${r.value.title}" (${r.value.id}), ${r.value.calendar.turns} turns, ${r.value.levers.length} levers`);
      // Authors' working notes are kept out of the game; --notes lists them for review.
      if (values.notes) for (const n of authorNotes(r.value)) io.out(`  note for authors at ${n.path}: ${n.text}`);
    } else {
      failed += 1;
      for (const d of r.errors) io.err(formatDiagnostic(d));
      io.err(`${file}: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}; the scenario was not loaded.`);
    }
  }
  if (positionals.length > 1) io.out(`${positionals.length - failed} of ${positionals.length} scenario files are valid.`);
  return failed ? EXIT.invalid : EXIT.ok;
}
