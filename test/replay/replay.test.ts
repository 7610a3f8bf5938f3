import { describe, expect, it } from 'vitest';
import { playPolicy } from '../../src/engine/autoplay.ts';
import { buildReplay, type ReplayFile, ReplaySchema, runReplay } from '../../src/engine/replay.ts';
import { GameSession } from '../../src/engine/session.ts';
import { ENGINE_VERSION } from '../../src/engine/version.ts';
import { parseReplayText } from '../../src/io/replay-load.ts';
import { formatDiagnostic } from '../../src/scenario/diagnostics.ts';
import { TABLE } from '../engine/helpers.ts';
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
    expect(r.formatVersion).toBe(2);
    expect(r.engineVersion).toBe(ENGINE_VERSION);
    expect(r.scenario.id).toBe('mini');
    expect(r.scenario.hash).toMatch(/^[0-9a-f]{28}$/);
    expect(r.seed).toBe('42');
    expect(r.events[0]).toEqual({ type: 'BEGIN', turn: 0, seat: 'sanctions' });
    expect(r.turnHashes).toHaveLength(6);
    expect(ReplaySchema.safeParse(r).success).toBe(true);
  });

  it('re-run to the same per-turn hashes', () => {
    const r = recorded();
    const out = runReplay(r);
    expect(out.ok).toBe(true);
    if (out.ok) expect(out.run.turnHashes).toEqual(r.turnHashes);
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

  it('refuse a replay written before the one-step engine (format 1) at its engineVersion, naming the engine it needs', () => {
    const old = { ...clone(recorded()), formatVersion: 1, engineVersion: '1.4.0', events: [{ type: 'BEGIN' }, { type: 'START' }] };
    const r = parseReplayText(JSON.stringify(old, null, 2), 'old.json');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(formatDiagnostic(r.errors[0]!)).toMatch(/^old\.json:4:20: error: engineVersion: This replay was recorded with Cashout engine 1\.4\.0 \(replay format 1\).*Open it with Cashout engine 1\.4\.0/);
    }
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
    s.act(TABLE, { type: 'BEGIN' });
    s.act(TABLE, { type: 'START' });
    s.act('sanctions', { type: 'SET_LEVER' , lever: 'mixer_sanctions', level: 2 });
    s.act('sanctions', { type: 'COMMIT' });
    s.act('defence', { type: 'COMMIT' });
    s.act(TABLE, { type: 'NEXT' });
    s.act('sanctions', { type: 'SET_LEVER' , lever: 'otc_designation', level: 1 });
    const save = clone(buildReplay(s));
    const out = runReplay(save, mini);
    expect(out.ok).toBe(true);
    if (out.ok) {
      expect(out.run.phase).toBe('planning');
      expect(out.run.game).toEqual(s.game);
    }
  });

  it('need the matching scenario when it is not inline', () => {
    const r = clone(recorded());
    delete r.scenario.inline;
    expect(runReplay(r).ok).toBe(false);
    expect(runReplay(r, mini).ok).toBe(true);
  });
});
