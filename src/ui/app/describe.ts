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

/** One effect of one lever level, as a sentence. */
export function describeEffect(s: Scenario, e: LeverEffectDef): string {
  switch (e.type) {
    case 'defense':
      return `Cuts the adversary’s chance of success against ${sectorName(s, e.sector)} by ${formatShare(e.perLevel)} per level.`;
    case 'freeze':
      return `Freezes an extra ${formatShare(e.perLevel)} of the funds passing ${channelName(s, e.channel)} per level.`;
    case 'deter':
      return `Deters ${formatShare(e.perLevel)} of the launderers’ use of ${channelName(s, e.channel)} per level; they shift to other channels.`;
    case 'capability': {
      const sign = e.perLevel < 0 ? '−' : '+';
      return `Changes the adversary’s capability by ${sign}${Math.abs(e.perLevel)} per turn per level${e.perLevel < 0 ? ' (degrades it)' : ''}.`;
    }
    case 'coalition':
      return `Strengthens every freeze and deter effect by ${formatShare(e.perLevel)} per level (coalition partners).`;
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
