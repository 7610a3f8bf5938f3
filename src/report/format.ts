// Plain-text money and table formatting, shared by the CLI and the HTML reports.
export type Currency = 'USD' | 'JPY';

/** Compact money: "$ 541.0 M", "¥ 87.0 bn". Engine amounts are whole US dollars. */
export function money(usd: number, currency: Currency = 'USD', usdJpy = 1): string {
  const v = currency === 'JPY' ? usd * usdJpy : usd;
  const sign = currency === 'JPY' ? '¥' : '$';
  const abs = Math.abs(v);
  const [d, unit] =
    abs >= 1e12 ? [1e12, ' tn'] : abs >= 1e9 ? [1e9, ' bn'] : abs >= 1e6 ? [1e6, ' M'] : abs >= 1e3 ? [1e3, ' k'] : [1, ''];
  const n = v / d;
  return `${v < 0 ? '-' : ''}${sign} ${Math.abs(n).toFixed(d === 1 ? 0 : 1)}${unit}`;
}

export function pad(s: string, width: number, align: 'left' | 'right' = 'right'): string {
  return align === 'right' ? s.padStart(width) : s.padEnd(width);
}

export function table(headers: string[], rows: string[][], align: ('left' | 'right')[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => pad(c, widths[i]!, align[i] ?? 'right')).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
