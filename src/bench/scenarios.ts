import { loadScenarioFile } from '../scenario/load-file.ts';
import type { Scenario } from '../scenario/schema.ts';

export const SCENARIOS_DIR = new URL('../../scenarios/', import.meta.url);

export async function load(file: string): Promise<Scenario> {
  const r = await loadScenarioFile(new URL(file, SCENARIOS_DIR).pathname);
  if (!r.ok) throw new Error(`cannot load ${file}: ${r.errors[0]?.message}`);
  return r.value;
}

/** The 24-turn historical scenario the engine targets are stated for. */
export const HISTORICAL_24 = '2019-2020-exchange-era.yaml';

/** A long game for the scale test: the 2022 scenario stretched to `turns` months. */
export async function stretched(turns: number): Promise<Scenario> {
  const s = await load('2022-year-of-missiles.yaml');
  return { ...s, id: `stress-${turns}`, calendar: { ...s.calendar, turns } };
}
