// Checking a student's replay against the instructor's own scenario file, never against
// the copy the replay carries (a student can edit that copy, and the hash beside it, as
// easily as anything else in the file). A run counts only if it was recorded on exactly
// the instructor's scenario and its decisions re-run on that scenario to every recorded
// turn hash. Differences are named field by field; a scenario that differs only in its
// assessment material (notes and questions, which play never reads) still verifies.

import { type Difference, describeDifferences, onlyAssessment, scenarioDifferences } from '../scenario/diff.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type ReplayFile, scenarioHash } from './replay.ts';

export type ReferenceCheck =
  | { ok: true; replay: ReplayFile; notes: string[] }
  | { ok: false; message: string; differences: string[] };

const LABELS = { a: 'the replay', b: 'your scenario' };

/**
 * The replay, re-addressed to `reference` (no inline copy: the engine must use the
 * reference), or why it cannot be: another scenario id, or another content.
 */
export function againstReference(replay: ReplayFile, reference: Scenario, referenceName = 'your scenario file'): ReferenceCheck {
  const refHash = scenarioHash(reference);
  const inline = replay.scenario.inline;
  const inlineDiffs: Difference[] = inline ? scenarioDifferences(inline, reference) : [];
  const rebased = (): ReplayFile => {
    const { inline: _, ...header } = replay.scenario;
    return { ...replay, scenario: { ...header, hash: refHash } };
  };
  if (replay.scenario.id !== reference.id)
    return {
      ok: false,
      message: `is a run of scenario "${replay.scenario.id}", not of "${reference.id}" (${referenceName}).`,
      differences: describeDifferences(inlineDiffs, LABELS),
    };
  if (replay.scenario.hash === refHash) {
    const notes = inline && inlineDiffs.length ? [`its inline copy of the scenario was edited after the run (${inlineDiffs.length} difference${inlineDiffs.length === 1 ? '' : 's'} from ${referenceName}); the run was checked against ${referenceName}, on which it was recorded.`] : [];
    return { ok: true, replay: rebased(), notes };
  }
  // The recorded hash is not the reference's: the run was played on another version.
  if (inline && scenarioHash(inline) === replay.scenario.hash && onlyAssessment(inlineDiffs))
    return {
      ok: true,
      replay: rebased(),
      notes: [`it was played on a version of ${referenceName} whose assessment material differs (${inlineDiffs.map((d) => d.path).join(', ')}); that material does not affect play, so the run was checked against ${referenceName}.`],
    };
  return {
    ok: false,
    message: inline
      ? `was played on a different version of scenario "${reference.id}" than ${referenceName} (${inlineDiffs.length} difference${inlineDiffs.length === 1 ? '' : 's'}${scenarioHash(inline) !== replay.scenario.hash ? '; its inline copy does not even match the hash it records' : ''}).`
      : `was played on a different version of scenario "${reference.id}" than ${referenceName} (content hash ${replay.scenario.hash}, yours is ${refHash}); the file carries no copy of its scenario, so the differences cannot be listed.`,
    differences: describeDifferences(inlineDiffs, LABELS),
  };
}
