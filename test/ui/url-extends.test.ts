import { describe, expect, it } from 'vitest';
import { scenarioTemplate } from '../../src/scenario/template.ts';
import { fetchScenario } from '../../src/ui/app/url-scenario.ts';

const base = 'https://class.example/game/';

/** A stand-in for fetch serving a few files on this site. */
function site(files: Record<string, string>): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = new URL(String(input));
    const text = files[url.pathname];
    if (text === undefined) return new Response('missing', { status: 404, statusText: 'Not Found' });
    return new Response(text, { status: 200, headers: { 'content-type': 'text/yaml' } });
  }) as typeof fetch;
}

describe('loading a scenario that extends another from an address', () => {
  it('fetches the base next to the file and merges it', async () => {
    const f = site({
      '/courses/base.yaml': scenarioTemplate('base'),
      '/courses/week3.yaml': 'extends: ./base.yaml\nid: week3\ntitle: Week 3\n',
    });
    const r = await fetchScenario('/courses/week3.yaml', { base, fetch: f });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.id).toBe('week3');
      expect(r.scenario.levers.length).toBe(4);
    }
  });

  it('reports a missing base at the extends line', async () => {
    const r = await fetchScenario('/c.yaml', { base, fetch: site({ '/c.yaml': 'id: c\nextends: ./gone.yaml\n' }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.lines[0]).toMatch(/^\/c\.yaml:2:10: error: extends: the base scenario "\.\/gone\.yaml" cannot be read: the server answered 404/);
  });

  it('refuses a base on another site', async () => {
    const r = await fetchScenario('/c.yaml', { base, fetch: site({ '/c.yaml': 'extends: https://elsewhere.example/b.yaml\n' }) });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.lines[0]).toMatch(/another site/);
  });

  it('refuses a base that is not a .yaml file, and never quotes a page that is not a scenario', async () => {
    const page = 'token: s3cr3t-session\n';
    const json = await fetchScenario('/c.yaml', { base, fetch: site({ '/c.yaml': 'extends: /api/session.json\n', '/api/session.json': page }) });
    expect(!json.ok && json.lines[0]).toMatch(/a base scenario is a \.yaml or \.yml file on this site/);
    const yaml = await fetchScenario('/c.yaml', { base, fetch: site({ '/c.yaml': 'extends: /private/keys.yaml\n', '/private/keys.yaml': page }) });
    expect(!yaml.ok && yaml.lines[0]).toMatch(/is not a Cashout scenario/);
    expect(JSON.stringify(yaml)).not.toContain('s3cr3t');
  });
});
