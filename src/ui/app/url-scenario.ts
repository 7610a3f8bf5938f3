// Loading a scenario from an address on this site, so that an instructor can share a link
// (…/?scenario=/courses/week3.yaml). Same origin only: a link must not make the game play a
// scenario from a site the instructor does not control. The text then goes through the same
// loader as a file, so every problem comes back as name:line:column.

import { readBounded } from '../../io/read-bounded.ts';
import { formatDiagnostic } from '../../scenario/diagnostics.ts';
import { loadScenarioWithBase, type ReadBase } from '../../scenario/extends.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { MAX_SOURCE_BYTES } from '../../scenario/source-text.ts';

/** `?scenario=<path or URL>` in the page's address. */
export const SCENARIO_QUERY_PARAM = 'scenario';
const TIMEOUT_MS = 15_000;
const ACCEPT = 'application/yaml, text/yaml, application/x-yaml, application/json, text/plain;q=0.8';

export type UrlScenarioResult =
  | { ok: true; name: string; scenario: Scenario; warnings: string[] }
  | { ok: false; name: string; lines: string[] };

export type ResolvedUrl = { ok: true; url: URL; name: string } | { ok: false; message: string };

export interface FetchOptions {
  /** The page's address: relative paths resolve against it and its origin is the only one allowed. */
  base: string;
  fetch?: typeof fetch;
  maxBytes?: number;
  timeoutMs?: number;
}

/** The scenario address in a page's query string, if any (`?scenario=…`). */
export function scenarioUrlFromQuery(search: string): string | null {
  const v = new URLSearchParams(search).get(SCENARIO_QUERY_PARAM);
  return v?.trim() ? v.trim() : null;
}

/** Resolve what the user typed against the page and refuse other sites and non-web schemes. */
export function resolveScenarioUrl(input: string, base: string): ResolvedUrl {
  const text = input.trim();
  if (!text) return { ok: false, message: 'Enter the address of a scenario file on this site, for example /scenarios/tutorial.yaml.' };
  let here: URL;
  let url: URL;
  try {
    here = new URL(base);
    url = new URL(text, here);
  } catch {
    return { ok: false, message: `“${text}” is not a web address. Enter a path on this site such as /scenarios/tutorial.yaml.` };
  }
  if (here.protocol !== 'http:' && here.protocol !== 'https:')
    return { ok: false, message: 'Loading a scenario from an address needs the game to be served over http(s); opened from a file, use “Load a scenario file” instead.' };
  const only = `only scenarios on this site (${here.origin}) can be loaded from an address. Download the file and use “Load a scenario file” instead.`;
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, message: `${url.protocol} addresses are refused: ${only}` };
  if (url.origin !== here.origin) return { ok: false, message: `${url.origin} is another site: ${only}` };
  url.hash = '';
  return { ok: true, url, name: url.pathname + url.search };
}

const fail = (name: string, message: string): UrlScenarioResult => ({ ok: false, name, lines: [`${name}: ${message}`] });

/** Fetch, size-check and validate a scenario (and any base it extends); never throws. */
export async function fetchScenario(input: string, opts: FetchOptions): Promise<UrlScenarioResult> {
  const resolved = resolveScenarioUrl(input, opts.base);
  if (!resolved.ok) return { ok: false, name: input.trim() || 'address', lines: [resolved.message] };
  const { url, name } = resolved;
  const got = await fetchText(url, opts);
  if (!got.ok) return fail(name, got.message);
  // Bases named by `extends` resolve against the file naming them, on this site only.
  const readBase: ReadBase = async (ref, from) => {
    const base = resolveScenarioUrl(ref, new URL(from, url).href);
    if (!base.ok) return { ok: false, message: base.message };
    if (!/\.ya?ml$/i.test(base.url.pathname)) return { ok: false, message: 'a base scenario is a .yaml or .yml file on this site' };
    const text = await fetchText(base.url, opts);
    return text.ok ? { ok: true, text: text.text, file: base.name } : { ok: false, message: text.message };
  };
  const r = await loadScenarioWithBase(got.text, name, readBase);
  if (r.ok) return { ok: true, name, scenario: r.value, warnings: r.warnings.map(formatDiagnostic) };
  return { ok: false, name, lines: r.errors.map(formatDiagnostic) };
}

/** The UTF-8 text at a same-origin address, or why it cannot be had. */
async function fetchText(url: URL, opts: FetchOptions): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const maxBytes = opts.maxBytes ?? MAX_SOURCE_BYTES;
  const doFetch = opts.fetch ?? fetch;
  const seconds = Math.round((opts.timeoutMs ?? TIMEOUT_MS) / 1000);
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), opts.timeoutMs ?? TIMEOUT_MS);
  const no = (message: string) => ({ ok: false as const, message });
  try {
    let res: Response;
    try {
      res = await doFetch(url.href, { headers: { Accept: ACCEPT }, credentials: 'same-origin', cache: 'no-cache', signal: abort.signal });
    } catch (err) {
      if (abort.signal.aborted) return no(`no answer after ${seconds} s; check the address and try again.`);
      return no(`could not be fetched (${err instanceof Error ? err.message : String(err)}); check the address and that the site is reachable.`);
    }
    if (res.url && new URL(res.url).origin !== new URL(opts.base).origin)
      return no('the server redirected to another site; only scenarios on this site can be loaded from an address.');
    if (!res.ok) {
      const why = res.status === 404 ? ' — there is no file at this address' : '';
      return no(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${why}. Check the address.`);
    }
    if (/^text\/html\b/i.test(res.headers.get('content-type') ?? ''))
      return no('the server sent a web page, not a scenario file; check that the address ends with the .yaml file.');
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) return no(tooLarge(declared, maxBytes));
    const bytes = await readCapped(res, maxBytes);
    if (bytes === 'too-large') return no(tooLarge(null, maxBytes));
    try {
      return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return no('the file is not UTF-8 text; save it as UTF-8 YAML.');
    }
  } catch (err) {
    if (abort.signal.aborted) return no(`the download stopped after ${seconds} s; try again.`);
    return no(`could not be read (${err instanceof Error ? err.message : String(err)}).`);
  } finally {
    clearTimeout(timer);
  }
}

function tooLarge(size: number | null, max: number): string {
  const limit = `${Math.round(max / 1024)} kB`;
  return size === null
    ? `the file is larger than ${limit}; a scenario is far smaller, so this is probably the wrong file.`
    : `the file is ${Math.round(size / 1024)} kB; a scenario is at most ${limit}, so this is probably the wrong file.`;
}

/** The body, stopping as soon as it passes the limit (a server may not send a length). */
async function readCapped(res: Response, max: number): Promise<Uint8Array | 'too-large'> {
  if (!res.body) {
    const all = new Uint8Array(await res.arrayBuffer());
    return all.byteLength > max ? 'too-large' : all;
  }
  return readBounded(res.body, max);
}
