// The flow band's box widths and what a channel box says when space is short.
import { describe, expect, it } from 'vitest';
import { columnWidths, type FlowMetrics } from '../../src/ui/phaser/flowLayout.ts';
import { channelLines, figureLayout } from '../../src/ui/phaser/flowText.ts';

const metrics: FlowMetrics = { lineHeight: 16, headerHeight: 24, padding: 5, fixedBoxWidth: 100, fixedMaxWidth: 150, linkGap: 20, maxBoxWidth: 200 };
const kinds = ['source', 'channel', 'channel', 'regime', 'missiles'] as const;

describe('columnWidths', () => {
  it('gives channel boxes (long names) what the fixed boxes and links leave', () => {
    const { boxes, gap } = columnWidths(kinds, 690, metrics);
    expect(boxes).toEqual([100, 150, 150, 100, 100]);
    expect(gap).toBe(20);
  });

  it('never makes a channel box narrower than a fixed one', () => {
    const { boxes } = columnWidths(['source', 'channel', 'channel', 'channel', 'regime', 'missiles'], 600, metrics);
    expect(new Set(boxes).size).toBe(1);
  });

  it('caps channel boxes, widens the fixed ones, then the links', () => {
    const { boxes, gap } = columnWidths(kinds, 1400, metrics);
    expect(boxes).toEqual([150, 200, 200, 150, 150]);
    expect(gap).toBeGreaterThan(metrics.linkGap);
    expect(boxes.reduce((a, b) => a + b, 0) + 4 * gap).toBeCloseTo(1400 - 2 * metrics.padding);
  });
});

describe('channelLines', () => {
  // Bold 0.65 em, regular 0.6 em per character; lines are 1.4 em tall.
  const size = (text: string, px: number, bold: boolean) => ({ width: text.length * px * (bold ? 0.65 : 0.6), height: px * 1.4 });
  const figures = { inText: '¥ 456 M', frozenText: '¥ 1.18 M', iconIndent: 14, colors: { in: 1, frozen: 2 } };
  const room = (width: number, lines: number) => ({ width, height: lines * 14, px: 10, minPx: 9, scale: 1 });
  const widest = (lines: { text: string; px?: number; bold?: boolean; indent?: number }[]) =>
    Math.max(...lines.map((l) => size(l.text, l.px ?? 10, l.bold ?? false).width + (l.indent ?? 0)));

  it('shows name, money in and money frozen on their own lines when there is room', () => {
    const lines = channelLines('Chain-hopping (THORChain-style swaps and bridges)', 'chain-hop', figures, room(150, 3), size);
    expect(lines.map((l) => l.text)).toEqual(['Chain-hopping', '¥ 456 M in', '¥ 1.18 M frozen']);
    expect(figureLayout(lines)).toBe('split');
  });

  it('wraps a long name onto two lines and shares one line for the figures', () => {
    const lines = channelLines('Asian fiat exchanges (mule accounts)', 'asian-exchanges', figures, room(100, 3), size);
    expect(lines.map((l) => l.text)).toEqual(['Asian fiat', 'exchanges', '456 M · ❄ 1.18 M']);
    expect(widest(lines)).toBeLessThanOrEqual(100);
  });

  it('fits a two-line box: the name and one line of figures, nothing cut', () => {
    const lines = channelLines('DEX swaps and stablecoin hops', 'dex-swaps', figures, room(130, 2), size);
    expect(lines.map((l) => l.text)).toEqual(['DEX swaps', '¥ 456 M · ❄ ¥ 1.18 M']);
    expect(lines.every((l) => !l.text.endsWith('…'))).toBe(true);
  });

  it('takes a smaller font when two lines at the usual size overflow a crowded box', () => {
    // 27 px: two 10 px lines (28 px) do not fit, two 9 px lines (25.2 px) do.
    const lines = channelLines('DEX swaps and stablecoin hops', 'dex-swaps', figures, { ...room(130, 2), height: 27 }, size);
    expect(lines).toHaveLength(2);
    expect(lines.every((l) => l.px === 9)).toBe(true);
    expect(lines.reduce((a, l) => a + size(l.text, l.px ?? 10, false).height, 0)).toBeLessThanOrEqual(27);
  });

  it('can be told to share the figure line, so a column lines up', () => {
    const lines = channelLines('Sinbad (Bitcoin mixer)', 'sinbad', figures, room(150, 3), size, 'combined');
    expect(figureLayout(lines)).toBe('combined');
  });

  it('shows the name alone before the first turn', () => {
    expect(channelLines('Successor mixers (YoMix)', 'successor-mixers', undefined, room(110, 3), size).map((l) => l.text)).toEqual(['Successor mixers', '(YoMix)']);
  });
});
