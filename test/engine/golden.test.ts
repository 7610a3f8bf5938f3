// Golden transcript: the mini scenario with seed "42" under two policies, pinned turn by
// turn. A difference means the rules changed, which breaks every saved replay. If the
// change is intended: bump ENGINE_VERSION in src/engine/version.ts, then regenerate with
//
//   UPDATE_GOLDEN=1 npx vitest run test/engine/golden.test.ts
//
// Regeneration refuses to record different hashes under an unchanged ENGINE_VERSION.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { ENGINE_VERSION } from '../../src/engine/version.ts';
import { mini } from '../fixtures/mini.ts';

const FILE = fileURLToPath(new URL('./golden/mini.json', import.meta.url));
const SEED = '42';
const POLICIES = ['none', 'tough'] as const;
const HOW = 'Bump ENGINE_VERSION in src/engine/version.ts, then run: UPDATE_GOLDEN=1 npx vitest run test/engine/golden.test.ts';

interface PolicyGolden {
  turnHashes: string[];
  totals: { stolenUsd: number; frozenUsd: number; cashedOutUsd: number; missileSpendUsd: number; launches: number };
  randomEvents: string[][];
}
interface Golden {
  engineVersion: string;
  scenario: string;
  seed: string;
  policies: Record<string, PolicyGolden>;
}

function transcript(): Golden {
  const policies: Record<string, PolicyGolden> = {};
  for (const name of POLICIES) {
    const s = playPolicy(new GameSession(mini, SEED), mini.policies[name]!);
    const t = s.game.totals;
    policies[name] = {
      turnHashes: [...s.turnHashes],
      totals: {
        stolenUsd: t.stolenUsd,
        frozenUsd: t.frozenUsd,
        cashedOutUsd: t.cashedOutUsd,
        missileSpendUsd: t.missileSpendUsd,
        launches: t.launches,
      },
      randomEvents: s.reports.map((r) => r.events.filter((e) => e.kind === 'random').map((e) => e.id)),
    };
  }
  return { engineVersion: ENGINE_VERSION, scenario: mini.id, seed: SEED, policies };
}

const hashesOf = (g: Golden) => JSON.stringify(POLICIES.map((p) => g.policies[p]?.turnHashes));
const stored = (): Golden | null => (existsSync(FILE) ? (JSON.parse(readFileSync(FILE, 'utf8')) as Golden) : null);

describe('golden transcript: mini, seed "42"', () => {
  const actual = transcript();

  if (process.env.UPDATE_GOLDEN === '1') {
    it('rewrites test/engine/golden/mini.json', () => {
      const old = stored();
      if (old && old.engineVersion === ENGINE_VERSION && hashesOf(old) !== hashesOf(actual))
        throw new Error(`The outcomes changed but ENGINE_VERSION is still ${ENGINE_VERSION}. ${HOW}`);
      writeFileSync(FILE, `${JSON.stringify(actual, null, 2)}\n`);
    });
    return;
  }

  const golden = stored();

  it('has a golden file', () => {
    expect(golden, `missing ${FILE}. ${HOW}`).not.toBeNull();
  });

  it('was recorded with this ENGINE_VERSION', () => {
    expect(golden?.engineVersion, `ENGINE_VERSION changed: regenerate the golden file. ${HOW}`).toBe(ENGINE_VERSION);
  });

  it.each(POLICIES)('policy %s: per-turn hashes are unchanged', (name) => {
    expect(actual.policies[name]!.turnHashes, `the rules changed. ${HOW}`).toEqual(golden?.policies[name]?.turnHashes);
  });

  it.each(POLICIES)('policy %s: totals and random events are unchanged', (name) => {
    const { turnHashes: _, ...rest } = actual.policies[name]!;
    const { turnHashes: __, ...want } = golden?.policies[name] ?? ({} as PolicyGolden);
    expect(rest, `the rules changed. ${HOW}`).toEqual(want);
  });
});
