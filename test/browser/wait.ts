// Explicit waits for the browser tests. Every wait names its timeout: a state the page
// reaches after a click or a key (STATE), after a reload or a first load that compiles
// modules and starts Phaser (LOAD), or after many seeded runs in the what-if worker (RUNS).
// Generous on purpose: they bound a hang, they are not a speed target, and the suite must
// pass on a busy two-core machine. Wall-clock sleeps are never used.
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

export const STATE = 20_000;
export const LOAD = 60_000;
export const RUNS = 60_000;

/** Poll `read` until it passes `check`-style expectations (expect.poll with an explicit timeout). */
export function until<T>(read: () => T | Promise<T>, timeout = STATE) {
  return expect.poll(read, { timeout, interval: 50 });
}

/** Wait until the locator is visible. */
export async function shown(locator: Locator, timeout = STATE): Promise<void> {
  await locator.first().waitFor({ state: 'visible', timeout });
}
