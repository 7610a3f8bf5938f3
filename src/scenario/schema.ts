// The scenario file format. One zod schema is the single source of truth: it validates
// files, gives the engine its types (z.infer) and is exported as JSON Schema for editors
// (`npx cashout schema`). Descriptions here are shown in editors and in
// docs/scenario-format.md, so write them for instructors.
import { z } from 'zod';
import { Assessment } from './schema-assessment.ts';
import {
  ConditionalEvent,
  type EventEffect,
  Figure,
  finite,
  fraction,
  Guide,
  Id,
  int,
  Lever,
  type LeverEffect,
  MAX_MONEY,
  Metric,
  Money,
  Objective,
  Policy,
  RandomEvent,
  ScriptedEvent,
  Source,
  text,
} from './schema-parts.ts';
import { monthOfTurn, turnOfMonth } from './turn-months.ts';

export {
  ConditionalEvent,
  Confidence,
  Figure,
  Id,
  Lever,
  LeverEffect,
  Metric,
  Objective,
  Policy,
  RandomEvent,
  ScriptedEvent,
  Source,
} from './schema-parts.ts';

const ScenarioObject = z
  .object({
    $schema: z.string().optional().describe('Path or URL of scenario.schema.json, for editors.'),
    extends: z
      .string()
      .min(1)
      .max(300)
      .optional()
      .describe(
        'Path of a base scenario (relative to this file) to take everything from; this file then overrides parts of it. Items with an id merge by id; `remove: true` drops one.',
      ),
    format: z.literal('cashout-scenario/1').describe('File format and version. Always "cashout-scenario/1".'),
    id: Id.describe('Identifier of the scenario, used in replay files.'),
    title: text(120).describe('Title shown to players and in reports.'),
    summary: text(600).describe('One or two sentences shown when choosing a scenario.'),
    briefing: z
      .object({
        situation: text(6000).describe('The situation, read by all players before turn 1.'),
        objectives: text(3000).optional().describe('The goals in words (the measured ones are in `objectives`).'),
        guidance: text(3000).optional().describe('Extra guidance, shown (folded) in every phase where `guide` has nothing for that moment.'),
        guide: Guide.optional(),
      })
      .strict()
      .describe('What players read before the first turn.'),
    calendar: z
      .object({
        start: z
          .string()
          .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM, e.g. 2022-01')
          .describe('Year and month of turn 1 (YYYY-MM); each turn is one month.'),
        turns: int(1, 240).describe('Number of turns (months) the game lasts.'),
        launchCalendar: z
          .array(
            z
              .object({
                name: text(120).describe('e.g. "Spring drills".'),
                month: int(1, 12).describe('Calendar month it recurs in (1-12).'),
                multiplier: finite(0, 10).describe('Multiplies the launch chance in that month.'),
                source: Id.optional(),
              })
              .strict(),
          )
          .max(24)
          .default([])
          .describe('Recurring months (drills, anniversaries) in which launches are more likely.'),
      })
      .strict()
      .describe('When the game starts and how long it lasts.'),
    currency: z
      .object({
        display: z.enum(['USD', 'JPY']).default('JPY').describe('Currency in which money is shown to players.'),
        usdJpy: Figure.describe('Yen per US dollar used to convert between the two.'),
      })
      .strict(),
    sources: z
      .record(Id, Source)
      .default({})
      .describe('Publications that figures cite, by key; a figure\u2019s `source` names a key of this block.'),
    roles: z
      .array(
        z
          .object({
            id: Id.refine((id) => id !== 'facilitator', 'is the facilitator\u2019s seat: give the role another id, e.g. "coordinator"'),
            name: text(80).describe('Shown to players, e.g. "Sanctions authority".'),
            description: text(1000).describe('What the role is responsible for.'),
            budgetPerTurn: int(0, 100000).describe('Budget points the role can spend each turn on its levers.'),
          })
          .strict(),
      )
      .min(1)
      .max(6)
      .describe('Player roles; each sets its own levers within its budget.'),
    sectors: z
      .array(
        z
          .object({
            id: Id,
            name: text(80),
            description: text(1000),
            location: z
              .object({ lon: finite(-180, 180), lat: finite(-90, 90), label: text(80).describe('Place name shown on the map.') })
              .strict()
              .describe('Where the sector\u2019s typical victims are, for the map.'),
            attractiveness: finite(0, 100).describe('Adversary\u2019s initial interest in the sector (relative weight).'),
            baseSuccess: fraction.describe('Chance that one team\u2019s operation in a turn succeeds with no defence.'),
            heist: z
              .object({
                median: Money.describe('Median size of a successful heist.'),
                tailIndex: finite(1.05, 5).describe('Pareto tail index: lower means more giant heists (1.2 is very heavy).'),
                max: Money.describe('Largest plausible heist in the sector.'),
              })
              .strict()
              .describe('Size of successful heists: heavy-tailed, most near the median, a few up to max.'),
            yields: z
              .enum(['cash', 'technology'])
              .default('cash')
              .describe(
                'What a successful operation takes: cash (enters laundering) or technology (espionage: raises missile capability, no money).',
              ),
            techPerSuccess: finite(0, 1)
              .default(0.02)
              .describe('For technology sectors: technology points gained per successful operation.'),
          })
          .strict(),
      )
      .min(1)
      .max(12)
      .describe('Target sectors the adversary attacks.'),
    laundering: z
      .object({
        switchingCost: fraction
          .default(0.1)
          .describe('Extra share lost by funds that deterrence pushes off their preferred channel (premiums, discounts).'),
        stages: z
          .array(
            z
              .object({
                id: Id,
                name: text(80),
                channels: z
                  .array(
                    z
                      .object({
                        id: Id,
                        name: text(80),
                        description: text(1000),
                        share: finite(0, 100).describe('Launderers\u2019 preference weight for this channel in its stage.'),
                        delayTurns: int(0, 12).describe('Turns funds stay in the channel before moving on.'),
                        haircut: finite(0, 0.9).describe('Share lost to fees and discounts.'),
                        baseFreeze: fraction.describe('Share frozen with no extra sanctions.'),
                        location: z
                          .object({ lon: finite(-180, 180), lat: finite(-90, 90) })
                          .strict()
                          .optional()
                          .describe('Where to draw the channel on the map.'),
                        source: Id.optional(),
                      })
                      .strict(),
                  )
                  .min(1)
                  .max(8)
                  .describe('Ways through the stage; funds split between them by share.'),
              })
              .strict(),
          )
          .min(1)
          .max(6)
          .describe('Stages in the order funds pass them.'),
      })
      .strict()
      .describe('How stolen funds are turned into cash the regime can spend.'),
    levers: z.array(Lever).min(1).max(40).describe('The measures players can take.'),
    adversary: z
      .object({
        name: text(80).default('Lazarus cluster').describe('Name of the adversary in reports.'),
        teams: int(1, 50).describe('Operations the adversary runs per turn.'),
        capability: finite(0.1, 5).default(1).describe('Initial capability; multiplies success chances.'),
        capabilityGrowth: finite(-0.5, 0.5).default(0).describe('Change in capability per turn with no pressure.'),
        learningRate: fraction
          .default(0.3)
          .describe('How fast the adversary shifts effort toward sectors that paid off (0 = never).'),
        missileShare: Figure.describe('Share of cash reaching the regime that is spent on missiles (0-1).'),
        otherMissileFunding: Money.describe('Missile funding per turn from sources other than crypto theft.'),
        techCostReduction: fraction
          .default(0.5)
          .describe('Share of missile unit cost saved per technology point from espionage (cost falls to at most 30 % of list).'),
        techLaunchBoost: finite(0, 5)
          .default(0.5)
          .describe('Launch chance multiplier gained per technology point (more reliable, more confident testing).'),
      })
      .strict()
      .describe('The group that steals, launders and buys missiles.'),
    missiles: z
      .array(
        z
          .object({
            id: Id,
            name: text(80),
            cost: Money.describe('Cost of one missile.'),
            launchChance: fraction.describe('Chance per turn that a missile in stock is launched.'),
            preference: finite(0, 100).describe('Procurement weight relative to the other missile types.'),
            initialStock: int(0, 1000).default(0).describe('Missiles in stock before turn 1.'),
          })
          .strict(),
      )
      .min(1)
      .max(6)
      .describe('Missile types the regime buys with the proceeds.'),
    events: z
      .object({
        scripted: z.array(ScriptedEvent).max(200).default([]).describe('Events that happen on a fixed turn.'),
        random: z.array(RandomEvent).max(100).default([]).describe('Events that may happen in any turn, with a probability.'),
        conditional: z
          .array(ConditionalEvent)
          .max(100)
          .default([])
          .describe('Events that happen when the game totals cross a threshold, e.g. "if cash out passes $500 M by turn 6: a nuclear test".'),
      })
      .strict()
      .default({ scripted: [], random: [], conditional: [] })
      .describe('Injects shown in the turn report, with effects on the game.'),
    objectives: z.array(Objective).min(1).max(12).describe('Measurable goals, checked against the game totals at the end.'),
    policies: z
      .record(Id, Policy)
      .describe('Named policies for `sim --policy NAME` and counterfactuals. Must include "none".'),
    calibration: z
      .array(
        z
          .object({
            metric: Metric,
            documented: Figure.describe('The real-world figure, with its source.'),
            band: z.tuple([finite(0, MAX_MONEY), finite(0, MAX_MONEY)]).describe('[low, high] accepted for the historical-policy median.'),
          })
          .strict(),
      )
      .max(12)
      .optional()
      .describe('Real-world totals the model should reproduce under the "historical" policy.'),
    assessment: Assessment.optional(),
  })
  .strict();

type Parsed = z.output<typeof ScenarioObject>;
type ScriptedParsed = Parsed['events']['scripted'][number];
/** A scenario as the engine sees it: every scripted event has its turn (months resolved). */
export type Scenario = Omit<Parsed, 'events'> & {
  events: Omit<Parsed['events'], 'scripted'> & { scripted: (ScriptedParsed & { turn: number })[] };
};

/**
 * The scenario format. Scripted events written with `month: YYYY-MM` get their turn here,
 * once the calendar is known; a month outside the game is an error at that month. The
 * month stays in the data, so a scenario copied into a replay parses again to the same.
 */
export const ScenarioSchema = ScenarioObject.transform((s, ctx): Scenario => {
  const { start, turns } = s.calendar;
  const range = `${start} to ${monthOfTurn(start, turns)} (turns 1–${turns})`;
  const scripted = s.events.scripted.map((e, i) => {
    if (e.month === undefined) return e as ScriptedParsed & { turn: number };
    const turn = turnOfMonth(start, e.month);
    const at = ['events', 'scripted', i, 'month'];
    if (turn < 1 || turn > turns)
      ctx.issues.push({
        code: 'custom',
        input: e.month,
        path: at,
        message: `${e.month} is outside the game, which runs from ${range}; use a month in that range or change the calendar`,
      });
    else if (e.turn !== undefined && e.turn !== turn)
      ctx.issues.push({
        code: 'custom',
        input: e.month,
        path: at,
        message: `turn ${e.turn} is ${monthOfTurn(start, e.turn)}, not ${e.month}; give only one of \`turn\` and \`month\``,
      });
    return withTurn(e, turn);
  });
  const guides = s.assessment?.turns.map((g, i) => {
    if (g.month === undefined) return g;
    const turn = turnOfMonth(start, g.month);
    if (turn < 1 || turn > turns)
      ctx.issues.push({
        code: 'custom',
        input: g.month,
        path: ['assessment', 'turns', i, 'month'],
        message: `${g.month} is outside the game, which runs from ${range}; use a month in that range`,
      });
    return withTurn(g, turn);
  });
  const assessment = s.assessment && guides ? { assessment: { ...s.assessment, turns: guides } } : {};
  return { ...s, ...assessment, events: { ...s.events, scripted } };
});

export type ScenarioObjectInput = z.input<typeof ScenarioObject>;

/**
 * The item with its resolved turn, the key placed just before `month`, where the schema
 * declares it: parsing a parsed scenario again (a replay's inline copy, a server's saved
 * session) then gives the same JSON text, key order included, not only the same data.
 */
function withTurn<T extends { month?: string | undefined }>(item: T, turn: number): T & { turn: number } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (k === 'turn') continue;
    if (k === 'month') out.turn = turn;
    out[k] = v;
  }
  return out as T & { turn: number };
}
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type LeverDef = Scenario['levers'][number];
export type LeverEffectDef = z.infer<typeof LeverEffect>;
export type EventEffectDef = z.infer<typeof EventEffect>;
export type SectorDef = Scenario['sectors'][number];
export type ChannelDef = Scenario['laundering']['stages'][number]['channels'][number];
export type MissileDef = Scenario['missiles'][number];
export type ObjectiveDef = z.infer<typeof Objective>;
export type PolicyDef = z.infer<typeof Policy>;
export type FigureDef = z.infer<typeof Figure>;
export type SourceDef = z.infer<typeof Source>;
export type MetricName = z.infer<typeof Metric>;
