// `npm run bench engine` re-measures one section of BENCHMARKS.md and keeps the others.
import { describe, expect, it } from 'vitest';
import { mergeSections } from '../../src/bench/main.ts';

const old = '# Benchmarks\n\nGenerated on day 1.\n\n## 1. Engine\n\nold engine\n\n## 5. Scale\n\nold scale\n\n## 4. Page\n\nold page\n';
const fresh = '# Benchmarks\n\nGenerated on day 2.\n\n## 4. Page\n\nnew page\n';

describe('mergeSections', () => {
  it('replaces only the re-measured sections, marks them with the date and keeps the rest in number order', () => {
    const md = mergeSections(old, fresh, 'day 2');
    expect(md).toContain('old engine');
    expect(md).toContain('old scale');
    expect(md).not.toContain('old page');
    expect(md).toContain('new page\n\nSection 4 re-measured on day 2');
    expect(md.indexOf('## 1.')).toBeLessThan(md.indexOf('## 4.'));
    expect(md.indexOf('## 4.')).toBeLessThan(md.indexOf('## 5.'));
    expect(md.startsWith('# Benchmarks\n\nGenerated on day 1.')).toBe(true);
  });
});
