// The classroom server's HTTP API from the browser, with errors a person can act on.
import type { Scenario } from '../../scenario/schema.ts';

export interface SessionInfo {
  code: string;
  scenario: { id: string; title: string; turns: number; roles: { id: string; name: string; description: string }[] };
  tables: { table: number; roomId: string; phase: string; turn: number; turnsTotal: number; taken: string[] }[];
}

export interface CreatedSession {
  code: string;
  facilitatorKey: string;
  tables: number;
  seed: string;
  scenario: { id: string; title: string };
  joinUrls: string[];
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; message: string };

async function call<T>(path: string, init?: RequestInit): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, { ...init, signal: AbortSignal.timeout(15_000) });
  } catch {
    return { ok: false, message: `The classroom server at ${location.host} cannot be reached. Check that it is running and that this device is on the same network, then try again.` };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    return { ok: false, message: `The server answered ${res.status} without details. Is this address a Cashout classroom server (npm run classroom)?` };
  }
  if (!res.ok) return { ok: false, message: (body as { error?: string })?.error ?? `The server answered ${res.status}.` };
  return { ok: true, value: body as T };
}

export function getSession(code: string): Promise<ApiResult<SessionInfo>> {
  return call<SessionInfo>(`/api/sessions/${encodeURIComponent(code)}`);
}

export function createSession(req: { scenario?: string; scenarioYaml?: string; scenarioFile?: string; seed?: string; tables: number }): Promise<ApiResult<CreatedSession>> {
  return call<CreatedSession>('/api/sessions', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(req) });
}

export async function tableReplayText(code: string, table: number): Promise<ApiResult<string>> {
  try {
    const res = await fetch(`/api/sessions/${encodeURIComponent(code)}/tables/${table}/replay`, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok) return { ok: false, message: `Table ${table}'s log could not be downloaded (${res.status}).` };
    return { ok: true, value: await res.text() };
  } catch {
    return { ok: false, message: 'The classroom server cannot be reached.' };
  }
}

/** The scenario a created session plays, for the console's inject list. */
export type { Scenario };
