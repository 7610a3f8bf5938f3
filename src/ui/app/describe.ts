// Words for scenario ids and lever effects, so every screen names things the same way.
import type { LeverDef, LeverEffectDef, Scenario } from '../../scenario/schema.ts';
import { formatShare } from './format.ts';

export function sectorName(s: Scenario, id: string): string {
  return s.sectors.find((x) => x.id === id)?.name ?? id;
}

export function channelName(s: Scenario, id: string): string {
  for (const stage of s.laundering.stages) {
    const c = stage.channels.find((x) => x.id === id);
    if (c) return c.name;
  }
  return id === 'all' ? 'every channel' : id;
}

export function stageName(s: Scenario, index: number): string {
  return s.laundering.stages[index]?.name ?? `Stage ${index + 1}`;
}

export function roleName(s: Scenario, id: string): string {
  return s.roles.find((x) => x.id === id)?.name ?? id;
}

export function missileName(s: Scenario, id: string): string {
  return s.missiles.find((x) => x.id === id)?.name ?? id;
}

export function leverKind(l: LeverDef): string {
  return l.kind === 'sanction' ? 'Sanction' : 'Defensive posture';
}

export function methodName(s: Scenario, id: string): string {
  return s.methods.find((x) => x.id === id)?.name ?? id;
}

export function streamName(s: Scenario, id: string): string {
  return s.regime.income.find((x) => x.id === id)?.name ?? id;
}

/** One effect of one lever level, as a sentence. */
export function describeEffect(s: Scenario, e: LeverEffectDef): string {
  switch (e.type) {
    case 'defense': {
      const where = e.sector === 'all' ? 'every sector' : sectorName(s, e.sector);
      const how = e.method === 'all' ? 'every attack method' : methodName(s, e.method).toLowerCase();
      return `Builds ${e.perLevel} units of defence per level against ${how} in ${where}; defences take months to build (1 unit blocks 50 %, 2 units 67 %) and erode when funding stops.`;
    }
    case 'freeze':
      return `Freezes an extra ${formatShare(e.perLevel)} of the funds passing ${channelName(s, e.channel)} per level.`;
    case 'deter':
      return `Cuts ${formatShare(e.perLevel)} of what ${channelName(s, e.channel)} can carry each month per level; launderers wait or pay more elsewhere, and slowly find ways round it.`;
    case 'degrade':
      return `Builds ${e.perLevel} units of pressure per level on the adversary's capability over months (1 unit cuts it by 50 %); it fades when lifted and is partly evaded.`;
    case 'coalition':
      return `Strengthens every freeze and capacity cut by ${formatShare(e.perLevel)} per level (coalition partners).`;
    case 'income':
      return `Builds ${e.perLevel} units of pressure per level on the regime's income from ${streamName(s, e.stream).toLowerCase()} (1 unit cuts it by 50 %), over months.`;
    case 'issuerFreeze':
      return `Stablecoin issuers freeze an extra ${formatShare(e.perLevel)} per level of freshly stolen stablecoins before they can be swapped.`;
  }
}

/** "collateral +1, escalation +0.5 per level" or "none". */
export function describeSideEffects(l: LeverDef): string {
  const parts: string[] = [];
  if (l.sideEffects.collateral > 0) parts.push(`collateral harm +${l.sideEffects.collateral}`);
  if (l.sideEffects.escalation > 0) parts.push(`escalation risk +${l.sideEffects.escalation}`);
  return parts.length ? `${parts.join(', ')} per level per turn` : 'none';
}

export function levelLabel(level: number): string {
  return level === 0 ? 'Off' : `Level ${level}`;
}
