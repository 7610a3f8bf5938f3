// Pure layout of the map view: the flow band, the turn timeline, and the grouping of a
// real engine report for display (label placement: phaser-labels.test.ts).
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { bandHeightNeeded, columnLinks, flowLayout } from '../../src/ui/phaser/flowLayout.ts';
import { isDrawable, mapGeometry, stageSpecs } from '../../src/ui/phaser/mapGeometry.ts';
import { mapLabels } from '../../src/ui/phaser/mapLabels.ts';
import { progress, turnTimeline } from '../../src/ui/phaser/timeline.ts';
import { missileCounts, shortMissileName, turnView } from '../../src/ui/phaser/turnView.ts';
import { mini } from '../fixtures/mini.ts';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('flowLayout', () => {
  const metrics = { lineHeight: 15, headerHeight: 26, padding: 5, fixedBoxWidth: 120, linkGap: 20, maxBoxWidth: 240 };
  const band = { x: 0, y: 500, width: 1000, height: 200 };
  const layout = flowLayout(stageSpecs(mini), band, metrics);

  it('has a column for stolen, each stage, cash to the regime and missiles', () => {
    expect(layout.columns.map((c) => c.title)).toEqual(['Stolen', 'Obfuscation', 'Cash-out', 'Cash to regime', 'Missiles']);
    expect(layout.columns[1]!.boxes.map((b) => b.label)).toEqual(['Mixers', 'Chain-hopping']);
  });

  it('keeps every box inside the band, below the titles', () => {
    for (const col of layout.columns)
      for (const b of col.boxes) {
        expect(b.rect.y).toBeGreaterThanOrEqual(band.y + metrics.headerHeight);
        expect(b.rect.y + b.rect.height).toBeLessThanOrEqual(band.y + band.height);
        expect(b.rect.x + b.rect.width).toBeLessThanOrEqual(col.rect.x + col.rect.width);
      }
  });

  it('links every box to every box of the next column', () => {
    expect(columnLinks(layout).length).toBe(1 * 2 + 2 * 1 + 1 * 1 + 1 * 1);
  });

  it('makes channel boxes wider than the fixed ones, keeping room for the links', () => {
    const widths = layout.columns.map((c) => c.boxes[0]!.rect.width);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    for (const [i, col] of layout.columns.entries()) {
      const next = layout.columns[i + 1];
      if (next) expect(next.boxes[0]!.rect.x - (col.boxes[0]!.rect.x + col.boxes[0]!.rect.width)).toBeGreaterThanOrEqual(metrics.linkGap);
    }
  });

  it('asks for a band tall enough for three lines per box', () => {
    expect(bandHeightNeeded(stageSpecs(mini), metrics)).toBe(26 + 2 * (45 + 10) + 5 + 2 * 5);
  });
});

describe('turnTimeline', () => {
  it('plays heists, then each stage, then cash, then missiles', () => {
    const tl = turnTimeline(3, 2);
    expect(tl.heists.map((h) => h.start)).toEqual([0, 700, 1400]);
    expect(tl.transitions.length).toBe(2 + 2);
    const starts = tl.transitions.map((w) => w.start);
    expect([...starts].sort((a, b) => a - b)).toEqual(starts);
    expect(tl.missiles.start + tl.missiles.duration).toBe(tl.total);
  });

  it('clamps progress to [0, 1]', () => {
    const w = { start: 100, duration: 200 };
    expect([progress(0, w), progress(200, w), progress(999, w)]).toEqual([0, 0.5, 1]);
  });
});

describe('turnView of a real run', () => {
  const session = new GameSession(mini, '42');
  playPolicy(session, mini.policies.tough!);
  const report = session.reports[1]!;
  const view = turnView(mini, report);

  it('sums the heists per sector to the report total', () => {
    const stolen = [...view.sectors.values()].reduce((a, s) => a + s.stolenUsd, 0);
    expect(stolen).toBe(report.stolenUsd);
  });

  it('lists missiles by type with the report counts', () => {
    expect(view.launched).toBe(Object.values(report.launched).reduce((a, n) => a + n, 0));
    const line = { id: 'srbm', name: 'SRBM', short: 'SRBM', bought: 2, launched: 0 };
    expect(missileCounts([line], 'bought')).toBe('2 SRBM');
    expect(missileCounts([line], 'launched')).toBe('none');
  });

  it('shortens long missile names to a short id', () => {
    expect(shortMissileName('srbm', 'Short-range ballistic missile')).toBe('SRBM');
    expect(shortMissileName('hwasong', 'Hwasong-17 intercontinental missile')).toBe('Hwasong-17 intercontinental missile');
    expect(shortMissileName('icbm', 'ICBM')).toBe('ICBM');
  });
});

describe('mapLabels', () => {
  const session = new GameSession(mini, '42');
  playPolicy(session, mini.policies.tough!);
  const report = [...session.reports].sort((a, b) => b.stolenUsd - a.stolenUsd)[0]!;
  const turn = { report, view: turnView(mini, report), timeline: turnTimeline(report.heists.length, mini.laundering.stages.length) };
  const labels = mapLabels(mapGeometry(mini, 1280, 720), { currency: 'USD', usdJpy: 150 }, turn);

  it('places North Korea first, then sectors hit (largest first), then channels', () => {
    expect(labels.map((l) => l.kind).join(',')).toMatch(/^nk(,sector)*(,channel)*$/);
    const sectors = labels.filter((l) => l.kind === 'sector');
    const stolen = sectors.map((l) => turn.view.sectors.get(l.id)?.stolenUsd ?? 0);
    expect([...stolen].sort((a, b) => b - a)).toEqual(stolen);
  });

  it('offers every wording from the full label down, cheapest first', () => {
    const sector = labels.find((l) => l.kind === 'sector')!;
    expect(sector.wordings[0]!.cost).toBe(0);
    expect(sector.wordings[0]!.lines.map((l) => l.text).slice(0, 2)).toEqual([sector.name, mini.sectors.find((s) => s.id === sector.id)!.location.label]);
    const costs = sector.wordings.map((w) => w.cost);
    expect([...costs].sort((a, b) => a - b)).toEqual(costs);
  });
});

describe('mapGeometry', () => {
  it('fits map, side panel and band into the canvas without overlap', () => {
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
      [1024, 768],
    ] as const) {
      const g = mapGeometry(mini, w, h);
      expect(overlap(g.mapRect, g.panelRect)).toBe(false);
      expect(overlap(g.mapRect, g.bandRect)).toBe(false);
      expect(g.bandRect.y + g.bandRect.height).toBeLessThanOrEqual(h);
      expect(g.panelRect.x + g.panelRect.width).toBeLessThanOrEqual(w);
      for (const s of g.sectors) {
        expect(s.point.x).toBeGreaterThanOrEqual(g.mapRect.x);
        expect(s.point.x).toBeLessThanOrEqual(g.mapRect.x + g.mapRect.width);
      }
      expect(overlap(g.inset.rect, g.mapRect)).toBe(true);
      expect(g.inset.sectors.map((s) => s.id)).toEqual(['exchanges']); // Seoul is in the inset
    }
  });

  it('stacks map, strip and band on narrow canvases (the DOM app pane is about 700×600)', () => {
    const g = mapGeometry(mini, 700, 600);
    expect(g.layout).toBe('stacked');
    expect(mapGeometry(mini, 1280, 720).layout).toBe('side');
    expect(g.mapRect.width).toBeGreaterThan(600);
    expect(overlap(g.mapRect, g.panelRect)).toBe(false);
    expect(overlap(g.panelRect, g.bandRect)).toBe(false);
    expect(g.bandRect.y + g.bandRect.height).toBeLessThanOrEqual(600);
  });

  it('draws nothing on a hidden (tiny) canvas', () => {
    expect(isDrawable(0, 0)).toBe(false);
    expect(isDrawable(1280, 720)).toBe(true);
  });
});
