import { existsSync } from 'node:fs';
import { PolicyError, playPolicy } from '../engine/autoplay.ts';
import { buildReplay, stateHash } from '../engine/replay.ts';
import { GameSession } from '../engine/session.ts';
import { type RunSummary, summarize } from '../engine/summary.ts';
import { pointValues } from '../engine/uncertainty.ts';
import { ENGINE_VERSION } from '../engine/version.ts';
import { loadPolicyFile } from '../io/policy-file.ts';
import { type Currency, money, table } from '../report/format.ts';
import { formatDiagnostic } from '../scenario/diagnostics.ts';
import { loadScenarioFile } from '../scenario/load-file.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { EXIT, InputError, type Io, UsageError } from './io.ts';
import { policyNames, scenarioPolicy } from './names.ts';
import { parseSeed } from './options.ts';
import { checkOutputPath } from './outputs.ts';

export function defaultPolicyName(s: Scenario): string {
  return s.policies.historical ? 'historical' : 'none';
}

/** A policy named in the scenario, or a policy file. */
export async function resolvePolicy(
  scenario: Scenario,
  spec: string | undefined,
  io: Io,
): Promise<{ name: string; policy: PolicyDef } | null> {
  const name = spec ?? defaultPolicyName(scenario);
  const named = scenarioPolicy(scenario, name);
  if (named) return { name, policy: named };
  if (/\.(ya?ml|json)$/i.test(name) || existsSync(name)) {
    const r = await loadPolicyFile(name, scenario);
    for (const w of r.warnings) io.err(formatDiagnostic(w));
    if (!r.ok) {
      for (const d of r.errors) io.err(formatDiagnostic(d));
      return null;
    }
    return { name, policy: r.value };
  }
  throw new InputError(
    `"${name}" is neither a policy of scenario "${scenario.id}" (${policyNames(scenario)}) nor a policy file.`,
  );
}

export async function runSim(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parse(args, {
    scenario: { type: 'string', short: 's' },
    seed: { type: 'string' },
    policy: { type: 'string', short: 'p' },
    json: { type: 'boolean' },
    out: { type: 'string', short: 'o' },
    currency: { type: 'string' },
    'point-values': { type: 'boolean' },
  });
  const file = values.scenario ?? positionals[0];
  if (!file) throw new UsageError('name the scenario: cashout sim --scenario scenarios/tutorial.yaml --seed 42');
  const currency = (values.currency ?? 'USD').toUpperCase();
  if (currency !== 'USD' && currency !== 'JPY') throw new UsageError('--currency is USD or JPY');
  const seed = parseSeed(values.seed);
  if (values.out) checkOutputPath(values.out, '--out', [file, ...(values.policy ? [values.policy] : [])]);
  const loaded = await loadScenarioFile(file);
  for (const w of loaded.warnings) io.err(formatDiagnostic(w));
  if (!loaded.ok) {
    for (const d of loaded.errors) io.err(formatDiagnostic(d));
    return EXIT.invalid;
  }
  // --point-values plays every ranged figure at its value (the replay carries the choice inline).
  const scenario = values['point-values'] ? pointValues(loaded.value) : loaded.value;
  const chosen = await resolvePolicy(scenario, values.policy, io);
  if (!chosen) return EXIT.invalid;

  const session = new GameSession(scenario, seed);
  try {
    playPolicy(session, chosen.policy);
  } catch (e) {
    if (e instanceof PolicyError) {
      io.err(`${chosen.name}: ${e.message}`);
      return EXIT.invalid;
    }
    throw e;
  }
  const summary = summarize(scenario, session.game, session.reports, session.turnHashes);
  const finalStateHash = stateHash(session);
  if (values.out) {
    const replay = buildReplay(session, { inline: true, meta: { tool: 'cashout sim', policy: chosen.name } });
    await io.writeFile(values.out, `${JSON.stringify(replay, null, 2)}\n`);
  }
  if (values.json) {
    io.out(
      JSON.stringify({ engineVersion: ENGINE_VERSION, policy: chosen.name, ...summary, finalStateHash }, null, 2),
    );
  } else {
    io.out(readable(scenario, chosen.name, summary, finalStateHash, currency));
    if (values.out) io.out(`Replay written to ${values.out} (check it with: cashout replay verify ${values.out})`);
  }
  return EXIT.ok;
}

function readable(s: Scenario, policy: string, r: RunSummary, hash: string, currency: Currency): string {
  const rate = s.currency.usdJpy.value;
  const m = (usd: number) => money(usd, currency, rate);
  const rows = r.perTurn.map((t) => [
    String(t.turn),
    t.label,
    m(t.stolenUsd),
    m(t.frozenUsd),
    m(t.cashedOutUsd),
    m(t.missileSpendUsd),
    String(t.launches),
    t.events.join(', '),
  ]);
  const launches = Object.entries(r.launches)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ');
  const v = (metric: string, x: number) => (metric.endsWith('Usd') ? m(x) : metric === 'cryptoShare' ? `${(x * 100).toFixed(1)} %` : String(x));
  const objectives = r.objectives.map(
    (o) => `  ${o.met ? '[met]   ' : '[missed]'} ${o.text} (${o.metric} = ${v(o.metric, o.value)}; target ${o.op} ${v(o.metric, o.target)})`,
  );
  return [
    `${s.title} — seed ${r.seed}, policy "${policy}", ${r.turns} turns${s.uncertainty.parameters === 'point' ? ', point values' : ''}`,
    '',
    table(
      ['Turn', 'Month', 'Stolen', 'Frozen', 'Cashed out', 'Missile spend', 'Launches', 'Events'],
      rows,
      ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
    '',
    `Stolen ${m(r.stolenUsd)}; frozen ${m(r.frozenUsd)}; lost to fees and crashes ${m(r.lostUsd)}; still being laundered ${m(r.inPipelineUsd)}; cashed out ${m(r.cashedOutUsd)}.`,
    `Heists: ${r.heists} succeeded; documented heists blocked: ${r.blockedHeists} (${m(r.blockedUsd)} at stake).`,
    ...r.documentedHeists.map(
      (h) =>
        `  ${h.label} ${h.name}: ${m(h.amountUsd)} ${h.blocked ? 'BLOCKED' : 'stolen'} — your defences gave a ${Math.round(h.blockChance * 100)} % chance to block it.`,
    ),
    `Missiles launched: ${launches} (${r.launchesTotal} in all); missile spending ${money(r.missileSpendUsd, 'USD')} = ${money(r.missileSpendUsd, 'JPY', rate)}.`,
    `Missile money by source: ${Object.entries(r.fundingUsd)
      .map(([k, v]) => `${k} ${m(v)}`)
      .join(', ')} — crypto ${Math.round(r.cryptoShare * 100)} % of it.`,
    `Side effects: collateral harm ${r.collateral.toFixed(1)}, escalation ${r.escalation.toFixed(1)} (index points).`,
    'Objectives:',
    ...objectives,
    `Final state hash: ${hash}`,
  ].join('\n');
}
