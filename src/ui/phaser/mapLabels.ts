// What the map's labels say, in every wording the placer may choose from, and in which
// order they are placed (most important first). Pure (no Phaser): MapLayer measures the
// wordings, labels.ts picks positions, and the tests check the content in Node.
import type { TurnReport } from '../../engine/report.ts';
import { formatCount, formatMoney } from './format.ts';
import type { Point } from './geo.ts';
import type { MoneyFormat } from './index.ts';
import { nameVariants, splitTwoLines } from './labelText.ts';
import type { LineSpec } from './map/TextBlock.ts';
import type { MapGeometry, PlacedSite } from './mapGeometry.ts';
import { COLORS, MAP_LAYOUT } from './theme.ts';
import type { TurnTimeline, Window } from './timeline.ts';
import type { TurnView } from './turnView.ts';

export interface TurnData {
  report: TurnReport;
  view: TurnView;
  timeline: TurnTimeline;
}

export interface LabelWording {
  lines: LineSpec[];
  /** Placement cost of this wording over the full one (see PLACEMENT_COST in labels.ts). */
  cost: number;
}

export interface MapLabel {
  kind: 'nk' | 'sector' | 'channel';
  /** Sector or channel id ('nk' for North Korea). */
  id: string;
  /** The full name, for the map key when only a numbered badge fits. */
  name: string;
  anchor: Point;
  /** From the full wording to the most compact; sorted by cost. */
  wordings: LabelWording[];
  /** Lines with a group fade in when the animation reaches `window` (last `share` of it). */
  groups: Record<string, { window: Window; share: number }>;
}

/** Extra cost of each step down from the full label, in PLACEMENT_COST units. */
export const WORDING_COST = { dropSub: 1, shorterName: 2.5, wrap: 1, compactFigures: 0.5 } as const;

/**
 * Every wording of a label: the full one (name, sub-line, figures), then without the
 * sub-line, each name wording on one or two lines, with full or compact figures.
 */
export function wordings(
  nameSpec: Omit<LineSpec, 'text'>,
  name: string,
  id: string,
  sub: LineSpec | undefined,
  full: LineSpec[],
  compact: LineSpec[],
  /** Keep a compact variant even when it reads like the full one, so wordings line up turn after turn. */
  alwaysCompact = false,
): LabelWording[] {
  const out: LabelWording[] = [];
  const names = nameVariants(name, id);
  if (sub) out.push({ lines: [{ ...nameSpec, text: name }, sub, ...full], cost: 0 });
  names.forEach((n, i) => {
    const base = (sub ? WORDING_COST.dropSub : 0) + i * WORDING_COST.shorterName;
    const two = splitTwoLines(n);
    const nameLines: [LineSpec[], number][] = [[[{ ...nameSpec, text: n }], 0]];
    if (two) nameLines.push([two.map((t) => ({ ...nameSpec, text: t })), WORDING_COST.wrap]);
    for (const [lines, wrapCost] of nameLines) {
      out.push({ lines: [...lines, ...full], cost: base + wrapCost });
      const differs = alwaysCompact || compact.some((c, k) => c.text !== full[k]?.text);
      if (differs) out.push({ lines: [...lines, ...compact], cost: base + wrapCost + WORDING_COST.compactFigures });
    }
  });
  return out.sort((a, b) => a.cost - b.cost);
}

/** Placeholders as wide as any figure a turn can show (three digits, a unit), for reserving room. */
function widest(money: MoneyFormat): string {
  return `${money.currency === 'JPY' ? '¥' : '$'} 8.88 bn`;
}

function nkLabel(geo: MapGeometry, money: MoneyFormat, turn?: TurnData, reserve = false): MapLabel {
  const figures: LineSpec[] = [];
  const groups: MapLabel['groups'] = {};
  if (reserve) {
    figures.push({ text: `${widest(money)} cash in`, color: COLORS.cash, role: 'small' }, { text: '888 launched', color: COLORS.missile, role: 'small' });
  } else if (turn) {
    figures.push({ text: `${formatMoney(turn.report.cashedOutUsd, money)} cash in`, color: COLORS.cash, role: 'small', group: 'cash' });
    groups.cash = { window: turn.timeline.cash, share: 0.4 };
    if (turn.view.launched > 0) {
      figures.push({ text: `${formatCount(turn.view.launched)} launched`, color: COLORS.missile, role: 'small', group: 'missiles' });
      groups.missiles = { window: turn.timeline.missiles, share: 0.3 };
    }
  }
  const name = { text: 'North Korea', color: COLORS.northKorea, bold: true };
  const capital = { text: MAP_LAYOUT.pyongyang.label, color: COLORS.textMuted, role: 'small' as const };
  return {
    kind: 'nk',
    id: 'nk',
    name: name.text,
    anchor: geo.pyongyang,
    wordings: [
      { lines: [name, capital, ...figures], cost: 0 },
      { lines: [name, ...figures], cost: WORDING_COST.dropSub },
    ],
    groups,
  };
}

function sectorLabel(site: PlacedSite, money: MoneyFormat, turn?: TurnData, mode: LabelMode = 'turn'): MapLabel {
  const st = turn?.view.sectors.get(site.id);
  const groups: MapLabel['groups'] = {};
  const full: LineSpec[] = [];
  const compact: LineSpec[] = [];
  if (mode === 'reserve') {
    const small = { role: 'small' as const };
    full.push({ ...small, color: COLORS.heist, text: `${widest(money)} stolen (88 heists)` }, { ...small, color: COLORS.blocked, text: `88 attempts blocked (${widest(money)})` });
    compact.push({ ...small, color: COLORS.heist, text: `${widest(money)} stolen` }, { ...small, color: COLORS.blocked, text: '88 blocked' });
  } else if (turn && st) {
    const first = turn.report.heists.findIndex((h) => h.sector === site.id);
    groups.turn = { window: turn.timeline.heists[first] ?? turn.timeline.cash, share: 0.3 };
    const stolen = { color: COLORS.heist, role: 'small' as const, group: 'turn' };
    const blocked = { color: COLORS.blocked, role: 'small' as const, group: 'turn' };
    if (st.hits > 0) {
      const amount = `${formatMoney(st.stolenUsd, money)} stolen`;
      full.push({ ...stolen, text: st.hits > 1 ? `${amount} (${st.hits} heists)` : amount });
      compact.push({ ...stolen, text: amount });
    }
    if (st.blocked > 0) {
      const what = st.blocked > 1 ? `${st.blocked} attempts` : '1 attempt';
      full.push({ ...blocked, text: `${what} blocked (${formatMoney(st.blockedUsd, money)})` });
      compact.push({ ...blocked, text: `${st.blocked} blocked` });
    }
  }
  const sub = { text: site.sub, color: COLORS.textMuted, role: 'small' as const };
  return { kind: 'sector', id: site.id, name: site.name, anchor: site.point, wordings: wordings({ bold: true }, site.name, site.id, sub, full, compact, mode !== 'ranked'), groups };
}

function channelLabel(ch: PlacedSite & { stage: number }, money: MoneyFormat, turn?: TurnData, mode: LabelMode = 'turn'): MapLabel {
  const f = turn?.view.flows.get(ch.id);
  const groups: MapLabel['groups'] = {};
  const full: LineSpec[] = [];
  const compact: LineSpec[] = [];
  if (mode === 'reserve') {
    const figure = { color: COLORS.frozen, role: 'small' as const };
    full.push({ ...figure, text: `${widest(money)} in · ${widest(money)} frozen` });
    compact.push({ ...figure, text: `${widest(money)} · ❄ ${widest(money)}` });
  } else if (turn && f) {
    const figure = { color: COLORS.frozen, role: 'small' as const, group: 'turn' };
    const inUsd = formatMoney(f.inUsd, money);
    const frozen = formatMoney(f.frozenUsd, money);
    full.push({ ...figure, text: f.frozenUsd > 0 ? `${inUsd} in · ${frozen} frozen` : `${inUsd} in` });
    compact.push({ ...figure, text: f.frozenUsd > 0 ? `${inUsd} · ❄ ${frozen}` : `${inUsd} in` });
    groups.turn = { window: turn.timeline.transitions[ch.stage] ?? turn.timeline.cash, share: 0.4 };
  }
  return { kind: 'channel', id: ch.id, name: ch.name, anchor: ch.point, wordings: wordings({ bold: true, role: 'small' }, ch.name, ch.id, undefined, full, compact, mode !== 'ranked'), groups };
}

/**
 * 'ranked': this turn's labels, the busiest placed first (the placer's best layout for one
 * frame). 'turn': this turn's labels in the fixed order of 'reserve', whose figures are
 * as wide as any turn's: placing the reserve and drawing the turn into it keeps every label
 * in the same place from turn to turn.
 */
export type LabelMode = 'ranked' | 'turn' | 'reserve';

/** The map's labels in a fixed order (North Korea, sectors, channels, as the scenario lists them). */
export function stableMapLabels(geo: MapGeometry, money: MoneyFormat, turn: TurnData | undefined, mode: 'turn' | 'reserve'): MapLabel[] {
  return [
    nkLabel(geo, money, turn, mode === 'reserve'),
    ...geo.sectors.map((s) => sectorLabel(s, money, turn, mode)),
    ...geo.channels.map((c) => channelLabel(c, money, turn, mode)),
  ];
}

/**
 * The map's labels in placement order: North Korea, then the sectors hit this turn (largest
 * first), those with blocked attempts, the other sectors, and last the channels (whose
 * figures the flow band repeats), busiest first.
 */
export function mapLabels(geo: MapGeometry, money: MoneyFormat, turn?: TurnData): MapLabel[] {
  const sectorRank = (s: PlacedSite) => {
    const st = turn?.view.sectors.get(s.id);
    return st ? (st.stolenUsd > 0 ? 2e15 + st.stolenUsd : st.blocked > 0 ? 1e15 + st.blockedUsd : 0) : 0;
  };
  const byRank = <T>(items: readonly T[], rank: (x: T) => number) =>
    items.map((x, i) => ({ x, i, r: rank(x) })).sort((a, b) => b.r - a.r || a.i - b.i).map((e) => e.x);
  return [
    nkLabel(geo, money, turn),
    ...byRank(geo.sectors, sectorRank).map((s) => sectorLabel(s, money, turn, 'ranked')),
    ...byRank(geo.channels, (c) => turn?.view.flows.get(c.id)?.inUsd ?? 0).map((c) => channelLabel(c, money, turn, 'ranked')),
  ];
}
