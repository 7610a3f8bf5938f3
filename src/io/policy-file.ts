// Reading a policy file from disk (Node only).
import type { LoadResult } from '../scenario/diagnostics.ts';
import { readTextFile } from '../scenario/read-text.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { MAX_POLICY_BYTES, parsePolicyText } from './policy-load.ts';

export async function loadPolicyFile(path: string, scenario: Scenario): Promise<LoadResult<PolicyDef>> {
  const read = await readTextFile(path, MAX_POLICY_BYTES, 'a policy file');
  return read.ok ? parsePolicyText(read.text, path, scenario) : read;
}
