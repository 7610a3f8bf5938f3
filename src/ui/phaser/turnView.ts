// Groups a TurnReport's figures the way the map shows them (per sector, per channel, per
// missile type). Presentation only: every number comes from the report; nothing here
// decides an outcome.
import type { ChannelFlow, TurnReport } from '../../engine/report.ts';
import type { Scenario } from '../../scenario/schema.ts';

export interface SectorTurn {
  stolenUsd: number;
  hits: number;
  blocked: number;
  blockedUsd: number;
}

export interface MissileLine {
  id: string;
  name: string;
  /** Compact name for tight labels: "SRBM" for "Short-range ballistic missile" (id srbm). */
  short: string;
  bought: number;
  launched: number;
}

export interface TurnView {
  sectors: Map<string, SectorTurn>;
  flows: Map<string, ChannelFlow>;
  /** Largest amount entering any single box of the flow band this turn (for link widths). */
  maxFlowUsd: number;
  blockedCount: number;
  blockedUsd: number;
  missiles: MissileLine[];
  launched: number;
  bought: number;
}

export function turnView(scenario: Scenario, report: TurnReport): TurnView {
  const sectors = new Map<string, SectorTurn>();
  let blockedCount = 0;
  let blockedUsd = 0;
  for (const h of report.heists) {
    const s = sectors.get(h.sector) ?? { stolenUsd: 0, hits: 0, blocked: 0, blockedUsd: 0 };
    if (h.blocked) {
      s.blocked += 1;
      s.blockedUsd += h.amountUsd;
      blockedCount += 1;
      blockedUsd += h.amountUsd;
    } else {
      s.hits += 1;
      s.stolenUsd += h.amountUsd;
    }
    sectors.set(h.sector, s);
  }
  const flows = new Map<string, ChannelFlow>();
  for (const f of report.flows) {
    // A channel appears once per stage; sum defensively if the engine ever splits tranches.
    const prev = flows.get(f.channel);
    flows.set(
      f.channel,
      prev
        ? { ...prev, inUsd: prev.inUsd + f.inUsd, frozenUsd: prev.frozenUsd + f.frozenUsd, lostUsd: prev.lostUsd + f.lostUsd }
        : { ...f },
    );
  }
  const maxFlowUsd = Math.max(
    1,
    report.stolenUsd,
    report.cashedOutUsd,
    report.missileSpendUsd,
    ...[...flows.values()].map((f) => f.inUsd),
  );
  const missiles = scenario.missiles.map((m) => ({
    id: m.id,
    name: m.name,
    short: shortMissileName(m.id, m.name),
    bought: report.bought[m.id] ?? 0,
    launched: report.launched[m.id] ?? 0,
  }));
  return {
    sectors,
    flows,
    maxFlowUsd,
    blockedCount,
    blockedUsd,
    missiles,
    launched: missiles.reduce((a, m) => a + m.launched, 0),
    bought: missiles.reduce((a, m) => a + m.bought, 0),
  };
}

const SHORT_NAME_MAX = 14;
const ID_AS_NAME_MAX = 6;

/** Scenario names can be long; a short id (srbm, icbm) reads better as an acronym. */
export function shortMissileName(id: string, name: string): string {
  if (name.length <= SHORT_NAME_MAX || id.length > ID_AS_NAME_MAX) return name;
  return id.toUpperCase();
}

/** "9 SRBM, 1 ICBM" — only the types with a non-zero count; "none" when all are zero. */
export function missileCounts(lines: readonly MissileLine[], key: 'bought' | 'launched'): string {
  const parts = lines.filter((m) => m[key] > 0).map((m) => `${m[key]} ${m.short}`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}

/** Amount leaving a box towards the next column: what entered, less frozen and fees. */
export function outflowUsd(f: ChannelFlow): number {
  return Math.max(0, f.inUsd - f.frozenUsd - f.lostUsd);
}
