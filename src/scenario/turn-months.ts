// Calendar arithmetic for the loader (the engine has its own in state.ts): which month a
// turn falls in, and which turn a month is.

/** "2022-03" → { year: 2022, month: 3 }. */
export function yearMonth(text: string): { year: number; month: number } {
  const [y, m] = text.split('-').map(Number) as [number, number];
  return { year: y, month: m };
}

/** The calendar months (1–12) the game's turns fall in. */
export function turnMonths(start: string, turns: number): Set<number> {
  const { month } = yearMonth(start);
  const out = new Set<number>();
  for (let t = 0; t < Math.min(turns, 12); t++) out.add(((month - 1 + t) % 12) + 1);
  return out;
}

/** The turn in which month `ym` (YYYY-MM) falls, counting from `start` as turn 1; may be < 1. */
export function turnOfMonth(start: string, ym: string): number {
  const a = yearMonth(start);
  const b = yearMonth(ym);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/** The month (YYYY-MM) of a 1-based turn. */
export function monthOfTurn(start: string, turn: number): string {
  const a = yearMonth(start);
  const idx = a.month - 1 + (turn - 1);
  const year = a.year + Math.floor(idx / 12);
  const month = (((idx % 12) + 12) % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}
