// `cashout bots --server URL --code CODE [--tables N] [--policy NAME|FILE]`: fills the free
// seats of a class session with policy players (demos, load tests, CI). Each bot is a
// client like a student's browser: it joins by code, re-derives every state itself and
// checks the server's hashes, so a run that finishes is also a consistency check.
import { Bot } from '../net/bot.ts';
import { CodeSchema } from '../net/protocol.ts';
import type { PolicyDef, Scenario } from '../scenario/schema.ts';
import { parse } from './args.ts';
import { EXIT, type Io, UsageError } from './io.ts';
import { defaultPolicyName, resolvePolicy } from './sim.ts';

interface SessionInfo {
  code: string;
  scenario: { id: string; title: string; roles: { id: string; name: string }[] };
  tables: { table: number; taken: string[]; phase: string }[];
}

export async function runBots(args: string[], io: Io): Promise<number> {
  const { values } = parse(args, {
    server: { type: 'string' },
    code: { type: 'string' },
    tables: { type: 'string' },
    policy: { type: 'string' },
    timeout: { type: 'string', default: '900' },
  });
  if (!values.server) throw new UsageError('name the classroom server: --server http://192.168.1.20:2567');
  if (!values.code) throw new UsageError('give the class join code: --code ABC234');
  const code = CodeSchema.safeParse(values.code);
  if (!code.success) throw new UsageError(`--code: ${code.error.issues[0]?.message}`);
  const endpoint = values.server.replace(/\/+$/, '');
  const timeoutS = Number(values.timeout);
  if (!(timeoutS > 0)) throw new UsageError('--timeout takes a number of seconds');

  let info: SessionInfo;
  try {
    const res = await fetch(`${endpoint}/api/sessions/${code.data}`, { signal: AbortSignal.timeout(10_000) });
    const body = (await res.json()) as SessionInfo & { error?: string };
    if (!res.ok) {
      io.err(`cashout bots: ${body.error ?? `the server answered ${res.status}`}`);
      return EXIT.invalid;
    }
    info = body;
  } catch {
    io.err(`cashout bots: the classroom server at ${endpoint} cannot be reached. Is it running (npm run classroom)?`);
    return EXIT.invalid;
  }
  const tableCount = values.tables === undefined ? info.tables.length : Number(values.tables);
  if (!Number.isInteger(tableCount) || tableCount < 1) throw new UsageError('--tables takes a whole number of tables, 1 or more');
  const tables = info.tables.slice(0, tableCount);

  // The policy is checked against the scenario once the first bot has it (from the server).
  let policyProblem: string | null = null;
  const resolved = new Map<string, PolicyDef>();
  const pickPolicy = async (scenario: Scenario): Promise<PolicyDef | null> => {
    const key = values.policy ?? defaultPolicyName(scenario);
    if (!resolved.has(key)) {
      const r = await resolvePolicy(scenario, values.policy, io).catch((e: Error) => {
        policyProblem = e.message;
        return null;
      });
      if (!r) return null;
      resolved.set(key, r.policy);
    }
    return resolved.get(key) ?? null;
  };

  const bots: Bot[] = [];
  let policy: PolicyDef | null = null;
  for (const t of tables) {
    for (const role of info.scenario.roles) {
      if (t.taken.includes(role.id)) continue;
      const bot = new Bot({ endpoint, code: code.data, table: t.table, role: role.id, policy: () => policy! });
      try {
        await bot.start();
      } catch (e) {
        io.err(`cashout bots: table ${t.table}, ${role.name}: ${e instanceof Error ? e.message : String(e)}`);
        continue;
      }
      if (!policy) {
        const scenario = bot.connection.state.welcome?.scenario as Scenario | undefined;
        if (scenario) policy = await pickPolicy(scenario);
        if (!policy) {
          io.err(`cashout bots: ${policyProblem ?? 'the policy could not be loaded'}`);
          await bot.close();
          return EXIT.invalid;
        }
      }
      bots.push(bot);
    }
  }
  if (bots.length === 0) {
    io.err(`cashout bots: every seat at tables 1-${tables.length} of class ${code.data} is taken; nothing to fill.`);
    return EXIT.invalid;
  }
  io.out(`cashout bots: ${bots.length} bot${bots.length === 1 ? '' : 's'} seated at ${tables.length} table${tables.length === 1 ? '' : 's'} of class ${code.data} (${info.scenario.title}); playing until the debrief…`);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not finished after ${timeoutS} s (is a table paused, or waiting for a human seat?)`)), timeoutS * 1000);
  });
  try {
    const finals = await Promise.race([Promise.all(bots.map((b) => b.finished)), timeout]);
    const seen = new Set<number>();
    for (const s of finals) {
      const w = s.welcome!;
      if (seen.has(w.table)) continue;
      seen.add(w.table);
      const m = s.mirror!;
      io.out(`table ${w.table}: debrief after ${m.session.reports.length} turns, ${m.session.log.length} decisions; every turn hash matched the server's${m.resyncs ? ` after ${m.resyncs} re-sync(s)` : ''}.`);
    }
    return EXIT.ok;
  } catch (e) {
    io.err(`cashout bots: ${e instanceof Error ? e.message : String(e)}`);
    return EXIT.invalid;
  } finally {
    clearTimeout(timer);
    await Promise.all(bots.map((b) => b.close()));
  }
}
