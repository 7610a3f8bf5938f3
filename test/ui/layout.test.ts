// Pure layout of the map view: label placement, the flow band, the turn timeline, and
// the grouping of a real engine report for display.
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { bandHeightNeeded, columnLinks, flowLayout } from '../../src/ui/phaser/flowLayout.ts';
import { placeLabels } from '../../src/ui/phaser/labels.ts';
import { isDrawable, mapGeometry, stageSpecs } from '../../src/ui/phaser/mapGeometry.ts';
import { progress, turnTimeline } from '../../src/ui/phaser/timeline.ts';
import { missileCounts, shortMissileName, turnView } from '../../src/ui/phaser/turnView.ts';
import { mini } from '../fixtures/mini.ts';

const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('placeLabels', () => {
  const bounds = { x: 0, y: 0, width: 400, height: 300 };

  it('puts a lone label to the right of its anchor', () => {
    const [p] = placeLabels([{ anchor: { x: 100, y: 100 }, width: 50, height: 20 }], bounds, 6);
    expect(p).toMatchObject({ x: 106, y: 90, leader: false });
  });

  it('keeps labels of nearby anchors from overlapping', () => {
    const reqs = [0, 1, 2, 3].map((i) => ({ anchor: { x: 200 + i * 3, y: 150 + i * 2 }, width: 80, height: 30 }));
    const placed = placeLabels(reqs, bounds, 6);
    for (let i = 0; i < placed.length; i++) for (let j = i + 1; j < placed.length; j++) expect(overlap(placed[i]!, placed[j]!)).toBe(false);
  });

  it('stays inside the bounds and avoids obstacles', () => {
    const obstacle = { x: 300, y: 0, width: 100, height: 300 };
    const [p] = placeLabels([{ anchor: { x: 295, y: 5 }, width: 60, height: 20 }], bounds, 6, [obstacle]);
    expect(overlap(p!, obstacle)).toBe(false);
    expect(p!.x).toBeGreaterThanOrEqual(0);
    expect(p!.y).toBeGreaterThanOrEqual(0);
  });
});

describe('flowLayout', () => {
  const metrics = { lineHeight: 15, headerHeight: 26, padding: 5, boxShare: 0.6 };
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

  it('falls back to two lines per box when rows are short', () => {
    expect(layout.lines).toBe(3);
    expect(flowLayout(stageSpecs(mini), { ...band, height: 90 }, metrics).lines).toBe(2);
    expect(bandHeightNeeded(stageSpecs(mini), metrics)).toBe(26 + 2 * (45 + 10) + 3 * 5);
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
