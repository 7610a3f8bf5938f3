// Messages between the page and the what-if worker. Plain data (structured clone).

import type { PreviewOutcome, ScheduleRun } from '../../engine/preview.ts';
import type { GameState } from '../../engine/state.ts';
import type { Scenario } from '../../scenario/schema.ts';

/** The scenario is sent once per worker and then named by its key. */
export type ScenarioRef = { key: number; scenario?: Scenario };

export type WhatIfRequest =
  | {
      type: 'preview';
      id: number;
      scenario: ScenarioRef;
      state: GameState;
      /** Levels in force every remaining turn under the draft plan, and under the plan kept. */
      plan: Record<string, number>;
      keep: Record<string, number>;
      seeds: string[];
    }
  | { type: 'fan'; id: number; scenario: ScenarioRef; schedules: Record<string, number>[][]; seeds: string[] }
  | { type: 'cancel'; id: number };

export type WhatIfResponse =
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'preview'; id: number; plan: PreviewOutcome[]; keep: PreviewOutcome[] }
  | { type: 'fan'; id: number; runs: ScheduleRun[][] }
  | { type: 'error'; id: number; message: string };
