import { quickGameWarnings } from '../io/quick-game.ts';
import { authorNotes } from '../scenario/author-notes.ts';
import { byPosition, type Diagnostic, formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import { parse } from './args.ts';
import { EXIT, type Io, UsageError } from './io.ts';

/**
 * `cashout check`: errors stop a scenario from loading (exit 1); warnings point at numbers
 * and designs that are valid but probably not meant (exit 0, or exit 1 with --strict).
 */
export async function runCheck(args: string[], io: Io): Promise<number> {
  const { positionals, values } = parse(args, {
    quiet: { type: 'boolean', short: 'q' },
    strict: { type: 'boolean' },
    notes: { type: 'boolean' },
  });
  if (positionals.length === 0) throw new UsageError('name at least one scenario file, e.g. cashout check scenarios/*.yaml');
  const strict = Boolean(values.strict);
  let failed = 0;
  let warned = 0;
  for (const file of positionals) {
    const r = await loadScenarioFile(file);
    const warnings: Diagnostic[] = [...r.warnings];
    if (r.ok && r.locate) warnings.push(...quickGameWarnings(r.value, r.locate, file));
    warnings.sort(byPosition);
    for (const w of warnings) io.err(formatDiagnostic(strict ? { ...w, severity: 'error' } : w));
    if (warnings.length) warned += 1;
    if (r.ok && !(strict && warnings.length)) {
      if (!values.quiet) {
        const note = warnings.length ? `; ${warnings.length} warning${warnings.length === 1 ? '' : 's'} above` : '';
        io.out(`ok: ${file} — "${r.value.title}" (${r.value.id}), ${r.value.calendar.turns} turns, ${r.value.levers.length} levers${note}`);
      }
      // Authors' working notes are kept out of the game; --notes lists them for review.
      if (values.notes) for (const n of authorNotes(r.value)) io.out(`  note for authors at ${n.path}: ${n.text}`);
    } else if (r.ok) {
      failed += 1;
      io.err(`${file}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}, which --strict treats as errors.`);
    } else {
      failed += 1;
      for (const d of r.errors) io.err(formatDiagnostic(d));
      io.err(`${file}: ${r.errors.length} problem${r.errors.length === 1 ? '' : 's'}; the scenario was not loaded.`);
    }
  }
  if (positionals.length > 1) io.out(`${positionals.length - failed} of ${positionals.length} scenario files are valid${warned ? ` (${warned} with warnings)` : ''}.`);
  return failed ? EXIT.invalid : EXIT.ok;
}
