// Loading a scenario file from disk: validated with the same loader as the shipped
// scenarios; every problem is listed as file:line:column and the page stays usable.
import { formatDiagnostic } from '../../scenario/diagnostics.ts';
import { parseScenarioText } from '../../scenario/load.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { h, newId, setChildren } from './h.ts';

const MAX_FILE_BYTES = 2_000_000;

export interface FileProblem {
  file: string;
  lines: string[];
}

export interface FileFieldState {
  fileProblem: FileProblem | null;
}

/** The "Load a scenario file" field; `onLoaded` receives each valid scenario. */
export function scenarioFileField(state: FileFieldState, onLoaded: (file: string, scenario: Scenario) => void): HTMLElement {
  const status = h('div', { class: 'file-status', 'aria-live': 'polite' });
  const id = newId('scenario-file');
  const input = h('input', {
    type: 'file',
    id,
    accept: '.yaml,.yml,.json,application/x-yaml,text/yaml,application/json',
    class: 'file-input',
    on: { change: () => void load() },
  });

  const renderProblem = () => {
    const p = state.fileProblem;
    if (!p) {
      setChildren(status);
      return;
    }
    const n = p.lines.length;
    setChildren(
      status,
      h(
        'div',
        { class: 'callout error', role: 'alert' },
        h(
          'p',
          null,
          h('strong', null, `${p.file} could not be loaded`),
          ` — ${n} problem${n === 1 ? '' : 's'}. Fix ${n === 1 ? 'it' : 'them'} in the file and load it again; the shipped scenarios are still available.`,
        ),
        h('ul', { class: 'diagnostics' }, p.lines.map((l) => h('li', null, h('code', null, l)))),
      ),
    );
  };

  const load = async () => {
    const file = input.files?.[0];
    if (!file) return;
    try {
      if (file.size > MAX_FILE_BYTES) {
        state.fileProblem = {
          file: file.name,
          lines: [`${file.name}: the file is ${Math.round(file.size / 1024)} kB; a scenario is at most ${MAX_FILE_BYTES / 1_000_000} MB.`],
        };
      } else {
        const r = parseScenarioText(await file.text(), file.name);
        if (r.ok) {
          state.fileProblem = null;
          onLoaded(file.name, r.value);
          const warnings = r.warnings.length ? ` ${r.warnings.length} warning(s): ${r.warnings.map(formatDiagnostic).join('; ')}` : '';
          setChildren(status, h('p', { class: 'callout ok' }, `Loaded “${r.value.title}” from ${file.name} and selected it.${warnings}`));
          input.value = '';
          return;
        }
        state.fileProblem = { file: file.name, lines: r.errors.map(formatDiagnostic) };
      }
    } catch (err) {
      state.fileProblem = { file: file.name, lines: [`${file.name}: the file could not be read (${err instanceof Error ? err.message : String(err)}).`] };
    }
    input.value = '';
    renderProblem();
  };

  renderProblem();
  return h('div', { class: 'file-load' }, h('label', { for: id, class: 'file-label' }, 'Load a scenario file (YAML)'), input, status);
}
