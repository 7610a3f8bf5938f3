import { describe, expect, it } from 'vitest';
import { GameSession } from '../../src/engine/session.ts';
import { loadSave, makeSave, SAVE_KEY, type SaveStorage, writeSave } from '../../src/ui/app/save.ts';
import { mini } from '../fixtures/mini.ts';

function memory(initial?: string): SaveStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  if (initial !== undefined) data.set(SAVE_KEY, initial);
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

function midGame(): GameSession {
  const s = new GameSession(mini, 'save-seed');
  for (const [seat, a] of [
    ['sanctions', { type: 'BEGIN' }],
    ['sanctions', { type: 'START' }],
    ['sanctions', { type: 'SET_LEVER', lever: 'mixer_sanctions', level: 2 }],
    ['sanctions', { type: 'COMMIT' }],
    ['defence', { type: 'COMMIT' }],
    ['sanctions', { type: 'NEXT' }],
    ['sanctions', { type: 'SET_LEVER', lever: 'otc_designation', level: 1 }],
  ] as const)
    expect(s.act(seat, a).ok).toBe(true);
  return s;
}

describe('autosave', () => {
  it('round-trips a game mid-turn: same phase, turn, draft and hashes', () => {
    const store = memory();
    const s = midGame();
    expect(writeSave(store, s, { players: 2, currency: 'USD' })).toBeNull();
    const loaded = loadSave(store);
    if (loaded.kind !== 'ok') throw new Error(JSON.stringify(loaded));
    expect(loaded.ui).toEqual({ players: 2, currency: 'USD' });
    expect(loaded.session.phase).toBe('planning');
    expect(loaded.session.game).toEqual(s.game);
    expect(loaded.session.turnHashes).toEqual(s.turnHashes);
    expect(JSON.parse(JSON.stringify(makeSave(s, { players: 2, currency: 'USD' })))).toEqual(makeSave(s, { players: 2, currency: 'USD' }));
  });

  it('reports no save, bad JSON, foreign data and tampered decisions without throwing', () => {
    expect(loadSave(memory()).kind).toBe('none');
    expect(loadSave(memory('{"app":')).kind).toBe('problem');
    expect(loadSave(memory('[1,2]')).kind).toBe('problem');
    const good = makeSave(midGame(), { players: 1, currency: 'JPY' });
    const tampered = { ...good, replay: { ...good.replay, events: good.replay.events.slice(0, 3) } };
    const r = loadSave(memory(JSON.stringify(tampered)));
    expect(r.kind).toBe('problem');
    const badUi = { ...good, ui: { players: 9, currency: 'EUR' } };
    expect(loadSave(memory(JSON.stringify(badUi))).kind).toBe('problem');
  });

  it('says why when storage refuses the write', () => {
    const full: SaveStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(writeSave(full, midGame(), { players: 1, currency: 'JPY' })).toMatch(/Autosave failed: QuotaExceededError/);
  });
});
