// The start screen: choose a scenario (shipped or from a file), a seed and how many
// players share the screen.

import { seedProblem } from '../../engine/seed-rule.ts';
import type { Scenario } from '../../scenario/schema.ts';
import type { CatalogueEntry } from '../app/catalogue.ts';
import { clampPlayers, rolesByPlayer } from '../app/hotseat.ts';
import { randomSeed } from '../app/seed.ts';
import { scenarioUrlField, type UrlFieldState } from './facilitator/scenario-url.ts';
import { h, newId, setChildren } from './h.ts';
import { type FileProblem, scenarioFileField } from './scenario-file.ts';
import { heading, type Screen } from './screen.ts';

export interface StartState {
  entries: CatalogueEntry[];
  broken: { file: string; lines: string[] }[];
  selected: string | null;
  seed: string;
  players: number;
  fileProblem: FileProblem | null;
  /** The "load from an address on this site" field (also filled by a ?scenario= link). */
  scenarioUrl?: UrlFieldState;
  saveProblem: string | null;
}

export interface StartActions {
  start(scenario: Scenario, seed: string, players: number): void;
  discardSave(): void;
}

/** `debriefPanel`: the instructor's "open a replay / class view" tools (src/ui/dom/viewer), beside the form. */
export function startScreen(state: StartState, actions: StartActions, debriefPanel?: HTMLElement | null): Screen {
  const head = heading('Choose a scenario', 'Set up the exercise, then read the briefing together.');

  const saveBox = h('div', { class: 'save-problem-slot' });
  const renderSaveProblem = () => {
    if (!state.saveProblem) {
      setChildren(saveBox);
      return;
    }
    setChildren(
      saveBox,
      h(
        'div',
        { class: 'callout warn', role: 'alert' },
        h('p', null, h('strong', null, 'Your saved game could not be resumed. '), state.saveProblem),
        h(
          'button',
          {
            type: 'button',
            class: 'btn',
            on: {
              click: () => {
                actions.discardSave();
                state.saveProblem = null;
                renderSaveProblem();
                head.querySelector('h2')?.focus();
              },
            },
          },
          'Discard save',
        ),
      ),
    );
  };

  // --- scenarios ---
  const list = h('div', { class: 'scenario-list' });
  const scenarioGroup = h('fieldset', { class: 'scenario-picker' }, h('legend', null, 'Scenario'), list);

  const renderList = () => {
    setChildren(
      list,
      state.entries.length === 0 ? h('p', { class: 'muted' }, 'No playable scenario is bundled with this build. Load a scenario file below.') : null,
      state.entries.map((e) => {
        const id = newId('scenario');
        const s = e.scenario;
        const input = h('input', {
          type: 'radio',
          name: 'scenario',
          id,
          value: e.file,
          checked: state.selected === e.file,
          on: {
            change: () => {
              state.selected = e.file;
              state.players = clampPlayers(state.players, s.roles.length);
              renderPlayers();
            },
          },
        });
        return h(
          'label',
          { class: 'scenario-card', for: id },
          input,
          h(
            'span',
            { class: 'scenario-card-body' },
            h('span', { class: 'scenario-title' }, s.title, e.origin === 'file' ? h('span', { class: 'badge' }, `loaded from ${e.file}`) : null),
            h('span', { class: 'scenario-summary' }, s.summary),
            h(
              'span',
              { class: 'scenario-meta' },
              `${s.calendar.turns} turn${s.calendar.turns === 1 ? '' : 's'} · from ${s.calendar.start} · ${s.roles.length} role${s.roles.length === 1 ? '' : 's'}: ${s.roles.map((r) => r.name).join(', ')}`,
            ),
          ),
        );
      }),
      state.broken.map((b) =>
        h(
          'details',
          { class: 'callout warn small' },
          h('summary', null, `${b.file} is bundled but has ${b.lines.length} problem${b.lines.length === 1 ? '' : 's'} and cannot be played`),
          h('ul', { class: 'diagnostics' }, b.lines.map((l) => h('li', null, h('code', null, l)))),
        ),
      ),
    );
  };


  // --- seed ---
  const seedId = newId('seed');
  const copyStatus = h('span', { class: 'copy-status muted small', role: 'status' });
  const seedInput = h('input', {
    type: 'text',
    id: seedId,
    value: state.seed,
    maxlength: 200,
    spellcheck: false,
    autocomplete: 'off',
    'aria-describedby': `${seedId}-hint`,
    on: {
      input: () => {
        state.seed = seedInput.value;
        copyStatus.textContent = '';
      },
    },
  });
  const copy = async () => {
    const text = seedInput.value.trim();
    try {
      await navigator.clipboard.writeText(text);
      copyStatus.textContent = `Seed “${text}” copied.`;
    } catch {
      seedInput.select();
      copyStatus.textContent = 'Select the seed and press Ctrl+C (Cmd+C) to copy it.';
    }
  };

  // --- players ---
  const playersBox = h('div', { class: 'players-options' });
  const playersGroup = h(
    'fieldset',
    { class: 'players' },
    h('legend', null, 'Players sharing this screen'),
    playersBox,
  );
  const renderPlayers = () => {
    const entry = state.entries.find((e) => e.file === state.selected);
    if (!entry) {
      setChildren(playersBox, h('p', { class: 'muted' }, 'Choose a scenario first.'));
      return;
    }
    const roles = entry.scenario.roles;
    const options = [];
    for (let n = 1; n <= roles.length; n++) {
      const id = newId('players');
      const split = rolesByPlayer(roles, n)
        .map((rs, i) => `Player ${i + 1}: ${rs.map((r) => r.name).join(' + ')}`)
        .join(' · ');
      options.push(
        h(
          'label',
          { class: 'option-row', for: id },
          h('input', {
            type: 'radio',
            name: 'players',
            id,
            value: String(n),
            checked: state.players === n,
            on: {
              change: () => {
                state.players = n;
              },
            },
          }),
          h(
            'span',
            null,
            h('span', { class: 'option-title' }, n === 1 ? '1 player' : `${n} players (hot-seat)`),
            h('span', { class: 'option-note' }, n === 1 ? 'One player plans every role in turn.' : `${split}. The screen is handed over between roles.`),
          ),
        ),
      );
    }
    setChildren(playersBox, options);
  };

  const addLoaded = (file: string, scenario: Scenario) => {
    const entry: CatalogueEntry = { file, origin: 'file', scenario };
    state.entries = [...state.entries.filter((e) => !(e.origin === 'file' && e.file === file)), entry];
    state.selected = file;
    state.players = clampPlayers(state.players, scenario.roles.length);
    renderList();
    renderPlayers();
  };
  const fileField = scenarioFileField(state, addLoaded);
  const urlField = state.scenarioUrl ? scenarioUrlField(state.scenarioUrl, addLoaded) : null;

  const formError = h('div', { class: 'form-error', role: 'alert' });
  const submit = (ev: Event) => {
    ev.preventDefault();
    const entry = state.entries.find((e) => e.file === state.selected);
    const seed = seedInput.value.trim();
    if (!entry) {
      setChildren(formError, h('p', null, 'Choose a scenario first.'));
      return;
    }
    if (!seed) {
      setChildren(formError, h('p', null, 'Enter a seed, or press “New random seed”.'));
      seedInput.focus();
      return;
    }
    // The same rule as the command line and replay files, so every seed here can be replayed.
    const problem = seedProblem(seed);
    if (problem) {
      setChildren(formError, h('p', null, `The seed ${problem}.`));
      seedInput.focus();
      return;
    }
    setChildren(formError);
    actions.start(entry.scenario, seed, clampPlayers(state.players, entry.scenario.roles.length));
  };

  const el = h(
    'section',
    { class: 'screen start', 'aria-label': 'New game' },
    h(
      'div',
      { class: 'start-intro' },
      h('p', { class: 'eyebrow' }, 'Cyber-sanctions tabletop simulation'),
      h('h1', { class: 'start-title' }, 'Break the pipeline from stolen crypto to missiles'),
      h(
        'p',
        { class: 'lead' },
        'Each turn your team sets cyber sanctions and defensive postures. A seeded adversary model steals, launders and cashes out crypto, and spends the proceeds on missiles at documented unit costs. Every figure carries its source; every run can be replayed exactly.',
      ),
      // Classroom play over the network (src/ui/net): a join code, or a session to run.
      h('p', { class: 'classroom-link' }, h('a', { href: '?classroom' }, 'Play in class: join with a code, or run a class session')),
    ),
    saveBox,
    h(
      'form',
      { class: 'start-form', on: { submit }, novalidate: true },
      h('div', { class: 'start-col' }, head, scenarioGroup, fileField, urlField),
      h(
        'div',
        { class: 'start-col side' },
        h(
          'div',
          { class: 'field' },
          h('label', { for: seedId }, 'Seed'),
          h(
            'div',
            { class: 'seed-row' },
            seedInput,
            h('button', { type: 'button', class: 'btn', on: { click: () => void copy() } }, 'Copy'),
            h(
              'button',
              {
                type: 'button',
                class: 'btn',
                on: {
                  click: () => {
                    state.seed = randomSeed();
                    seedInput.value = state.seed;
                    copyStatus.textContent = '';
                  },
                },
              },
              'New random seed',
            ),
          ),
          h('p', { class: 'hint', id: `${seedId}-hint` }, 'The same seed and the same decisions always give the same game: share it to compare strategies against the same luck.'),
          copyStatus,
        ),
        playersGroup,
        formError,
        h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'btn primary large' }, 'Start: read the briefing')),
      ),
      debriefPanel ?? null,
    ),
  );
  renderSaveProblem();
  renderList();
  renderPlayers();
  return { key: 'start', el, heading: head };
}
