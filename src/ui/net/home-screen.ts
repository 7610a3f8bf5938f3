// The classroom start page: students type the join code (and pick a table and role next);
// the instructor creates a session (scenario, seed, number of tables). A seat or a console
// this browser already holds is offered first, so a reload or a closed lid costs nothing.
import type { CatalogueEntry } from '../app/catalogue.ts';
import { randomSeed } from '../app/seed.ts';
import { h, newId, setChildren } from '../dom/h.ts';
import { heading, type Screen } from '../dom/screen.ts';

export interface HomeActions {
  join(code: string, name: string): Promise<string | null>;
  create(req: { scenario?: string; scenarioYaml?: string; scenarioFile?: string; seed: string; tables: number }): Promise<string | null>;
  resume(): void;
  openConsole(code: string): void;
}

export interface HomeState {
  entries: CatalogueEntry[];
  /** "Class ABC234 · table 2 · Sanctions authority", when this browser holds a seat. */
  resumeLabel: string | null;
  /** Sessions whose facilitator key this browser keeps. */
  consoles: string[];
  problem: string | null;
  prefillCode: string;
}

const field = (label: string, input: HTMLElement, hint?: string) => {
  const id = (input as HTMLInputElement).id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('p', { class: 'hint' }, hint) : null);
};

export function homeScreen(state: HomeState, actions: HomeActions): Screen {
  const head = heading('Play in class', 'Students join a table with the code on the board; the instructor runs the session.');

  // --- join ---
  const codeInput = h('input', { type: 'text', id: newId('code'), value: state.prefillCode, maxlength: 9, autocomplete: 'off', spellcheck: false, class: 'join-code-input', 'aria-describedby': 'join-problem' });
  const nameInput = h('input', { type: 'text', id: newId('name'), maxlength: 40, autocomplete: 'nickname' });
  const joinProblem = h('div', { id: 'join-problem', role: 'alert', class: 'form-error' });
  const joinButton = h('button', { type: 'submit', class: 'btn primary large' }, 'Join');
  const join = h(
    'form',
    {
      class: 'card classroom-join',
      'aria-label': 'Join a class',
      novalidate: true,
      on: {
        submit: (ev) => {
          ev.preventDefault();
          joinButton.disabled = true;
          setChildren(joinProblem, h('p', { class: 'muted' }, 'Looking up the class…'));
          void actions.join(codeInput.value, nameInput.value.trim()).then((problem) => {
            joinButton.disabled = false;
            setChildren(joinProblem, problem ? h('p', null, problem) : null);
            if (problem) codeInput.focus();
          });
        },
      },
    },
    h('h3', null, 'Join a class'),
    field('Join code', codeInput, 'Six letters and digits, as shown by your instructor.'),
    field('Your name (shown to your table and the facilitator)', nameInput),
    joinProblem,
    h('div', { class: 'actions' }, joinButton),
  );

  // --- create (instructor) ---
  const scenarioSelect = h(
    'select',
    { id: newId('scenario') },
    state.entries.map((e) => h('option', { value: e.scenario.id }, `${e.scenario.title} (${e.scenario.calendar.turns} turns, ${e.scenario.roles.length} roles)`)),
    h('option', { value: '__file' }, 'My own scenario file…'),
  );
  const fileInput = h('input', { type: 'file', id: newId('file'), accept: '.yaml,.yml', hidden: true });
  scenarioSelect.addEventListener('change', () => {
    fileInput.hidden = scenarioSelect.value !== '__file';
  });
  const seedInput = h('input', { type: 'text', id: newId('seed'), value: randomSeed(), maxlength: 200, spellcheck: false, autocomplete: 'off' });
  const tablesInput = h('input', { type: 'number', id: newId('tables'), value: '4', min: 1, max: 20, step: 1 });
  const createProblem = h('div', { role: 'alert', class: 'form-error' });
  const createButton = h('button', { type: 'submit', class: 'btn primary' }, 'Create the session');
  const create = h(
    'form',
    {
      class: 'card classroom-create',
      'aria-label': 'Run a class session',
      novalidate: true,
      on: {
        submit: (ev) => {
          ev.preventDefault();
          const tables = Number(tablesInput.value);
          if (!Number.isInteger(tables) || tables < 1 || tables > 20) {
            setChildren(createProblem, h('p', null, 'Choose between 1 and 20 tables.'));
            return;
          }
          const seed = seedInput.value.trim();
          if (!seed) {
            setChildren(createProblem, h('p', null, 'Enter a seed: every table plays with it, so the debrief compares choices, not luck.'));
            return;
          }
          createButton.disabled = true;
          setChildren(createProblem, h('p', { class: 'muted' }, 'Creating the session…'));
          void (async () => {
            let req: Parameters<HomeActions['create']>[0];
            if (scenarioSelect.value === '__file') {
              const file = fileInput.files?.[0];
              if (!file) {
                createButton.disabled = false;
                setChildren(createProblem, h('p', null, 'Choose your scenario file.'));
                return;
              }
              req = { scenarioYaml: await file.text(), scenarioFile: file.name, seed, tables };
            } else req = { scenario: scenarioSelect.value, seed, tables };
            const problem = await actions.create(req);
            createButton.disabled = false;
            setChildren(createProblem, problem ? h('pre', { class: 'diagnostics' }, problem) : null);
          })();
        },
      },
    },
    h('h3', null, 'Run a class session (instructor)'),
    field('Scenario', scenarioSelect),
    fileInput,
    field('Seed (shared by every table)', seedInput),
    field('Tables', tablesInput, 'Each table plays its own game; students at a table share it, one role each.'),
    createProblem,
    h('div', { class: 'actions' }, createButton),
  );

  const resume = state.resumeLabel
    ? h(
        'div',
        { class: 'callout' },
        h('p', null, h('strong', null, 'Your seat: '), state.resumeLabel),
        h('button', { type: 'button', class: 'btn primary', on: { click: () => actions.resume() } }, 'Back to my table'),
      )
    : null;
  const consoles = state.consoles.length
    ? h(
        'div',
        { class: 'callout' },
        h('p', null, 'Sessions you run from this browser:'),
        state.consoles.map((c) => h('button', { type: 'button', class: 'btn', on: { click: () => actions.openConsole(c) } }, `Facilitator console · ${c}`)),
      )
    : null;

  const el = h(
    'section',
    { class: 'screen start classroom-home', 'aria-label': 'Play in class' },
    h('div', { class: 'start-intro' }, h('p', { class: 'eyebrow' }, 'Cashout in class'), head),
    state.problem ? h('div', { class: 'callout warn', role: 'alert' }, h('p', null, state.problem)) : null,
    resume,
    consoles,
    h('div', { class: 'classroom-cards' }, join, create),
    h('p', { class: 'small muted' }, h('a', { href: '?local' }, 'Play on this screen instead (hot-seat, no server)')),
  );
  return { key: 'classroom-home', el, heading: head };
}
