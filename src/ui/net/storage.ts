// What a browser remembers about classroom play (localStorage): the seat it holds in each
// class (role and seat secret, so a reload or a new network takes the same seat back), the
// facilitator keys of sessions this browser created, and which of these was open last.
import type { SavedSeat, SeatStore } from '../../net/connection.ts';
import type { SaveStorage } from '../app/save.ts';

const SEAT = 'cashout:classroom:seat:';
const FAC = 'cashout:classroom:facilitator:';
const LAST = 'cashout:classroom:last';

export type LastOpen = { kind: 'student' | 'facilitator'; code: string };

function readJson<T>(store: SaveStorage, key: string): T | null {
  try {
    const raw = store.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function browserSeatStore(store: SaveStorage): SeatStore {
  return {
    load: (code) => {
      const s = readJson<SavedSeat>(store, SEAT + code);
      return s && typeof s.secret === 'string' && typeof s.role === 'string' && Number.isInteger(s.table) ? s : null;
    },
    save: (seat) => store.setItem(SEAT + seat.code, JSON.stringify(seat)),
    forget: (code) => store.removeItem(SEAT + code),
  };
}

export function saveFacilitatorKey(store: SaveStorage, code: string, key: string): void {
  store.setItem(FAC + code, key);
}

export function facilitatorKey(store: SaveStorage, code: string): string | null {
  return store.getItem(FAC + code);
}

export function setLastOpen(store: SaveStorage, last: LastOpen | null): void {
  if (last) store.setItem(LAST, JSON.stringify(last));
  else store.removeItem(LAST);
}

export function lastOpen(store: SaveStorage): LastOpen | null {
  const l = readJson<LastOpen>(store, LAST);
  return l && (l.kind === 'student' || l.kind === 'facilitator') && typeof l.code === 'string' ? l : null;
}
