// Autosave: the replay file (the engine's own format) plus the few UI settings needed to
// put the player back exactly where they were. Resuming re-runs the replay, so a save
// can never smuggle in a state the rules did not produce.
import { buildReplay, type ReplayFile, ReplaySchema, runReplay } from '../../engine/replay.ts';
import { GameSession } from '../../engine/session.ts';
import type { Currency } from './format.ts';

export const SAVE_KEY = 'cashout:save:v1';

export interface UiSettings {
  players: number;
  currency: Currency;
  /** The facilitator panel is shown (off unless switched on). */
  facilitator?: boolean;
}

export interface SaveData {
  app: 'cashout';
  version: 1;
  ui: UiSettings;
  replay: ReplayFile;
}

/** The subset of Storage the save needs (localStorage in the page, a Map in tests). */
export interface SaveStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type LoadedSave =
  | { kind: 'none' }
  | { kind: 'ok'; session: GameSession; ui: UiSettings }
  | { kind: 'problem'; message: string };

export function makeSave(session: GameSession, ui: UiSettings): SaveData {
  return { app: 'cashout', version: 1, ui: { ...ui }, replay: buildReplay(session, { inline: true, meta: { tool: 'cashout web' } }) };
}

/** Write the save; returns an error message instead of throwing (e.g. storage full or blocked). */
export function writeSave(storage: SaveStorage, session: GameSession, ui: UiSettings): string | null {
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(makeSave(session, ui)));
    return null;
  } catch (err) {
    return `Autosave failed: ${err instanceof Error ? err.message : String(err)}. Export the replay to keep your game.`;
  }
}

export function clearSave(storage: SaveStorage): void {
  try {
    storage.removeItem(SAVE_KEY);
  } catch {
    // Storage blocked: there is nothing to clear then.
  }
}

function readRaw(storage: SaveStorage): string | null {
  try {
    return storage.getItem(SAVE_KEY);
  } catch {
    return null;
  }
}

function parseUi(v: unknown): UiSettings | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const players = o.players;
  const currency = o.currency;
  if (typeof players !== 'number' || !Number.isInteger(players) || players < 1 || players > 6) return null;
  if (currency !== 'USD' && currency !== 'JPY') return null;
  if (o.facilitator !== undefined && typeof o.facilitator !== 'boolean') return null;
  return o.facilitator === undefined ? { players, currency } : { players, currency, facilitator: o.facilitator };
}

/** Read and re-run the autosave. Never throws: anything wrong becomes a message for the page. */
export function loadSave(storage: SaveStorage): LoadedSave {
  const raw = readRaw(storage);
  if (raw === null) return { kind: 'none' };
  try {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      return { kind: 'problem', message: 'The saved game is not valid JSON (it may have been cut off or edited).' };
    }
    const o = (data ?? {}) as Record<string, unknown>;
    if (typeof data !== 'object' || data === null || o.app !== 'cashout' || o.version !== 1)
      return { kind: 'problem', message: 'The saved game is not a Cashout save of this version.' };
    const ui = parseUi(o.ui);
    if (!ui) return { kind: 'problem', message: 'The saved game has unreadable settings (player count or currency).' };
    const checked = ReplaySchema.safeParse(o.replay);
    if (!checked.success) {
      const first = checked.error.issues[0];
      const where = first?.path.length ? ` at ${first.path.join('.')}` : '';
      return { kind: 'problem', message: `The saved game is damaged${where}: ${first?.message ?? 'invalid structure'}.` };
    }
    // Re-run the original (not the zod-normalised) data so hashes are computed on what was saved.
    const result = runReplay(o.replay as ReplayFile);
    if (!result.ok) return { kind: 'problem', message: `The saved game cannot be resumed: ${result.message}` };
    const run = result.run;
    if (run.phase === 'setup') return { kind: 'problem', message: 'The saved game never started.' };
    const session = GameSession.resume(run.scenario, run.seed, run.snapshot());
    return { kind: 'ok', session, ui: { ...ui, players: Math.min(ui.players, run.scenario.roles.length) } };
  } catch (err) {
    return {
      kind: 'problem',
      message: `The saved game could not be read: ${err instanceof Error ? err.message : String(err)}`,
    };
  }
}
