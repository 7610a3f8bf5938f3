// "Load a scenario from an address on this site": the start screen's twin of the file field,
// also filled in from an instructor's link (?scenario=…). Problems are listed as
// name:line:column in the page, which stays usable.
import type { Scenario } from '../../../scenario/schema.ts';
import { fetchScenario } from '../../app/url-scenario.ts';
import { h, newId, setChildren } from '../h.ts';
import type { FileProblem } from '../scenario-file.ts';

export interface UrlFieldState {
  /** What is in the address field. */
  url: string;
  /** Load `url` as soon as the field appears (set by a ?scenario= link, cleared once done). */
  autoload: boolean;
  problem: FileProblem | null;
  /** The last success message, kept so a rebuilt start screen still says what was loaded. */
  loaded: string | null;
}

export function urlFieldState(fromQuery: string | null): UrlFieldState {
  return { url: fromQuery ?? '', autoload: fromQuery !== null, problem: null, loaded: null };
}

/** The field; `onLoaded` receives each valid scenario with the address it came from. */
export function scenarioUrlField(state: UrlFieldState, onLoaded: (name: string, scenario: Scenario) => void): HTMLElement {
  const id = newId('scenario-url');
  const status = h('div', { class: 'file-status', 'aria-live': 'polite' });
  const input = h('input', {
    type: 'text',
    id,
    inputmode: 'url',
    value: state.url,
    placeholder: '/scenarios/tutorial.yaml',
    spellcheck: false,
    autocomplete: 'off',
    'aria-describedby': `${id}-hint`,
    on: {
      input: () => {
        state.url = input.value;
      },
      // Enter loads the address; it must not submit the start form around it.
      keydown: (ev) => {
        if (ev.key === 'Enter') {
          ev.preventDefault();
          void load();
        }
      },
    },
  });
  const button = h('button', { type: 'button', class: 'btn', on: { click: () => void load() } }, 'Load');

  const render = () => {
    const p = state.problem;
    if (p) {
      const n = p.lines.length;
      setChildren(
        status,
        h(
          'div',
          { class: 'callout error', role: 'alert' },
          h('p', null, h('strong', null, `${p.file} could not be loaded`), ` — ${n} problem${n === 1 ? '' : 's'}. The scenarios above are still available.`),
          h('ul', { class: 'diagnostics' }, p.lines.map((l) => h('li', null, h('code', null, l)))),
        ),
      );
    } else setChildren(status, state.loaded ? h('p', { class: 'callout ok' }, state.loaded) : null);
  };

  let busy = false;
  const load = async () => {
    if (busy) return;
    busy = true;
    button.disabled = true;
    input.setAttribute('aria-busy', 'true');
    const target = input.value.trim();
    state.problem = null;
    state.loaded = null;
    setChildren(status, h('p', { class: 'muted small' }, `Loading ${target || 'the address'}…`));
    const r = await fetchScenario(input.value, { base: location.href });
    busy = false;
    button.disabled = false;
    input.removeAttribute('aria-busy');
    if (r.ok) {
      const warnings = r.warnings.length ? ` ${r.warnings.length} warning(s): ${r.warnings.join('; ')}` : '';
      state.loaded = `Loaded “${r.scenario.title}” from ${r.name} and selected it.${warnings}`;
      onLoaded(r.name, r.scenario);
    } else state.problem = { file: r.name, lines: r.lines };
    render();
  };

  render();
  if (state.autoload) {
    state.autoload = false;
    void load();
  }
  return h(
    'div',
    { class: 'file-load url-load' },
    h('label', { for: id, class: 'file-label' }, 'Load a scenario from an address on this site'),
    h('div', { class: 'url-row' }, input, button),
    h(
      'p',
      { class: 'hint', id: `${id}-hint` },
      'A path such as /scenarios/tutorial.yaml. To send students straight to a scenario, share this page’s address followed by ?scenario=<path>.',
    ),
    status,
  );
}
