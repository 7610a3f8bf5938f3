// The claims the model must hold to be worth teaching with (issue 11), measured on every
// shipped scenario over fixed seeds, the same seeds for every policy (common random
// numbers): no cheap trick wins.
//   - timing a posture only around the known heist months is worth far less than holding it;
//   - spending every role's budget well beats leaving a role idle;
//   - no single lever and no single-sector defence beats the scenario's balanced policy;
//   - no sanction helps the adversary: it never raises the expected cash that gets through.
import { describe, expect, it } from 'vitest';
import type { PlayedRun } from '../../src/engine/autoplay.ts';
import { spread } from '../../src/engine/stats.ts';
import { evaluateObjectives } from '../../src/engine/summary.ts';
import { playRun } from '../../src/engine/uncertainty.ts';
import type { PolicyDef, Scenario } from '../../src/scenario/schema.ts';
import { scenarioOf, shipped } from './shipped.ts';

const SEEDS = Array.from({ length: 50 }, (_, i) => String(i + 1));
const cache = new Map<string, PlayedRun[]>();

function runs(s: Scenario, name: string, policy: PolicyDef): PlayedRun[] {
  const key = `${s.id}/${name}`;
  let out = cache.get(key);
  if (!out) {
    out = SEEDS.map((seed) => playRun(s, policy, seed));
    cache.set(key, out);
  }
  return out;
}

interface Score {
  /** Share of runs meeting every objective, and mean share of objectives met. */
  all: number;
  met: number;
  meanCash: number;
  medianCash: number;
  meanStolen: number;
}

function score(s: Scenario, name: string, policy: PolicyDef): Score {
  const rs = runs(s, name, policy);
  let all = 0;
  let met = 0;
  let cash = 0;
  let stolen = 0;
  for (const r of rs) {
    const o = evaluateObjectives(s, r.state);
    if (o.every((x) => x.met)) all += 1;
    met += o.filter((x) => x.met).length / o.length;
    cash += r.state.totals.cashedOutUsd;
    stolen += r.state.totals.stolenUsd;
  }
  const n = rs.length;
  return {
    all: all / n,
    met: met / n,
    meanCash: cash / n,
    medianCash: spread(rs.map((r) => r.state.totals.cashedOutUsd)).p50,
    meanStolen: stolen / n,
  };
}

const scenarios = shipped.map((x) => scenarioOf(x));
const byId = (id: string) => scenarios.find((s) => s.id === id)!;
const noneLevels = (s: Scenario) => s.policies.none!.turns['1'] ?? {};
const budget = (s: Scenario, role: string) => s.roles.find((r) => r.id === role)!.budgetPerTurn;
const lever = (s: Scenario, id: string) => s.levers.find((l) => l.id === id)!;
const from1 = (levels: Record<string, number>): PolicyDef => ({ description: 'test policy', turns: { '1': levels } });

/** The none baseline with one lever at the highest level its role can afford on top of it. */
function singleLever(s: Scenario, id: string): { level: number; policy: PolicyDef } {
  const l = lever(s, id);
  const none = noneLevels(s);
  let others = 0;
  for (const [k, v] of Object.entries(none)) if (k !== id && lever(s, k).role === l.role) others += lever(s, k).costPerLevel * v;
  const level = Math.min(l.maxLevel, Math.floor((budget(s, l.role) - others) / Math.max(1, l.costPerLevel)));
  return { level, policy: from1({ ...none, [id]: level }) };
}

/** A role's whole budget on the levers that name one sector in a defence effect (best value first). */
function singleSector(s: Scenario, sector: string): PolicyDef | null {
  const none = noneLevels(s);
  const candidates = s.levers
    .map((l) => ({ l, per: l.effects.reduce((a, e) => a + (e.type === 'defense' && e.sector === sector ? e.perLevel : 0), 0) }))
    .filter((x) => x.per > 0)
    .sort((a, b) => b.per / Math.max(1, b.l.costPerLevel) - a.per / Math.max(1, a.l.costPerLevel));
  if (candidates.length === 0) return null;
  const role = candidates[0]!.l.role;
  const levels: Record<string, number> = { ...none };
  for (const l of s.levers) if (l.role === role) levels[l.id] = 0;
  let left = budget(s, role);
  for (const { l } of candidates.filter((x) => x.l.role === role)) {
    const n = Math.min(l.maxLevel, Math.floor(left / Math.max(1, l.costPerLevel)));
    levels[l.id] = n;
    left -= n * l.costPerLevel;
  }
  return from1(levels);
}

/** The balanced policy with one role's levers back at the none baseline. */
function idle(s: Scenario, role: string): PolicyDef {
  const none = noneLevels(s);
  const turns: PolicyDef['turns'] = {};
  for (const [t, levels] of Object.entries(s.policies.balanced!.turns))
    turns[t] = Object.fromEntries(Object.entries(levels).map(([k, v]) => [k, lever(s, k).role === role ? (none[k] ?? 0) : v]));
  return { description: `balanced with the ${role} role idle`, turns };
}

describe('every shipped scenario has a balanced policy that uses every role', () => {
  it.each(scenarios.map((s) => [s.id, s] as const))('%s', (_id, s) => {
    const b = s.policies.balanced;
    expect(b, 'a policy named balanced').toBeDefined();
    for (const r of s.roles) expect(Object.entries(b!.turns['1'] ?? {}).some(([k, v]) => v > 0 && lever(s, k).role === r.id), r.id).toBe(true);
  });
});

describe('spending every role’s budget well beats leaving a role idle', () => {
  it.each(scenarios.flatMap((s) => s.roles.map((r) => [s.id, r.id, s] as const)))('%s: %s', (_id, role, s) => {
    const balanced = score(s, 'balanced', s.policies.balanced!);
    const lazy = score(s, `idle:${role}`, idle(s, role));
    expect(balanced.met, 'mean share of objectives met').toBeGreaterThan(lazy.met + 0.02);
    expect(balanced.all, 'share of runs meeting every objective').toBeGreaterThanOrEqual(lazy.all);
  });
});

describe('no single lever beats the balanced policy', () => {
  it.each(scenarios.flatMap((s) => s.levers.map((l) => [s.id, l.id, s] as const)))('%s: %s', (_id, id, s) => {
    const { level, policy } = singleLever(s, id);
    if (level <= (noneLevels(s)[id] ?? 0)) return; // already at its most in the baseline
    const balanced = score(s, 'balanced', s.policies.balanced!);
    const single = score(s, `lever:${id}`, policy);
    expect(balanced.met).toBeGreaterThan(single.met);
    expect(balanced.all).toBeGreaterThanOrEqual(single.all);
  });
});

describe('no single-sector defence beats the balanced policy', () => {
  it.each(scenarios.flatMap((s) => s.sectors.map((x) => [s.id, x.id, s] as const)))('%s: %s', (_id, sector, s) => {
    const policy = singleSector(s, sector);
    if (!policy) return;
    const balanced = score(s, 'balanced', s.policies.balanced!);
    const single = score(s, `sector:${sector}`, policy);
    expect(balanced.met).toBeGreaterThan(single.met);
    expect(balanced.all).toBeGreaterThanOrEqual(single.all);
  });
});

describe('timing a posture around the known heist months is worth far less than holding it', () => {
  // The levers that defend each scenario's documented heists, and the heists' turns. (The
  // 2022 scenario is left out: in twelve months neither timing nor holding a posture can
  // stop Ronin in March, and defences need months to matter.)
  const cases: [string, Record<string, number>, number[]][] = [
    ['2019-2020-exchange-era', { 'exchange-keys': 3, 'phishing-training': 3 }, [11, 21]],
    ['2023-2025-wallets-bridges', { 'signing-security': 3, 'phishing-training': 2 }, [17, 19, 26]],
    ['defence-espionage', { 'exchange-keys': 3, 'phishing-training': 3 }, [9]],
  ];
  it.each(cases)('%s', (id, levers, heists) => {
    const s = byId(id);
    const none = noneLevels(s);
    const off = Object.fromEntries(Object.keys(levers).map((k) => [k, none[k] ?? 0]));
    // On in the two months before each documented heist and in its month, off otherwise.
    const turns: PolicyDef['turns'] = { '1': { ...none } };
    const on = (t: number) => heists.some((h) => t >= h - 2 && t <= h);
    for (let t = 1; t <= s.calendar.turns; t++) {
      if (on(t) && !on(t - 1)) turns[String(t)] = { ...levers };
      if (!on(t) && on(t - 1)) turns[String(t)] = { ...off };
    }
    const base = score(s, 'none', s.policies.none!);
    const timed = score(s, 'timed', { description: 'timed', turns });
    const held = score(s, 'held', from1({ ...none, ...levers }));
    const gain = (x: Score) => base.medianCash - x.medianCash;
    expect(gain(held)).toBeGreaterThan(0);
    expect(gain(timed), 'median cash kept from the regime').toBeLessThanOrEqual(0.5 * gain(held));
    expect(base.meanStolen - timed.meanStolen, 'mean theft prevented').toBeLessThanOrEqual(0.6 * (base.meanStolen - held.meanStolen));
    expect(held.met, 'mean share of objectives met').toBeGreaterThan(timed.met);
  });
});

describe('no sanction helps the adversary by accident', () => {
  it.each(
    scenarios.flatMap((s) => s.levers.filter((l) => l.kind === 'sanction').map((l) => [s.id, l.id, s] as const)),
  )('%s: %s never raises the expected cash that reaches the regime', (_id, id, s) => {
    const { level, policy } = singleLever(s, id);
    if (level <= (noneLevels(s)[id] ?? 0)) return;
    const base = runs(s, 'none', s.policies.none!);
    const sanctioned = runs(s, `lever:${id}`, policy);
    const worse = sanctioned.filter((r, i) => r.state.totals.cashedOutUsd > base[i]!.state.totals.cashedOutUsd).length;
    expect(score(s, `lever:${id}`, policy).meanCash).toBeLessThanOrEqual(score(s, 'none', s.policies.none!).meanCash * 1.005);
    expect(worse, `seeds where cash-out rose (of ${SEEDS.length})`).toBeLessThan(SEEDS.length / 2);
  });
});
