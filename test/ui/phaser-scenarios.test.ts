// Every shipped scenario at the canvas sizes the game meets (the world pane at 1280×720,
// 1024×768 window, the full 1280×720 canvas), after a real turn: no map label covers
// another label, the key, a marker, a heist burst or the Korea inset, every place is
// named (a label or a badge in the key), and every flow-band name fits its box uncut.
// Text is measured with a deliberately wide stand-in (wider than DejaVu Sans, the widest
// common UI font), so what fits here fits in the browser.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { toUsd } from '../../src/engine/money.ts';
import { GameSession } from '../../src/engine/session.ts';
import { parseScenarioText } from '../../src/scenario/load.ts';
import { channelLines } from '../../src/ui/phaser/flowText.ts';
import { formatMoney } from '../../src/ui/phaser/format.ts';
import type { Rect } from '../../src/ui/phaser/geo.ts';
import { overlaps } from '../../src/ui/phaser/labels.ts';
import { heistArcs } from '../../src/ui/phaser/map/heistArcs.ts';
import { mapGeometry } from '../../src/ui/phaser/mapGeometry.ts';
import { blockSize, cashRingRadius, labelObstacles, mapMarkers, planMapLabels, reservedArcs } from '../../src/ui/phaser/mapLabelPlan.ts';
import { stableMapLabels, type TurnData } from '../../src/ui/phaser/mapLabels.ts';
import { fontPx, MIN_FONT_PX, strokePx } from '../../src/ui/phaser/theme.ts';
import { turnTimeline } from '../../src/ui/phaser/timeline.ts';
import { turnView } from '../../src/ui/phaser/turnView.ts';

const dir = join(import.meta.dirname, '../../scenarios');
const scenarios = readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const r = parseScenarioText(readFileSync(join(dir, f), 'utf8'), f);
    if (!r.ok) throw new Error(`${f} does not load`);
    return r.value;
  });
// The world pane's canvas in the game's windows (measured in Chromium): 1280×720 and
// 1024×640 without and with the facilitator panel, 390×844 (a phone); and a full canvas.
const SIZES = [
  [701, 551],
  [701, 604],
  [556, 452],
  [556, 524],
  [364, 550],
  [1024, 768],
  [1280, 720],
] as const;
const money = { currency: 'JPY', usdJpy: 150 } as const;

/**
 * Known limits, tracked rather than hidden: the scenario with the most sectors and
 * channels does not yet fit every map label into the smallest panes (1024×640 and a
 * phone). it.fails keeps them honest: when one starts to pass, the test says so.
 */
const TIGHT: Record<string, { labels: string[]; band: string[] }> = {
  '2023-2025-wallets-bridges': { labels: ['556×452', '364×550'], band: [] },
};
const tight = (id: string, kind: 'labels' | 'band', w: number, h: number) => TIGHT[id]?.[kind].includes(`${w}×${h}`) ?? false;

/** 0.62 em a character (0.69 bold; DejaVu Sans averages 0.585 and 0.655), line height as Phaser gives it. */
const sizeAt = (s: number) => (text: string, px: number, bold: boolean) => ({
  width: text.length * px * (bold ? 0.69 : 0.62) + strokePx(s),
  height: Math.ceil(px * 1.32) + strokePx(s),
});

/** The first four turns of a game with no new measures. */
function firstTurns(index: number): TurnData[] {
  const scenario = scenarios[index]!;
  const session = playPolicy(new GameSession(scenario, 'label-check'), { description: 'nothing', turns: {} }, 4);
  return session.reports.map((report) => ({ report, view: turnView(scenario, report), timeline: turnTimeline(report.heists.length, scenario.laundering.stages.length) }));
}

/** The turn among the first few with the most heists: the busiest map. */
function busyTurn(index: number): TurnData {
  const scenario = scenarios[index]!;
  const session = playPolicy(new GameSession(scenario, 'label-check'), { description: 'nothing', turns: {} }, 4);
  const report = [...session.reports].sort((a, b) => b.heists.length - a.heists.length)[0]!;
  return { report, view: turnView(scenario, report), timeline: turnTimeline(report.heists.length, scenario.laundering.stages.length) };
}

describe.each(scenarios.map((s, i) => [s.id, i] as const))('%s', (_id, index) => {
  const scenario = scenarios[index]!;
  const turn = busyTurn(index);
  const turns = firstTurns(index);
  const refUsd = Math.max(1, ...scenario.sectors.map((s) => toUsd(s.heist.max, scenario)));

  const labelTest = (w: number, h: number) => {
    const geo = mapGeometry(scenario, w, h);
    const s = geo.scale;
    // Placed once for every turn: labels as wide as any turn's figures, every sector's burst at its largest.
    const reserve = stableMapLabels(geo, money, undefined, 'reserve');
    const input = {
      labels: reserve,
      mapRect: geo.mapRect,
      insetRect: geo.inset.rect,
      markers: mapMarkers(geo),
      arcs: reservedArcs(geo, refUsd, s),
      capital: geo.pyongyang,
      cashRadius: cashRingRadius(refUsd, refUsd, s),
      scale: s,
    };
    const plan = planMapLabels(input, sizeAt(s));
    const boxes: Rect[] = plan.placed.filter((p) => p !== null);
    if (plan.key) boxes.push(plan.key);
    const shrink = (r: Rect): Rect => ({ x: r.x + 0.5, y: r.y + 0.5, width: r.width - 1, height: r.height - 1 });
    for (const [i, a] of boxes.entries()) {
      expect(a.x >= geo.mapRect.x - 0.5 && a.x + a.width <= geo.mapRect.x + geo.mapRect.width + 0.5).toBe(true);
      expect(a.y >= geo.mapRect.y - 0.5 && a.y + a.height <= geo.mapRect.y + geo.mapRect.height + 0.5).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(overlaps(shrink(a), shrink(b))).toBe(false);
    }
    const obstacles = labelObstacles(input);
    for (const p of plan.placed) if (p) for (const o of obstacles) expect(overlaps(shrink(p), o)).toBe(false);
    // Every place is named: North Korea by a label, the others by a label or a numbered badge in the key.
    expect(plan.placed[0]?.variant).not.toBe(plan.tagVariant[0]);
    plan.placed.forEach((p, i) => {
      expect(p).not.toBeNull();
      if (p?.variant === plan.tagVariant[i]) expect(plan.tagged).toContain(i);
    });
    // Every turn's text fits the box reserved for it, and no turn's heist burst reaches a label.
    for (const t of turns) {
      const labels = stableMapLabels(geo, money, t, 'turn');
      expect(labels.map((l) => l.wordings.length)).toEqual(reserve.map((l) => l.wordings.length));
      plan.placed.forEach((p, i) => {
        if (!p || p.variant === plan.tagVariant[i]) return;
        const b = blockSize(labels[i]!.wordings[p.variant]!.lines, sizeAt(s), s);
        expect(b.width).toBeLessThanOrEqual(p.width + 0.5);
        expect(b.height).toBeLessThanOrEqual(p.height + 0.5);
      });
      const bursts = labelObstacles({ ...input, arcs: heistArcs(t, geo.pyongyang, geo.sectors, refUsd, s), cashRadius: cashRingRadius(t.report.cashedOutUsd, refUsd, s) });
      for (const p of plan.placed) if (p) for (const o of bursts) expect(overlaps(shrink(p), o)).toBe(false);
    }
  };
  for (const [w, h] of SIZES) (tight(scenario.id, 'labels', w, h) ? it.fails : it)(`labels the map at ${w}×${h} without overlaps`, () => labelTest(w, h));

  const bandTest = (w: number, h: number) => {
    const geo = mapGeometry(scenario, w, h);
    const s = geo.scale;
    const size = sizeAt(s);
    for (const box of geo.flow.columns.flatMap((c) => c.boxes).filter((b) => b.kind === 'channel')) {
      const room = { width: box.rect.width - 8 * s, height: box.rect.height - 2 * s, px: fontPx('small', s), minPx: MIN_FONT_PX, scale: s };
      const flow = turn.view.flows.get(box.id);
      const figures = { inText: formatMoney(flow?.inUsd ?? 0, money), frozenText: formatMoney(flow?.frozenUsd ?? 0, money), iconIndent: 14, colors: { in: 0, frozen: 0 } };
      const lines = channelLines(box.label, box.id, figures, room, size);
      for (const l of lines) {
        expect(l.text.endsWith('…'), `${box.label}: "${l.text}"`).toBe(false);
        expect(size(l.text, l.px ?? room.px, l.bold ?? false).width + (l.indent ?? 0) * s).toBeLessThanOrEqual(room.width + 0.01);
      }
      expect(lines.reduce((a, l) => a + size(l.text, l.px ?? room.px, false).height, 0)).toBeLessThanOrEqual(room.height + 0.01);
    }
  };
  for (const [w, h] of SIZES) (tight(scenario.id, 'band', w, h) ? it.fails : it)(`fits every flow-band name at ${w}×${h}`, () => bandTest(w, h));
});
