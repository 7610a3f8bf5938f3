// Finds every Figure and every `source` reference in parsed scenario data, without a
// list of fields: what the format gains later is walked too.
import type { Scenario } from '../../src/scenario/schema.ts';

export interface Found {
  path: string;
  value: Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A Figure is any object with a numeric `value` and a `confidence`. */
const isFigure = (v: Record<string, unknown>) => typeof v.value === 'number' && typeof v.confidence === 'string';

/** Every Figure, and every `source` field, anywhere but the sources block itself. */
export function walk(s: Scenario): { figures: Found[]; sourceRefs: { path: string; key: string }[] } {
  const figures: Found[] = [];
  const sourceRefs: { path: string; key: string }[] = [];
  const visit = (v: unknown, path: string): void => {
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) visit(x, `${path}[${i}]`);
    } else if (isObject(v)) {
      if (isFigure(v)) figures.push({ path, value: v });
      for (const [k, child] of Object.entries(v)) {
        if (path === '' && k === 'sources') continue;
        if (k === 'source' && typeof child === 'string') sourceRefs.push({ path: `${path}.${k}`, key: child });
        else visit(child, path ? `${path}.${k}` : k);
      }
    }
  };
  visit(s, '');
  return { figures, sourceRefs };
}

