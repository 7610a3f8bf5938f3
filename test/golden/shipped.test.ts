// Golden transcripts for every shipped scenario: seed → per-turn hashes under each of its
// policies. A failure means the rules or the scenario changed outcomes. If that was the
// intent, bump ENGINE_VERSION (src/engine/version.ts) for rule changes, then regenerate:
//   UPDATE_GOLDEN=1 npx vitest run test/golden
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { scenarioHash } from '../../src/engine/replay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { ENGINE_VERSION } from '../../src/engine/version.ts';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');
const GOLDEN = import.meta.dirname;
const SEEDS = ['1', '42'];
const files = readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml'));

interface Golden {
  engineVersion: string;
  scenarioHash: string;
  runs: Record<string, { turnHashes: string[]; stolenUsd: number; cashedOutUsd: number; launches: number }>;
}

describe.each(files)('golden transcript of %s', (file) => {
  it('replays to the recorded per-turn hashes for each policy and seed', async () => {
    const loaded = await loadScenarioFile(join(SCENARIOS, file));
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const scenario = loaded.value;
    const actual: Golden = { engineVersion: ENGINE_VERSION, scenarioHash: scenarioHash(scenario), runs: {} };
    for (const policy of Object.keys(scenario.policies).sort())
      for (const seed of SEEDS) {
        const s = playPolicy(new GameSession(scenario, seed), scenario.policies[policy]!);
        const t = s.game.totals;
        actual.runs[`${policy}@${seed}`] = {
          turnHashes: s.turnHashes,
          stolenUsd: t.stolenUsd,
          cashedOutUsd: t.cashedOutUsd,
          launches: t.launches,
        };
      }
    const path = join(GOLDEN, `${scenario.id}.json`);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, `${JSON.stringify(actual, null, 2)}\n`);
    expect(existsSync(path), `no golden transcript for ${file}: run UPDATE_GOLDEN=1 npx vitest run test/golden`).toBe(true);
    const golden = JSON.parse(readFileSync(path, 'utf8')) as Golden;
    expect(actual.scenarioHash, `${file} changed since its transcript was recorded`).toBe(golden.scenarioHash);
    expect(actual).toEqual(golden);
  });
});
