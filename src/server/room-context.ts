// What table rooms need from the process that hosts them. Colyseus constructs rooms itself
// (also on behalf of another process, through Redis), so the context is set once per
// process when the server starts, rather than passed through room options.
import type { SessionRegistry } from './registry.ts';
import type { ClassroomStore } from './store.ts';

export interface RoomContext {
  store: ClassroomStore;
  /** The attestation key: never sent anywhere. */
  key: Buffer;
  registry: SessionRegistry;
  /** Seconds a dropped seat waits for its reconnection token (RECONNECT_WINDOW_SECONDS; tests shorten it). */
  reconnectSeconds: number;
}

let current: RoomContext | null = null;

export function setRoomContext(ctx: RoomContext): void {
  current = ctx;
}

export function roomContext(): RoomContext {
  if (!current) throw new Error('The classroom server has not been started in this process.');
  return current;
}
