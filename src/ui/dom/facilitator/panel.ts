// The facilitator panel, shown under the header when the "Facilitator" switch is on: pause
// and resume, inject one of the scenario's events, extend or end the game, reveal the seed.
// Every control sends an ordinary engine event, so each accepted action is in the log, the
// autosave and the replay; a refusal is shown in the engine's own words.
import type { Action } from '../../../engine/events-types.ts';
import { type SendResult, sendProblem } from '../../../engine/run.ts';
import type { GameSession } from '../../../engine/session.ts';
import { h, setChildren } from '../h.ts';
import { type Control, type ControlContext, endControl, extendControl, injectControl, pauseControl, seedControl } from './controls.ts';
import { notesBlock } from './notes.ts';
import { holdControls, pauseBanner } from './pause.ts';

export interface FacilitatorActions {
  /** Send through the app, so accepted events are autosaved and the page re-renders. */
  /** Send a facilitator action (stamped with the facilitator's seat and the current turn). */
  send(action: Action): SendResult;
  /** Say it to screen-reader users (the app's polite live region). */
  announce(text: string): void;
}

export const PANEL_ID = 'facilitator-panel';

export class FacilitatorPanel {
  readonly el: HTMLElement = h('section', { class: 'facilitator', id: PANEL_ID, 'aria-label': 'Facilitator controls', hidden: true });
  /** Shown to everyone while the game is paused, whether or not the panel is open. */
  readonly banner: HTMLElement = pauseBanner();
  private session: GameSession | null = null;
  private controls: Control[] = [];
  private refresh: () => void = () => {};
  private wasOpen = false;

  constructor(private readonly actions: FacilitatorActions) {}

  /** Call after every render: shows or hides the panel and the banner, holds the screen's controls. */
  update(session: GameSession | null, open: boolean, screen: HTMLElement | null | undefined): void {
    const paused = session !== null && (session.phase === 'planning' || session.phase === 'report') && session.game.paused;
    this.banner.hidden = !paused;
    holdControls(screen, paused);
    this.el.hidden = !open || session === null;
    if (session !== this.session) {
      this.session = session;
      this.controls = [];
      if (session) this.build(session);
      else setChildren(this.el);
    }
    if (this.wasOpen && !open) for (const c of this.controls) c.close?.();
    this.wasOpen = open;
    if (session && open) this.refresh();
  }

  private build(session: GameSession): void {
    const feedback = h('div', { class: 'fac-feedback' });
    const ctx: ControlContext = {
      session,
      send: (action) => {
        const r = this.actions.send(action);
        if (!r.ok) setChildren(feedback, h('p', { class: 'fac-refusal', role: 'alert' }, h('strong', null, 'Not possible: '), sendProblem(r)));
        return r.ok;
      },
      say: (text) => {
        setChildren(feedback, h('p', { class: 'fac-ok' }, text));
        this.actions.announce(text);
      },
      fail: (text) => setChildren(feedback, h('p', { class: 'fac-refusal', role: 'alert' }, h('strong', null, 'Not possible: '), text)),
    };
    this.controls = [pauseControl(ctx), injectControl(ctx), extendControl(ctx), endControl(ctx), seedControl(ctx)];
    const row = h('div', { class: 'fac-row' }, this.controls.map((c) => c.el));
    const note = h('p', { class: 'fac-note' });
    const notes = notesBlock(session);
    setChildren(
      this.el,
      h('div', { class: 'fac-head' }, h('span', { class: 'fac-title' }, 'Facilitator'), note),
      notes.el,
      row,
      h('div', { class: 'fac-foot' }, this.controls.flatMap((c) => c.foot ?? []), feedback),
    );

    let moment = '';
    this.refresh = () => {
      const g = session.game;
      const phase = session.phase;
      // A message belongs to the moment it was given: a new turn or phase clears it.
      if (moment !== `${phase}:${g.turn}`) {
        if (moment) setChildren(feedback);
        moment = `${phase}:${g.turn}`;
      }
      const live = phase === 'planning' || phase === 'report';
      row.hidden = !live;
      if (phase === 'debrief') note.textContent = 'The game is over: the seed and the replay are on the debrief.';
      else if (!live) note.textContent = 'The controls appear when turn 1 starts.';
      else note.textContent = `Turn ${g.turn} of ${g.turnsTotal} · ${phase}${g.paused ? ' · paused' : ''}`;
      for (const c of this.controls) c.refresh();
      notes.refresh();
    };
  }
}
