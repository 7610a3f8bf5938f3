import { describe, expect, it } from 'vitest';
import { histogramSvg } from '../../src/report/histogram.ts';
import { scheduleText } from '../../src/report/policy-schedule.ts';
import { tornadoSvg } from '../../src/report/tornado.ts';
import { mini } from '../fixtures/mini.ts';

describe('tornado chart', () => {
  const svg = tornadoSvg({
    title: 'Cash: change per lever',
    bars: [
      { label: 'small', value: -1 },
      { label: 'big', value: -10 },
      { label: 'backfires', value: 4 },
      { label: 'nothing', value: 0 },
    ],
    format: (v) => `${v}`,
    better: 'lower',
  });

  it('lists bars biggest first, each with its signed value in text', () => {
    const labels = [...svg.matchAll(/text-anchor="end">([a-z]+)<\/text><rect/g)].map((m) => m[1]);
    expect(labels).toEqual(['big', 'backfires', 'small', 'nothing']);
    expect(svg).toContain('>−10</text>');
    expect(svg).toContain('>+4</text>');
    expect(svg).toContain('>±0</text>');
  });

  it('colours by whether the change helps the players (and never by colour alone)', () => {
    expect(svg).toMatch(/<rect [^>]*fill="#0072B2"><title>big: −10<\/title>/);
    expect(svg).toMatch(/<rect [^>]*fill="#D55E00"><title>backfires: \+4<\/title>/);
    expect(svg).toMatch(/aria-label="Cash: change per lever\. Largest: big −10; backfires \+4; small −1"/);
  });
});

describe('histogram with targets', () => {
  it('widens its range to show a target outside the data, and labels it', () => {
    const svg = histogramSvg({
      label: 'Launches',
      series: [{ name: 'none', values: [50, 60, 70] }],
      targets: [{ value: 20, text: '≤ 20' }],
      format: String,
    });
    expect(svg).toMatch(/<line x1="48\.0" [^>]*stroke-dasharray="4 2"\/><text [^>]*>target ≤ 20<\/text>/); // at the left edge
    expect(svg).toContain('>20</text>'); // the axis starts at the target
    expect(svg).toContain('aria-label="Histogram of Launches per policy; target ≤ 20"');
  });

  it('copes with a million values (no spread into Math.min)', () => {
    const values = Array.from({ length: 1_000_000 }, (_, i) => i % 997);
    expect(() => histogramSvg({ label: 'x', series: [{ name: 'a', values }], targets: [], format: String })).not.toThrow();
  });
});

describe('policy schedule', () => {
  it('shows the levers a policy uses, per run of turns, with · for off', () => {
    const text = scheduleText(mini, { description: 'x', turns: { '1': { mixer_sanctions: 2 }, '4': { bridge_validators: 3 } } });
    expect(text).toMatch(/Sanctions authority\s+Sanction mixers\s+2\s+2/);
    expect(text).toMatch(/Cyber-defence agency\s+Decentralise bridge validators\s+·\s+3/);
    expect(text).toMatch(/turns 1–3\s+turns 4–6/);
    expect(text).not.toMatch(/Designate OTC brokers/);
  });
});
