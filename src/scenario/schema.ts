// The scenario file format. One zod schema is the single source of truth: it validates
// files, gives the engine its types (z.infer) and is exported as JSON Schema for editors
// (`npx cashout schema`). Descriptions here are shown in editors and in
// docs/scenario-format.md, so write them for instructors.
import { z } from 'zod';
import { Assessment } from './schema-assessment.ts';
import {
  Amount,
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
  Share,
  Source,
  text,
} from './schema-parts.ts';
import { Calendar, Laundering } from './schema-world.ts';
import { monthOfTurn, turnOfMonth } from './turn-months.ts';

export {
  Amount,
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
  Share,
  Source,
} from './schema-parts.ts';

export const SCENARIO_FORMAT = 'cashout-scenario/2';
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
    format: z
      .literal(SCENARIO_FORMAT, {
        error: `must be "${SCENARIO_FORMAT}" (version 1 files predate sustained defences, income streams and production capacity: see docs/scenario-format.md to update one)`,
      })
      .describe(`File format and version. Always "${SCENARIO_FORMAT}".`),
    id: Id.describe('Identifier of the scenario, used in replay files.'),
    title: text(120).describe('Title shown to players and in reports.'),
    summary: text(600).describe('One or two sentences shown when choosing a scenario.'),
    briefing: z
      .object({
        situation: text(6000).describe(
          'The situation, read by all players before turn 1. Say only what was known at the start: the game reveals later events as they happen.',
        ),
        objectives: text(3000).optional().describe('The goals in words (the measured ones are in `objectives`).'),
        guidance: text(3000).optional().describe('Extra guidance, shown (folded) in every phase where `guide` has nothing for that moment.'),
        guide: Guide.optional(),
      })
      .strict()
      .describe('What players read before the first turn.'),
    uncertainty: z
      .object({
        parameters: z
          .enum(['drawn', 'point'])
          .default('drawn')
          .describe(
            'drawn: every figure with a range is drawn from it once per run (seeded: the same seed gives the same draws under any policy); point: every figure takes its `value` (for teaching one story).',
          ),
      })
      .strict()
      .default({ parameters: 'drawn' })
      .describe('Whether runs draw ranged figures from their ranges or play with the point values.'),
    calendar: Calendar,
    currency: z
      .object({
        display: z.enum(['USD', 'JPY']).default('JPY').describe('Currency in which money is shown to players.'),
        usdJpy: Figure.describe(
          'Yen per US dollar: converts yen figures into the engine\u2019s US dollars and dollars into yen for display.',
        ),
      })
      .strict()
      .describe('The engine counts whole US dollars; yen figures are converted at this one rate.'),
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
    methods: z
      .array(
        z
          .object({
            id: Id,
            name: text(80).describe('e.g. "Fake job offers and spear-phishing".'),
            description: text(1000),
            source: Id.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(8)
      .describe('Attack methods. Each sector lists the methods that work against it; postures close doors method by method.'),
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
            attractiveness: finite(0, 100).describe(
              'How much the adversary values a success in the sector (relative weight); with the success chances it decides where teams go.',
            ),
            exposure: z
              .record(Id, fraction)
              .describe(
                'Per attack method id: chance that one team\u2019s operation by that method succeeds in a month, with no defence and capability 1.',
              ),
            stablecoinShare: fraction
              .default(0)
              .describe('Share of the loot typically taken in freezable stablecoins (the rest in ETH, BTC and other tokens).'),
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
                'What a successful operation takes: cash (enters laundering) or technology (espionage: cheaper missiles and more tests, no money).',
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
    dynamics: z
      .object({
        build: fraction
          .default(0.15)
          .describe(
            'Share of the gap between a defence (or pressure) stock and its funded target closed each month, in two stages: a posture set now bites from next month at about build² of its strength (with 0.15: half strength after about ten months).',
          ),
        decay: fraction.default(0.15).describe('Same, when funding is cut: how fast built-up defences and pressure erode.'),
      })
      .strict()
      .default({ build: 0.15, decay: 0.15 })
      .describe('How fast postures and pressure build up and erode (game-design values).'),
    laundering: Laundering,
    levers: z.array(Lever).min(1).max(40).describe('The measures players can take.'),
    adversary: z
      .object({
        name: text(80).default('Lazarus cluster').describe('Name of the adversary in reports.'),
        teams: int(1, 50).describe('Operations the adversary runs per turn.'),
        capability: finite(0.1, 5).default(1).describe('Initial capability; multiplies success chances.'),
        capabilityGrowth: finite(0, 0.5).default(0).describe('Capability gained per turn (new tools, more staff).'),
        learningRate: fraction
          .default(0.3)
          .describe('How fast the adversary shifts teams toward the sector and method pairs that pay (0 = never).'),
        focus: int(1, 4)
          .default(2)
          .describe('How sharply it concentrates on the best-paying pairs: teams follow value^focus (1 = proportional).'),
        displacement: z
          .object({
            share: fraction.default(0.5).describe('Share of a blocked documented heist\u2019s value the adversary goes after elsewhere.'),
            turns: int(1, 24).default(6).describe('Months it keeps trying before giving up.'),
            teams: int(1, 20).default(3).describe('Teams on that renewed campaign each month.'),
          })
          .strict()
          .default({ share: 0.5, turns: 6, teams: 3 })
          .describe('What a blocked documented heist does: the team behind it turns to the next best target.'),
        techCostReduction: fraction
          .default(0.5)
          .describe('Share of missile unit cost saved per technology point from espionage (cost falls to at most 30 % of list).'),
        techLaunchBoost: finite(0, 5)
          .default(0.5)
          .describe('Tests per month multiplier gained per technology point (more reliable, more confident testing).'),
      })
      .strict()
      .describe('The group that steals and launders.'),
    regime: z
      .object({
        cryptoToMissiles: Share.describe('Share of the crypto cash reaching the regime that goes to the missile programme.'),
        income: z
          .array(
            z
              .object({
                id: Id,
                name: text(80).describe('e.g. "IT workers abroad".'),
                description: text(1000),
                perYear: Money.describe('Income of the stream per year (spread evenly over the months).'),
                toMissiles: Share.describe('Share of the stream that goes to the missile programme.'),
              })
              .strict(),
          )
          .max(6)
          .default([])
          .describe('Income other than stolen crypto (IT workers, trade): it pays for missiles too, so crypto pays only part of the bill.'),
      })
      .strict()
      .describe('Where the missile programme\u2019s money comes from.'),
    missiles: z
      .array(
        z
          .object({
            id: Id,
            name: text(80),
            cost: Money.describe('Cost of one missile (give the documented range as low/high).'),
            productionPerMonth: Amount.describe('Most missiles of the type the industry can deliver in a month, money permitting.'),
            testsPerMonth: Amount.describe('Tests per month under normal doctrine (calendar.doctrine scales it), stock permitting.'),
            reserve: int(0, 1000).default(0).describe('Missiles held back: never launched in tests.'),
            preference: finite(0, 100).describe('Procurement weight relative to the other missile types.'),
            initialStock: int(0, 1000).default(0).describe('Missiles in stock before turn 1.'),
          })
          .strict(),
      )
      .min(1)
      .max(6)
      .describe('Missile types the regime buys and tests.'),
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
            year: int(1990, 2100)
              .optional()
              .describe('Compare only the turns of this calendar year (e.g. launches in 2020); leave out for the whole game.'),
            documented: Figure.describe('The real-world figure, with its source.'),
            band: z.tuple([finite(0, MAX_MONEY), finite(0, MAX_MONEY)]).describe('[low, high] accepted for the historical-policy median.'),
          })
          .strict(),
      )
      .max(16)
      .optional()
      .describe('Real-world figures the model should reproduce under the "historical" policy.'),
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
export type MethodDef = Scenario['methods'][number];
export type IncomeDef = Scenario['regime']['income'][number];
export type DoctrineDef = Scenario['calendar']['doctrine'][number];
