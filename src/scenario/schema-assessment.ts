// The assessment material a scenario carries for the instructor, modelled on CISA's
// tabletop exercise packages (objectives, a facilitator guide with per-module discussion
// questions, a hot wash and an after-action report of strengths and areas for improvement)
// and the Cyber 9/12 Strategy Challenge rubric (judged per role on analysis, policy
// options and trade-offs). The engine ignores it; the facilitator panel, the briefing,
// the debrief and `cashout report` show it.
import { z } from 'zod';
import { finite, Id, int, MAX_MONEY, Metric, Month, OUTCOMES, text } from './schema-parts.ts';

/**
 * One piece of evidence about a learning objective, judged on a finished run: when it holds
 * the run shows `strength`, otherwise `improvement`. It tests one thing: a measured
 * objective, a game total, a lever's level by some turn, or an event's outcome.
 */
export type Indicator = (
  | { objective: string; metric?: undefined; lever?: undefined; event?: undefined }
  | { metric: z.infer<typeof Metric>; op: '>=' | '<='; value: number; objective?: undefined; lever?: undefined; event?: undefined }
  | { lever: string; op: '>=' | '<='; level: number; byTurn?: number | undefined; objective?: undefined; metric?: undefined; event?: undefined }
  | { event: string; outcome: (typeof OUTCOMES)[number]; objective?: undefined; metric?: undefined; lever?: undefined }
) & { strength: string; improvement: string; source?: string | undefined };

const KINDS = { objective: [], metric: ['op', 'value'], lever: ['op', 'level'], event: ['outcome'] } as const;
type Kind = keyof typeof KINDS;
const EXTRA = ['op', 'value', 'level', 'outcome', 'byTurn'] as const;

export const IndicatorSchema = z
  .object({
    objective: Id.optional().describe('A measured objective (id in `objectives`): holds when it is met at the end.'),
    metric: Metric.optional().describe('A game total at the end, compared with `value` using `op`.'),
    op: z.enum(['>=', '<=']).optional(),
    value: finite(0, MAX_MONEY).optional(),
    lever: Id.optional().describe('A lever: holds when its level in force reached `op level` in some turn (by `byTurn` if given).'),
    level: int(0, 5).optional(),
    byTurn: int(1, 1000).optional().describe('With `lever`: the last turn by which the level must have been reached.'),
    event: Id.optional().describe('An event: holds when it happened with this `outcome`.'),
    outcome: z.enum(OUTCOMES).optional(),
    strength: text(600).describe('What the run shows when the indicator holds (a strength in the after-action report).'),
    improvement: text(600).describe('What the run shows when it does not (an area for improvement).'),
    source: Id.optional().describe('Key of the entry in `sources` behind the indicator, if any.'),
  })
  .strict()
  .transform((x, ctx): Indicator => {
    const kinds = (Object.keys(KINDS) as Kind[]).filter((k) => x[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.issues.push({
        code: 'custom',
        input: x,
        path: kinds.length ? [kinds[1]!] : [],
        message:
          kinds.length === 0
            ? 'an indicator tests one thing: `objective`, a total (`metric`, `op`, `value`), a lever (`lever`, `op`, `level`, optional `byTurn`) or an event (`event`, `outcome`)'
            : `an indicator tests one thing, but this one names both \`${kinds[0]}\` and \`${kinds[1]}\`; make two indicators`,
      });
      return z.NEVER;
    }
    const kind = kinds[0]!;
    const needs: readonly string[] = KINDS[kind];
    for (const f of needs)
      if (x[f as (typeof EXTRA)[number]] === undefined)
        ctx.issues.push({ code: 'custom', input: x, path: [f], message: `an indicator on \`${kind}\` needs \`${f}\` too` });
    for (const f of EXTRA)
      if (x[f] !== undefined && !needs.includes(f) && !(f === 'byTurn' && kind === 'lever'))
        ctx.issues.push({ code: 'custom', input: x, path: [f], message: `\`${f}\` does not go with an indicator on \`${kind}\`; remove it` });
    return x as Indicator;
  });

export const LearningObjective = z
  .object({
    id: Id,
    text: text(400).describe('What students should be able to do after the exercise, e.g. "Explain why …".'),
    evidence: z
      .array(IndicatorSchema)
      .min(1)
      .max(12)
      .describe('How a run shows it: each indicator gives a strength or an area for improvement, with the run\u2019s own figures as evidence.'),
    source: Id.optional(),
  })
  .strict();

export const TurnGuide = z
  .object({
    turn: int(1, 1000).optional().describe('The turn these notes are for (or give `month`).'),
    month: Month.optional().describe('The calendar month (YYYY-MM) these notes are for, instead of `turn`.'),
    notes: text(3000).optional().describe('For the facilitator: what is about to happen, what to watch for, what to say.'),
    questions: z.array(text(400)).max(10).default([]).describe('Discussion questions to put to the players in this turn.'),
    source: Id.optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.turn === undefined && g.month === undefined)
      ctx.addIssue({ code: 'custom', path: ['turn'], message: 'say which turn the notes are for: `turn: 3` or `month: 2024-05`' });
    if (g.notes === undefined && g.questions.length === 0)
      ctx.addIssue({ code: 'custom', path: ['notes'], message: 'give `notes`, `questions` or both' });
  });

export const RoleGuide = z
  .object({
    role: Id.describe('The role (id in `roles`) this briefing is for.'),
    briefing: text(3000).describe('What this role knows and is responsible for, read by its player before turn 1.'),
    objectives: z.array(text(400)).min(1).max(8).describe('What this role is judged on, in words (its own goals and trade-offs).'),
  })
  .strict();

export const Assessment = z
  .object({
    learningObjectives: z
      .array(LearningObjective)
      .min(1)
      .max(12)
      .describe('What the exercise should teach; the after-action report judges each with its evidence.'),
    roles: z.array(RoleGuide).max(6).default([]).describe('A briefing and objectives per role, shown to that role\u2019s player.'),
    turns: z
      .array(TurnGuide)
      .max(240)
      .default([])
      .describe('Facilitator notes and discussion questions per turn, shown in the facilitator panel.'),
    debrief: z.array(text(400)).min(1).max(20).describe('Questions for the debrief (hot wash) after the game.'),
  })
  .strict()
  .describe(
    'Assessment material for the instructor (modelled on CISA tabletop exercise packages and the Cyber 9/12 rubric): learning objectives with evidence, role briefings, facilitator notes per turn and debrief questions.',
  );

export type AssessmentDef = z.infer<typeof Assessment>;
