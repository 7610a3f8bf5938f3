// Which class sessions exist, shared by every server process through Colyseus' presence
// (in memory for one process, Redis for several) and kept on disk for restarts.
import type { Presence } from '@colyseus/core';
import { ScenarioSchema } from '../scenario/schema.ts';
import type { ClassroomStore, SessionConfig } from './store.ts';

const SESSIONS = 'cashout:sessions';

export class SessionRegistry {
  constructor(
    private readonly presence: Presence,
    private readonly store: ClassroomStore,
  ) {}

  async put(cfg: SessionConfig): Promise<void> {
    this.store.writeSession(cfg);
    await this.presence.hset(SESSIONS, cfg.code, JSON.stringify(cfg));
  }

  /** From presence (any process's session), else from this process's disk. */
  async get(code: string): Promise<SessionConfig | null> {
    const shared = await this.presence.hget(SESSIONS, code);
    if (shared) {
      const cfg = JSON.parse(shared) as SessionConfig;
      // Presence may be shared with other software: check what comes back before using it.
      if (cfg.code === code && ScenarioSchema.safeParse(cfg.scenario).success) return cfg;
    }
    if (!this.store.hasSession(code)) return null;
    const r = this.store.readSession(code);
    if (!r.ok) return null;
    await this.presence.hset(SESSIONS, code, JSON.stringify(r.config));
    return r.config;
  }

  async exists(code: string): Promise<boolean> {
    return (await this.presence.hget(SESSIONS, code)) !== null || this.store.hasSession(code);
  }

  async count(): Promise<number> {
    return this.presence.hlen(SESSIONS);
  }
}
