// What differs between two versions of a scenario, in words an instructor can check
// against their file: "levers[exchange-mfa].costPerLevel: 2 in the replay's copy, 1 in
// yours". Items of id-lists are matched by id, so a reordered list is no difference.

export interface Difference {
  /** `levers[exchange-mfa].costPerLevel`, `title`, `events.scripted[ronin-heist]`. */
  path: string;
  /** The value in the first scenario (undefined: absent there). */
  a: unknown;
  b: unknown;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIdList = (v: unknown): v is Obj[] => Array.isArray(v) && v.length > 0 && v.every((x) => isObj(x) && typeof x.id === 'string');
const PLAIN = /^[A-Za-z_$][\w$-]*$/;
const join = (path: string, key: string) => (PLAIN.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`);

export function scenarioDifferences(a: unknown, b: unknown): Difference[] {
  const out: Difference[] = [];
  walk(a, b, '', out);
  return out;
}

function walk(a: unknown, b: unknown, path: string, out: Difference[]): void {
  if (a === b) return;
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    for (const k of keys) walk(a[k], b[k], join(path, k), out);
    return;
  }
  if ((isIdList(a) || isIdList(b)) && Array.isArray(a) && Array.isArray(b) && [...a, ...b].every((x) => isObj(x) && typeof x.id === 'string')) {
    const byId = (list: unknown[]) => new Map((list as Obj[]).map((x) => [x.id as string, x]));
    const ma = byId(a);
    const mb = byId(b);
    for (const id of [...new Set([...ma.keys(), ...mb.keys()])]) walk(ma.get(id), mb.get(id), `${path}[${id}]`, out);
    const order = (m: Map<string, Obj>) => [...m.keys()].filter((k) => ma.has(k) && mb.has(k)).join(',');
    if (order(ma) !== order(mb)) out.push({ path: `${path} (order)`, a: [...ma.keys()], b: [...mb.keys()] });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (const [i, x] of a.entries()) walk(x, b[i], `${path}[${i}]`, out);
    return;
  }
  if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, a, b });
}

const brief = (v: unknown) => {
  if (v === undefined) return 'absent';
  const text = JSON.stringify(v);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};

/** One line per difference, at most `max` (then "… and N more"). */
export function describeDifferences(list: Difference[], labels: { a: string; b: string }, max = 10): string[] {
  const lines = list.slice(0, max).map((d) => `${d.path || '(the whole scenario)'}: ${brief(d.a)} in ${labels.a}, ${brief(d.b)} in ${labels.b}`);
  if (list.length > max) lines.push(`… and ${list.length - max} more difference${list.length - max === 1 ? '' : 's'}`);
  return lines;
}

/** Whether every difference lies in the assessment material, which play never reads. */
export function onlyAssessment(list: Difference[]): boolean {
  return list.length > 0 && list.every((d) => d.path === 'assessment' || d.path.startsWith('assessment.') || d.path.startsWith('assessment['));
}
