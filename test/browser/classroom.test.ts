// Classroom play end to end in headless Chromium: an instructor creates a session from the
// classroom page, two students join one table by code in their own browsers, play it to
// the debrief (one reloads mid-game and keeps the seat), and both download replays that
// are identical to each other and to the server's log, and that `replay verify --key`
// accepts. Only 127.0.0.1; every wait has a timeout.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { type ClassroomHarness, startClassroomHarness } from './classroom-harness.ts';

let hh: ClassroomHarness;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  hh = await startClassroomHarness();
}, 180_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await hh?.close();
});

async function open(): Promise<{ page: Page; errors: string[] }> {
  const context = await hh.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true, reducedMotion: 'reduce' });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => {
    // Vite's dev client (not the game) cannot reach its HMR socket through the classroom
    // server, which owns the port's WebSocket upgrades; under load it reports that late.
    if (/@vite\/client/.test(e.stack ?? '')) return;
    errors.push(e.message);
  });
  await page.goto(`${hh.url}/?classroom`);
  await page.getByRole('heading', { name: 'Play in class' }).waitFor({ timeout: 60_000 });
  return { page, errors };
}

async function joinAs(page: Page, code: string, name: string, role: string): Promise<void> {
  await page.getByLabel('Join code').fill(code.toLowerCase());
  await page.getByLabel(/Your name/).fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('heading', { name: new RegExp(`Class ${code}`) }).waitFor({ timeout: 15_000 });
  await page.getByRole('button', { name: role }).first().click();
  await page.getByRole('button', { name: 'Ready to start' }).waitFor({ timeout: 30_000 });
}

async function exportReplay(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.getByRole('button', { name: 'Export replay' }).click()]);
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

describe('classroom play in the browser', () => {
  it('an instructor and two students play a table to the debrief and download identical, attested replays', async () => {
    const instructor = await open();
    const ip = instructor.page;
    await ip.getByLabel('Scenario').selectOption('tutorial');
    await ip.getByLabel('Seed (shared by every table)').fill('42');
    await ip.getByLabel('Tables').fill('1');
    await ip.getByRole('button', { name: 'Create the session' }).click();
    const code = (await ip.locator('.join-code').textContent({ timeout: 15_000 }))!.trim();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);

    const a = await open();
    const b = await open();
    await joinAs(a.page, code, 'Ann', 'Sanctions authority');
    await joinAs(b.page, code, 'Bo', 'Cyber-defence agency');
    // The console sees both students.
    await ip.getByRole('cell', { name: 'Bo' }).waitFor({ timeout: 10_000 });

    await a.page.getByRole('button', { name: 'Ready to start' }).click();
    await b.page.getByRole('button', { name: 'Ready to start' }).click();

    for (let turn = 1; turn <= 6; turn++) {
      for (const p of [a.page, b.page]) await p.getByRole('heading', { name: new RegExp(`^Turn ${turn} of 6`) }).waitFor({ timeout: 30_000 });
      if (turn === 1) await a.page.locator('input[name="lever-sanction-mixers"]').nth(2).check();
      if (turn === 2) {
        // A reload keeps the seat: the page goes straight back to the table, same role.
        await b.page.reload();
        await b.page.getByRole('heading', { name: /^Turn 2 of 6/ }).waitFor({ timeout: 60_000 });
        await b.page.locator('input[name="lever-bridge-validators"]').nth(1).check();
      }
      await a.page.getByRole('button', { name: 'Submit my plan' }).click();
      // B sees that A has submitted, and nothing of what.
      await b.page.getByText(/Sanctions authority \(Ann\): ✓ submitted/).waitFor({ timeout: 10_000 });
      await b.page.getByRole('button', { name: 'Submit my plan' }).click();
      const next = turn < 6 ? `Ready for turn ${turn + 1}` : 'Ready for the debrief';
      for (const p of [a.page, b.page]) await p.getByRole('button', { name: next }).click({ timeout: 30_000 });
    }
    for (const p of [a.page, b.page]) await p.getByRole('heading', { name: 'Debrief' }).waitFor({ timeout: 30_000 });
    await ip.getByText('Debrief (game over)').waitFor({ timeout: 10_000 });

    const fromA = await exportReplay(a.page);
    const fromB = await exportReplay(b.page);
    expect(fromA).toBe(fromB);
    const file = join(hh.dataDir, 'sessions', code, 'table-1.json');
    expect(fromA).toBe(readFileSync(file, 'utf8'));
    const replay = JSON.parse(fromA);
    expect(replay.turnHashes).toHaveLength(6);
    expect(replay.events.some((e: { seat: string; lever?: string; level?: number }) => e.seat === 'sanctions' && e.lever === 'sanction-mixers' && e.level === 2)).toBe(true);
    expect(replay.events.some((e: { seat: string; lever?: string; level?: number }) => e.seat === 'defence' && e.lever === 'bridge-validators' && e.level === 1)).toBe(true);

    const out: string[] = [];
    const err: string[] = [];
    const status = await main(['replay', 'verify', file, '--key', join(hh.dataDir, 'server.key')], { out: (t) => void out.push(t), err: (t) => void err.push(t), writeFile: async () => {} });
    expect(err).toEqual([]);
    expect(status).toBe(0);
    expect(out.join('\n')).toMatch(/attested/);
    // The session's tables open together in the class view, verified by the engine.
    await ip.getByRole('button', { name: 'Open all tables in the class view' }).click();
    await ip.getByRole('heading', { name: 'Class view' }).waitFor({ timeout: 30_000 });
    await ip.getByText(`cashout-class-${code}-table-1.json`).first().waitFor({ timeout: 10_000 });
    expect([...instructor.errors, ...a.errors, ...b.errors]).toEqual([]);
  }, 300_000);
});
