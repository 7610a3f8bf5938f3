// Share links: a run in the page's address that reproduces it exactly, a file instead when
// it is too long, and a refusal with the reason when a link is bad.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { buildReplay, type ReplayFile } from '../../src/engine/replay.ts';
import { Run } from '../../src/engine/run.ts';
import { MAX_LINK_LENGTH, openRunLink, type ResolveScenario, RUN_QUERY_PARAM, runLink } from '../../src/io/share-link.ts';
import { loadScenarioFile } from '../../src/scenario/load-file.ts';
import type { Scenario } from '../../src/scenario/schema.ts';

const load = async (file: string): Promise<Scenario> => {
  const r = await loadScenarioFile(join(import.meta.dirname, '..', '..', 'scenarios', file));
  if (!r.ok) throw new Error('scenario does not load');
  return r.value;
};
const tutorial = await load('tutorial.yaml');
const long = await load('2023-2025-wallets-bridges.yaml');
const PAGE = 'https://class.example.edu/cashout/?scenario=x#top';

const record = (s: Scenario, policy: string, seed: string): ReplayFile => buildReplay(playPolicy(new Run(s, seed), s.policies[policy]!), { inline: true });
const shipped = { shipped: true };
const resolver =
  (s: Scenario): ResolveScenario =>
  async (ref) =>
    ref.id === s.id ? { ok: true, scenario: s } : { ok: false, message: `this site has no scenario “${ref.id}”.` };
const param = (url: string) => new URL(url).searchParams.get(RUN_QUERY_PARAM)!;

describe('a share link', () => {
  it('reproduces the run exactly: same seed, same decisions, same hash every turn', async () => {
    const replay = record(tutorial, 'tough', 'k7f3-92ab');
    const link = await runLink(replay, tutorial, PAGE, shipped);
    expect(link.ok).toBe(true);
    if (!link.ok) return;
    expect(link.url.startsWith('https://class.example.edu/cashout/?run=')).toBe(true);
    expect(link.url).not.toContain('#');
    expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    const opened = await openRunLink(param(link.url), resolver(tutorial));
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    expect(opened.replay.seed).toBe('k7f3-92ab');
    expect(opened.replay.turnHashes).toEqual(replay.turnHashes);
    expect(opened.replay.finalStateHash).toBe(replay.finalStateHash);
    expect(opened.timeline.checkpoints.map((c) => c.hash)).toEqual(replay.turnHashes);
  });

  it('is compact: a whole tutorial game fits in a few hundred characters', async () => {
    const link = await runLink(record(tutorial, 'historical', '42'), tutorial, PAGE, shipped);
    expect(link.ok && link.length).toBeLessThan(700);
  });

  it('falls back to the replay file when the run is too long for a link', async () => {
    const replay = record(long, 'historical', '42');
    const link = await runLink(replay, long, PAGE, shipped);
    if (link.ok) {
      // Compression may fit it; a run with more decisions does not.
      expect(link.length).toBeLessThanOrEqual(MAX_LINK_LENGTH);
    }
    // A class's long game with many changes of mind: thousands of varied decisions.
    let x = 12345;
    const next = () => {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      return x;
    };
    const events = Array.from({ length: 3000 }, (_, i) => {
      const lever = long.levers[next() % long.levers.length]!;
      return { type: 'SET_LEVER' as const, lever: lever.id, level: next() % 4, turn: 1 + Math.floor(i / 84), seat: lever.role };
    });
    const padded = await runLink({ ...replay, events }, long, PAGE, shipped);
    expect(padded.ok).toBe(false);
    expect(!padded.ok && padded.reason).toMatch(/too long for a link \([\d,]+ characters; links over 2,000 get cut .*\)\. Share the replay file instead\./);
  });

  it('is not offered for a scenario loaded from a file on this computer', async () => {
    const link = await runLink(record(tutorial, 'none', '1'), tutorial, PAGE, { shipped: false });
    expect(!link.ok && link.reason).toMatch(/loaded from a file on this computer.*share the replay file instead/);
  });

  it('names a same-site scenario by its path so the receiver can fetch it', async () => {
    const link = await runLink(record(tutorial, 'none', '1'), tutorial, PAGE, { shipped: false, path: '/courses/week3.yaml' });
    expect(link.ok).toBe(true);
    let asked: unknown;
    await openRunLink(param((link as { url: string }).url), async (ref) => {
      asked = ref;
      return { ok: true, scenario: tutorial };
    });
    expect(asked).toMatchObject({ id: 'tutorial', path: '/courses/week3.yaml' });
  });
});

describe('a bad link is refused with the reason', () => {
  const good = async () => param(((await runLink(record(tutorial, 'tough', '9'), tutorial, PAGE, shipped)) as { url: string }).url);

  it('garbage, or a link cut short by a mail program', async () => {
    expect(await openRunLink('not a link!', resolver(tutorial))).toEqual({ ok: false, message: expect.stringMatching(/damaged or cut short/) });
    const p = await good();
    expect(await openRunLink(p.slice(0, Math.floor(p.length / 2)), resolver(tutorial))).toEqual({ ok: false, message: expect.stringMatching(/damaged or cut short/) });
  });

  it('a scenario this site does not have, or one changed since the link was made', async () => {
    const p = await good();
    expect(await openRunLink(p, async () => ({ ok: false, message: 'this site has no scenario “tutorial”.' }))).toEqual({ ok: false, message: 'this site has no scenario “tutorial”.' });
    const changed = { ...tutorial, title: 'Tutorial, revised' };
    expect(await openRunLink(p, resolver(changed))).toEqual({ ok: false, message: expect.stringMatching(/has changed since the link was made/) });
  });

  it('an edited decision, another engine version, a bomb', async () => {
    const { deflateRawSync } = await import('node:zlib');
    const encode = (o: unknown) => deflateRawSync(Buffer.from(JSON.stringify(o))).toString('base64url');
    const decode = async (p: string) => JSON.parse((await import('node:zlib')).inflateRawSync(Buffer.from(p, 'base64url')).toString());
    const payload = await decode(await good());
    const edited = structuredClone(payload);
    const lever = edited.events.find((e: number[]) => e[0] === 2);
    lever[4] = 0; // a lever level lowered: the run no longer reproduces
    expect(await openRunLink(encode(edited), resolver(tutorial))).toEqual({ ok: false, message: expect.stringMatching(/do not reproduce the run/) });
    expect(await openRunLink(encode({ ...payload, engine: '0.9.0' }), resolver(tutorial))).toEqual({ ok: false, message: expect.stringMatching(/made with Cashout engine 0\.9\.0/) });
    const bomb = deflateRawSync(Buffer.alloc(10_000_000, 32)).toString('base64url');
    expect(await openRunLink(bomb, resolver(tutorial))).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
    expect(await openRunLink(encode({ ...payload, seed: '' }), resolver(tutorial))).toEqual({ ok: false, message: expect.stringMatching(/damaged/) });
  });
});
