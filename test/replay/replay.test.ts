import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { buildReplay, type ReplayFile, ReplaySchema, runReplay } from '../../src/engine/replay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { ENGINE_VERSION } from '../../src/engine/version.ts';
import { mini } from '../fixtures/mini.ts';

function recorded(policy = 'tough', seed = '42'): ReplayFile {
  const s = playPolicy(new GameSession(mini, seed), mini.policies[policy]!);
  return JSON.parse(JSON.stringify(buildReplay(s, { inline: true })));
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('replay files', () => {
  it('record the format, engine version, scenario hash, seed, decisions and a hash per turn', () => {
    const r = recorded();
    expect(r.format).toBe('cashout-replay');
    expect(r.formatVersion).toBe(1);
    expect(r.engineVersion).toBe(ENGINE_VERSION);
    expect(r.scenario.id).toBe('mini');
    expect(r.scenario.hash).toMatch(/^[0-9a-f]{28}$/);
    expect(r.seed).toBe('42');
    expect(r.events[0]).toEqual({ type: 'BEGIN' });
    expect(r.turnHashes).toHaveLength(6);
    expect(ReplaySchema.safeParse(r).success).toBe(true);
  });

  it('re-run to the same per-turn hashes', () => {
    const r = recorded();
    const out = runReplay(r);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.session.turnHashes).toEqual(r.turnHashes);
  });

  it('name the first turn that differs when a legal decision is edited', () => {
    const r = clone(recorded());
    const i = r.events.findIndex((e) => e.type === 'SET_LEVER' && e.lever === 'otc_designation');
    (r.events[i] as { level: number }).level = 1;
    const out = runReplay(r);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problem).toBe('turn-differs');
      expect(out.turn).toBe(3);
    }
  });

  it('refuse an edited decision that the rules refuse, naming the decision and turn', () => {
    const r = clone(recorded());
    const i = r.events.findIndex((e) => e.type === 'SET_LEVER');
    (r.events[i] as { level: number }).level = 5;
    const out = runReplay(r);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problem).toBe('refused');
      expect(out.message).toMatch(/Decision \d+ \(sanctions sets mixer_sanctions to 5, turn 1\)/);
    }
  });

  it('refuse a truncated replay (decisions missing)', () => {
    const r = clone(recorded());
    r.events = r.events.slice(0, r.events.length - 5);
    const out = runReplay(r);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problem).toBe('missing-turns');
  });

  it('refuse a replay whose turn hashes were cut off', () => {
    const r = clone(recorded());
    r.turnHashes = r.turnHashes.slice(0, 3);
    const out = runReplay(r);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.problem).toBe('extra-turns');
      expect(out.turn).toBe(4);
    }
  });

  it('refuse another seed (the luck differs from turn 1)', () => {
    const r = clone(recorded());
    r.seed = '43';
    const out = runReplay(r);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.turn).toBe(1);
  });

  it('refuse an edited inline scenario (content hash mismatch)', () => {
    const r = clone(recorded());
    r.scenario.inline!.adversary.teams = 9;
    const out = runReplay(r);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problem).toBe('scenario-mismatch');
  });

  it('refuse another engine version before re-running anything', () => {
    const r = clone(recorded());
    r.engineVersion = '0.9.0';
    const out = runReplay(r);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.message).toMatch(/engine 0\.9\.0/);
  });

  it('work as a save game: a replay stopped mid-turn resumes to the same state', () => {
    const s = new GameSession(mini, '9');
    s.send({ type: 'BEGIN' });
    s.send({ type: 'START' });
    s.send({ type: 'SET_LEVER', role: 'sanctions', lever: 'mixer_sanctions', level: 2 });
    s.send({ type: 'COMMIT', role: 'sanctions' });
    s.send({ type: 'COMMIT', role: 'defence' });
    s.send({ type: 'NEXT' });
    s.send({ type: 'SET_LEVER', role: 'sanctions', lever: 'otc_designation', level: 1 });
    const save = clone(buildReplay(s));
    const out = runReplay(save, mini);
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.session.phase).toBe('planning');
      expect(out.session.game).toEqual(s.game);
    }
  });

  it('need the matching scenario when it is not inline', () => {
    const r = clone(recorded());
    delete r.scenario.inline;
    expect(runReplay(r).ok).toBe(false);
    expect(runReplay(r, mini).ok).toBe(true);
  });
});
