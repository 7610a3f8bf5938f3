// Label text fitting (shorter wordings, two-line wrapping, shrinking, ellipsis) and map
// label placement (positions round a marker, reserved boxes, badges and their key).
import { describe, expect, it } from 'vitest';
import type { Rect } from '../../src/ui/phaser/geo.ts';
import { type LabelRequest, overlaps, placeLabels, segmentHitsRect, segmentsCross } from '../../src/ui/phaser/labels.ts';
import { ellipsize, firstClause, fitLine, fitName, idName, nameVariants, splitTwoLines, withoutAside } from '../../src/ui/phaser/labelText.ts';
import { keyCorner, keySpot, placeWithKey } from '../../src/ui/phaser/mapKey.ts';
import { keyLayout } from '../../src/ui/phaser/mapLabelPlan.ts';

/** A fixed-pitch stand-in for text measuring: 6 px per character at 10 px. */
const measure = (text: string, px: number) => text.length * 0.6 * px;
const size = (text: string, px: number) => ({ width: measure(text, px), height: px + 4 });

describe('shorter wordings', () => {
  it('drops a closing aside', () => {
    expect(withoutAside('Chain-hopping (THORChain-style swaps and bridges)')).toBe('Chain-hopping');
    expect(withoutAside('OTC brokers')).toBeUndefined();
  });

  it('keeps the first clause only when it has two words or more', () => {
    expect(firstClause('Self-custody wallets and their users')).toBe('Self-custody wallets');
    expect(firstClause('Custody and signing-software suppliers')).toBeUndefined();
    expect(firstClause('Chain-hopping over bridges')).toBe('Chain-hopping');
  });

  it('turns the id into a name spelt as in the name, never skipping an "and"', () => {
    expect(idName('asian-exchanges', 'Asian fiat exchanges (mule accounts)')).toBe('Asian exchanges');
    expect(idName('otc-brokers', 'Chinese OTC brokers')).toBe('OTC brokers');
    expect(idName('defi-bridges', 'DeFi and cross-chain bridges')).toBeUndefined();
    expect(idName('defence-europe', 'European defence industry')).toBeUndefined();
    expect(idName('otc-brokers', 'OTC brokers')).toBeUndefined(); // not shorter
  });

  it('lists wordings from the full name to the shortest', () => {
    expect(nameVariants('Asian fiat exchanges (mule accounts)', 'asian-exchanges')).toEqual([
      'Asian fiat exchanges (mule accounts)',
      'Asian fiat exchanges',
      'Asian exchanges',
    ]);
    expect(nameVariants('Sinbad (Bitcoin mixer)', 'sinbad')).toEqual(['Sinbad (Bitcoin mixer)', 'Sinbad']);
  });

  it('splits two lines at the most even space or hyphen', () => {
    expect(splitTwoLines('Custody and signing-software suppliers')).toEqual(['Custody and signing-', 'software suppliers']);
    expect(splitTwoLines('DEX swaps and stablecoin hops')).toEqual(['DEX swaps and', 'stablecoin hops']);
    expect(splitTwoLines('Sinbad')).toBeUndefined();
  });

  it('ellipsizes only what does not fit', () => {
    const fits = (s: string) => s.length <= 8;
    expect(ellipsize('Tornado', 80, fits)).toBe('Tornado');
    expect(ellipsize('Tornado Cash', 80, fits)).toBe('Tornado…');
  });
});

describe('fitName', () => {
  const name = 'Successor mixers (YoMix)'; // 24 characters: 144 px at 10 px
  it('keeps the full name when it fits', () => {
    expect(fitName(name, 'successor-mixers', 150, 1, 10, 9, measure)).toMatchObject({ lines: [name], px: 10, variant: 0, whole: true });
  });

  it('wraps onto two lines before shortening', () => {
    expect(fitName(name, 'successor-mixers', 100, 2, 10, 9, measure)).toMatchObject({ lines: ['Successor mixers', '(YoMix)'], variant: 0 });
  });

  it('shortens before shrinking, shrinks before cutting', () => {
    expect(fitName(name, 'successor-mixers', 100, 1, 10, 9, measure)).toMatchObject({ lines: ['Successor mixers'], px: 10, variant: 1 });
    expect(fitName('Tornado Cash (Ethereum mixer)', 'tornado', 65, 1, 10, 9, measure)).toMatchObject({ lines: ['Tornado'], px: 10, variant: 2 });
    expect(fitName('Peel chains', 'peel-chains', 62, 1, 10, 9, measure)).toMatchObject({ lines: ['Peel chains'], px: 9 });
    const cut = fitName('Guarantee markets (Huione-type)', 'guarantee-markets', 50, 1, 10, 9, measure);
    expect(cut.whole).toBe(false);
    expect(cut.lines[0]).toMatch(/…$/);
    expect(measure(cut.lines[0]!, cut.px)).toBeLessThanOrEqual(50);
  });
});

describe('fitLine', () => {
  const room = { width: 75, height: 20, px: 10, minPx: 9, scale: 1 };
  it('takes the first wording that fits, then a smaller font, then an ellipsis', () => {
    expect(fitLine({ texts: ['¥ 16.6 M to missiles', '¥ 16.6 M → ▲'] }, room, size)).toMatchObject({ text: '¥ 16.6 M → ▲', px: 10 });
    expect(fitLine({ texts: ['12345678901234'] }, { ...room, width: 80 }, size)).toMatchObject({ text: '12345678901234', px: 9 });
    expect(fitLine({ texts: ['a very long figure line'] }, room, size).text).toMatch(/…$/);
  });
});

describe('geometry helpers', () => {
  const r: Rect = { x: 10, y: 10, width: 20, height: 10 };
  it('knows when a segment passes through a box', () => {
    expect(segmentHitsRect({ x: 0, y: 15 }, { x: 40, y: 15 }, r)).toBe(true);
    expect(segmentHitsRect({ x: 0, y: 0 }, { x: 40, y: 5 }, r)).toBe(false);
  });

  it('knows when two segments cross', () => {
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 10 }, { x: 0, y: 10 }, { x: 10, y: 0 })).toBe(true);
    expect(segmentsCross({ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 0, y: 5 }, { x: 10, y: 5 })).toBe(false);
  });
});

describe('placeLabels', () => {
  const bounds = { x: 0, y: 0, width: 400, height: 300 };
  const opts = { bounds, gap: 6 };
  const req = (x: number, y: number, ...variants: [number, number][]): LabelRequest => ({
    anchor: { x, y },
    clearance: 4,
    variants: variants.map(([width, height], i) => ({ width, height, lineHeight: 14, cost: i * 3 })),
  });

  it('puts a lone label right of its marker, first line level with it', () => {
    const [p] = placeLabels([req(100, 100, [50, 28])], opts);
    expect(p).toMatchObject({ x: 107, y: 93, variant: 0, align: 'left' });
    expect(p?.leader).toBeUndefined();
  });

  it('keeps labels of nearby markers apart and inside the map', () => {
    const reqs = [0, 1, 2, 3, 4].map((i) => req(200 + i * 4, 150 + i * 3, [90, 30], [40, 14]));
    const placed = placeLabels(reqs, opts);
    const boxes = placed.filter((p) => p !== null);
    expect(boxes.length).toBe(5);
    for (const [i, a] of boxes.entries()) {
      expect(a.x >= 0 && a.y >= 0 && a.x + a.width <= 400 && a.y + a.height <= 300).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
  });

  it('avoids reserved boxes, with a leader line when it has to move away', () => {
    const inset = { x: 110, y: 60, width: 200, height: 200 }; // everything right of and below the marker
    const [p] = placeLabels([req(100, 100, [60, 20])], { ...opts, obstacles: [inset] });
    expect(p && overlaps(p, inset)).toBe(false);
    expect(p?.align).toBe('right');
  });

  it('takes a shorter wording rather than a far-away spot', () => {
    const walls = [
      { x: 0, y: 0, width: 400, height: 90 },
      { x: 0, y: 112, width: 400, height: 188 },
      { x: 0, y: 0, width: 40, height: 300 },
      { x: 175, y: 0, width: 225, height: 300 },
    ];
    const [p] = placeLabels([req(100, 100, [150, 20], [60, 20])], { ...opts, obstacles: walls });
    expect(p?.variant).toBe(1);
  });

  it('gives up (null) when nothing fits, leaving the marker alone', () => {
    const [p] = placeLabels([req(100, 100, [500, 20])], opts);
    expect(p).toBeNull();
  });

  it('never walls a marker in: a crowded one keeps at least its smallest wording', () => {
    // A ring of big labels round (200, 150) would cover every spot of the marker in the middle.
    const around = [-1, 0, 1].flatMap((dx) => [-1, 0, 1].map((dy) => [dx, dy] as const)).filter(([dx, dy]) => dx || dy);
    const reqs = [...around.map(([dx, dy]) => req(200 + dx * 12, 150 + dy * 12, [120, 40], [50, 16])), req(200, 150, [80, 16], [12, 12])];
    const placed = placeLabels(reqs, opts);
    expect(placed[placed.length - 1]).not.toBeNull();
  });

  it('is deterministic', () => {
    const reqs = [req(50, 50, [80, 20]), req(60, 55, [80, 20]), req(300, 200, [40, 20])];
    expect(placeLabels(reqs, opts)).toEqual(placeLabels(reqs, opts));
  });
});

describe('badges and the map key', () => {
  const bounds = { x: 0, y: 0, width: 400, height: 300 };

  it('puts the key in the corner that covers least', () => {
    const busy = [{ x: 0, y: 250, width: 100, height: 50 }];
    expect(keyCorner({ width: 80, height: 30 }, bounds, 4, busy)).toEqual({ x: 4, y: 4, width: 80, height: 30 });
  });

  it('lists labels that became badges and keeps the key clear of labels', () => {
    const wall = { x: 0, y: 60, width: 400, height: 240 }; // only a thin strip at the top is free
    const reqs: LabelRequest[] = [
      { anchor: { x: 30, y: 20 }, clearance: 4, variants: [{ width: 120, height: 14, lineHeight: 14 }] },
      { anchor: { x: 34, y: 24 }, clearance: 4, variants: [{ width: 380, height: 14, lineHeight: 14 }, { width: 12, height: 12, lineHeight: 12, cost: 12 }] },
    ];
    const plan = placeWithKey(reqs, { bounds, gap: 6, obstacles: [wall] }, [undefined, 1], () => ({ width: 150, height: 20 }), 4);
    expect(plan.tagged).toEqual([1]);
    expect(plan.key).toBeDefined();
    for (const p of plan.placed) if (p && plan.key) expect(overlaps(p, plan.key)).toBe(false);
  });

  it('puts the key along an edge or in open water when every corner holds a marker, never on one', () => {
    const markers = [
      { x: 0, y: 0, width: 30, height: 30 },
      { x: 370, y: 0, width: 30, height: 30 },
      { x: 0, y: 270, width: 30, height: 30 },
      { x: 370, y: 270, width: 30, height: 30 },
    ];
    const spot = keySpot([{ width: 100, height: 60 }], bounds, 4, markers, []);
    expect(spot).toBeDefined();
    for (const m of markers) expect(overlaps(spot!.rect, m)).toBe(false);
    expect(keySpot([{ width: 390, height: 290 }], bounds, 4, markers, [])).toBeUndefined();
  });

  it('takes a later key size (more columns) only where the first has no room', () => {
    const wall = { x: 0, y: 100, width: 400, height: 200 }; // 100 px of open map at the top
    const spot = keySpot(
      [
        { width: 100, height: 150 },
        { width: 200, height: 80 },
      ],
      bounds,
      4,
      [wall],
      [],
    );
    expect(spot?.option).toBe(1);
  });

  it('lays a long key out in columns, entries side by side and none on another', () => {
    const sizeOf = (text: string, px: number) => ({ width: text.length * 0.6 * px, height: px + 4 });
    const entries = ['Centralised exchanges', 'Cross-chain bridges', 'DeFi protocols', 'OTC brokers', 'Guarantee markets'].map((name, i) => ({ name, id: `e${i}` }));
    const one = keyLayout(entries, sizeOf, 1, 200, 14);
    const two = keyLayout(entries, sizeOf, 1, 200, 14, 2);
    expect(two.height).toBeLessThan(one.height);
    expect(new Set(two.rows.map((r) => r.x)).size).toBe(2);
    const boxes = two.rows.map((r) => ({ x: r.x, y: r.y, width: 14 + 6 + Math.max(...r.lines.map((l) => sizeOf(l, r.px).width)), height: r.height }));
    for (const [i, a] of boxes.entries()) {
      expect(a.x + a.width).toBeLessThanOrEqual(two.width);
      expect(a.y + a.height).toBeLessThanOrEqual(two.height);
      for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    }
  });

  it('on a crowded map sends a label out on a leader line rather than leaving it out', () => {
    // The marker sits at the foot of a narrow chimney between two walls: no ring reaches
    // open map, which starts above the walls.
    const walls = [
      { x: 0, y: 200, width: 190, height: 100 },
      { x: 210, y: 200, width: 190, height: 100 },
    ];
    const reqs: LabelRequest[] = [{ anchor: { x: 200, y: 280 }, clearance: 4, variants: [{ width: 90, height: 30, lineHeight: 14 }] }];
    expect(placeLabels(reqs, { bounds, gap: 2, obstacles: walls })[0]).toBeNull();
    const far = placeLabels(reqs, { bounds, gap: 2, obstacles: walls, far: true })[0];
    expect(far).not.toBeNull();
    expect(far!.leader).toBeDefined();
    for (const w of walls) {
      expect(overlaps(far!, w)).toBe(false);
      expect(segmentHitsRect(far!.leader!.from, far!.leader!.to, w)).toBe(false);
    }
  });

  it('has no key when every label fits', () => {
    const reqs: LabelRequest[] = [{ anchor: { x: 100, y: 100 }, clearance: 4, variants: [{ width: 50, height: 14, lineHeight: 14 }, { width: 12, height: 12, lineHeight: 12, cost: 12 }] }];
    const plan = placeWithKey(reqs, { bounds, gap: 6 }, [1], () => ({ width: 150, height: 20 }), 4);
    expect(plan).toMatchObject({ tagged: [] });
    expect(plan.key).toBeUndefined();
  });
});
