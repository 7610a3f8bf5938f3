// The scenario file format. One zod schema is the single source of truth: it validates
// files, gives the engine its types (z.infer) and is exported as JSON Schema for editors
// (`npx cashout schema`). Descriptions here are shown in editors and in
// docs/scenario-format.md, so write them for instructors.
import { z } from 'zod';

const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,47}$/;
const MAX_MONEY = 1e13; // 10 trillion: far above any real heist; bigger means a typo

export const Id = z
  .string()
  .regex(ID_PATTERN, 'must be lower-case letters, digits, "-" or "_", starting with a letter or digit (e.g. "bridges")')
  .describe('An identifier: lower-case letters, digits, "-" and "_", starting with a letter or digit.');

const finite = (min: number, max: number) =>
  z
    .number()
    .refine(Number.isFinite, 'must be a finite number')
    .pipe(z.number().min(min).max(max));
const int = (min: number, max: number) => z.number().int('must be a whole number').min(min).max(max);
const fraction = finite(0, 1).describe('A fraction between 0 and 1 (0.25 = 25 %).');
const text = (max = 4000) => z.string().min(1).max(max);

export const Confidence = z
  .enum(['documented', 'estimate', 'disputed', 'assumption'])
  .describe(
    'documented: an official or analytics-firm figure quoted consistently; estimate: a modelled or analyst figure; disputed: sources conflict (say whose number you use in note); assumption: a game-design value, not a real-world figure.',
  );

export const Source = z
  .object({
    publisher: text(200).describe('Who published it, e.g. "US Treasury" or "Chainalysis".'),
    title: text(300).describe('Title of the publication.'),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD')
      .describe('Publication date: YYYY, YYYY-MM or YYYY-MM-DD.'),
    url: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'must be an http(s) URL')
      .optional()
      .describe('Where to read it (http or https).'),
    note: text(1000).optional().describe('Page, table or anything else that helps find the figure.'),
  })
  .strict()
  .describe('A publication that a figure comes from.');

/** A number that stands for the real world (or is explicitly marked as a game-design assumption). */
export const Figure = z
  .object({
    value: finite(-MAX_MONEY, MAX_MONEY),
    currency: z.enum(['USD', 'JPY']).optional().describe('For money: the currency of value. Converted with currency.usdJpy.'),
    source: Id.optional().describe('Key of an entry in `sources`. Required unless confidence is "assumption".'),
    confidence: Confidence,
    note: text(1000).optional().describe('How the figure was derived, or whose number a disputed figure is.'),
  })
  .strict()
  .refine((f) => f.confidence === 'assumption' || f.source !== undefined, {
    message: 'a real-world figure needs a `source` (a key of `sources`); mark game-design values with confidence: assumption',
    path: ['source'],
  })
  .describe('A sourced figure: { value, source, confidence }.');

const Money = Figure.refine((f) => f.value >= 0, { message: 'money cannot be negative', path: ['value'] }).refine(
  (f) => f.currency !== undefined,
  { message: 'money needs a currency: USD or JPY', path: ['currency'] },
);

export const LeverEffect = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('defense'),
      sector: Id,
      perLevel: fraction.describe('Share of the adversary success chance removed per level in that sector.'),
    })
    .strict(),
  z
    .object({
      type: z.literal('freeze'),
      channel: Id.describe('A laundering channel id, or "all".'),
      perLevel: fraction.describe('Extra share of funds passing the channel that is frozen, per level.'),
    })
    .strict(),
  z
    .object({
      type: z.literal('deter'),
      channel: Id,
      perLevel: fraction.describe('Share of the channel\u2019s use the launderers give up per level (they substitute other channels).'),
    })
    .strict(),
  z
    .object({
      type: z.literal('capability'),
      perLevel: finite(-1, 1).describe('Change of adversary capability per turn per level (negative degrades it).'),
    })
    .strict(),
  z
    .object({
      type: z.literal('coalition'),
      perLevel: finite(0, 2).describe('Multiplies every freeze and deter effect by (1 + perLevel × level).'),
    })
    .strict(),
]);

export const Lever = z
  .object({
    id: Id,
    name: text(80).describe('Shown on the lever control.'),
    description: text(1000).describe('What the lever does, in one or two sentences a student understands.'),
    kind: z.enum(['sanction', 'posture']).describe('sanction: a cyber sanction; posture: a defensive posture.'),
    role: Id.describe('The role that owns and sets this lever.'),
    maxLevel: int(1, 5).default(3).describe('Highest level players can set; 0 means off.'),
    costPerLevel: int(0, 1000).describe('Budget points per turn for each level set.'),
    sideEffects: z
      .object({
        collateral: finite(0, 100).default(0).describe('Harm to legitimate users per level per turn (index points).'),
        escalation: finite(0, 100).default(0).describe('Escalation risk per level per turn (index points).'),
      })
      .strict()
      .default({ collateral: 0, escalation: 0 })
      .describe('Harm beyond the budget cost, added up over all levers each turn.'),
    effects: z.array(LeverEffect).min(1).max(20).describe('What each level of the lever does.'),
    precedent: text(600).optional().describe('The real-world measure this lever stands for.'),
    source: Id.optional().describe('Key of the entry in `sources` for the precedent.'),
  })
  .strict();

const EventEffect = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('heist'),
      sector: Id,
      amount: Money.describe('Size of the attempted theft.'),
      name: text(120).optional().describe('Name shown in the report, e.g. "Ronin bridge" (default: the event title).'),
    })
    .strict(),
  z
    .object({
      type: z.literal('vulnerability'),
      sector: Id,
      add: finite(0, 5).describe('Extra adversary success chance multiplier in the sector (0.5 = +50 %).'),
      turns: int(1, 240).describe('How many turns the vulnerability lasts, counting the event turn.'),
    })
    .strict(),
  z.object({ type: z.literal('capability'), add: finite(-2, 2).describe('Added once to the adversary capability.') }).strict(),
  z
    .object({
      type: z.literal('launch'),
      missile: Id.describe('Id of the missile type launched.'),
      count: int(1, 100).describe('Missiles launched that turn, on top of launches from stock.'),
    })
    .strict(),
  z
    .object({
      type: z.literal('priceShock'),
      factor: finite(0, 1).describe('Multiplies the value of funds still being laundered (0.6 = a 40 % crash; at most 1).'),
    })
    .strict(),
  z.object({ type: z.literal('escalation'), add: finite(-100, 100).describe('Index points added to escalation.') }).strict(),
  z
    .object({
      type: z.literal('seizure'),
      amount: Money.describe('Funds seized from those still being laundered (at most what is in the pipeline).'),
    })
    .strict(),
]);

const EventBase = {
  id: Id,
  title: text(120).describe('Headline in the turn report.'),
  text: text(2000).describe('Narrative shown to players in the turn report.'),
  effects: z.array(EventEffect).max(20).default([]).describe('What happens; leave empty for a purely narrative event.'),
  source: Id.optional().describe('Key of the entry in `sources` the event is based on.'),
};

export const ScriptedEvent = z.object({ ...EventBase, turn: int(1, 1000).describe('Turn on which the event happens.') }).strict();
export const RandomEvent = z
  .object({
    ...EventBase,
    probability: fraction.describe('Chance per turn that the event happens.'),
    fromTurn: int(1, 1000).optional().describe('First turn it can happen (default: turn 1).'),
    toTurn: int(1, 1000).optional().describe('Last turn it can happen (default: the last turn).'),
    once: z.boolean().default(true).describe('Whether the event can happen at most once per game.'),
  })
  .strict();

export const Metric = z.enum([
  'stolenUsd',
  'cashedOutUsd',
  'frozenUsd',
  'missileSpendUsd',
  'launches',
  'collateral',
  'escalation',
]);

export const ConditionalEvent = z
  .object({
    ...EventBase,
    when: z
      .object({
        metric: Metric,
        op: z.enum(['>=', '<=']).describe('">=" fires when the total reaches value; "<=" while it stays at or below it.'),
        value: finite(0, MAX_MONEY).describe('Threshold, in the metric\u2019s unit (whole US dollars for money).'),
        fromTurn: int(1, 1000).optional().describe('First turn the condition is checked (default: turn 1).'),
        toTurn: int(1, 1000).optional().describe('Last turn it is checked (default: the last turn), e.g. "by turn 6".'),
      })
      .strict()
      .describe('Checked against the game totals at the start of each turn, before the adversary acts.'),
    once: z.boolean().default(true).describe('Whether the event can happen at most once per game.'),
  })
  .strict();

export const Objective = z
  .object({
    id: Id,
    text: text(300).describe('The goal in words, shown to players.'),
    metric: Metric.describe('The game total the goal is about (*Usd metrics are in US dollars).'),
    op: z.enum(['<=', '>=']).describe('<= : stay at or below target; >= : reach at least target.'),
    target: finite(0, MAX_MONEY).describe('The value the metric is compared with at the end of the game.'),
    source: Id.optional().describe('Key of the entry in `sources` behind the target.'),
  })
  .strict();

export const Policy = z
  .object({
    description: text(1000).describe('What the policy does, in a sentence.'),
    turns: z
      .record(
        z.string().regex(/^[1-9]\d{0,3}$/, 'turn keys are turn numbers: 1, 2, …'),
        z.record(Id, int(0, 5)),
      )
      .default({})
      .describe('From that turn on, set each named lever to the level given. Levers keep their level until changed.'),
  })
  .strict();

export const ScenarioSchema = z
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
        guidance: text(3000).optional().describe('Extra guidance for tutorials, shown in every phase.'),
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
            id: Id,
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
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
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
