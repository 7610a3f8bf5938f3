// Building blocks of the scenario format: identifiers, numbers, sourced figures, lever
// effects, events, objectives and policies. schema.ts assembles them into the scenario.
import { z } from 'zod';

export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,47}$/;
export const MAX_MONEY = 1e13; // 10 trillion: far above any real heist; bigger means a typo

/** Names every JavaScript object already has (constructor, …): as ids they would collide with built-ins. */
export const RESERVED_IDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const Id = z
  .string()
  .regex(ID_PATTERN, 'must be lower-case letters, digits, "-" or "_", starting with a letter or digit (e.g. "bridges")')
  .refine((id) => !RESERVED_IDS.has(id), 'is a name JavaScript objects already have (like "constructor"): choose another id, e.g. "constructor-1"')
  .describe('An identifier: lower-case letters, digits, "-" and "_", starting with a letter or digit.');

export const finite = (min: number, max: number) =>
  z
    .number()
    .refine(Number.isFinite, 'must be a finite number')
    .pipe(z.number().min(min).max(max));
export const int = (min: number, max: number) => z.number().int('must be a whole number').min(min).max(max);
export const fraction = finite(0, 1).describe('A fraction between 0 and 1 (0.25 = 25 %).');
export const text = (max = 4000) => z.string().min(1).max(max);

export const Confidence = z
  .enum(['documented', 'estimate', 'disputed', 'assumption'])
  .describe(
    'documented: an official or analytics-firm figure quoted consistently; estimate: a modelled or analyst figure; disputed: sources conflict (say whose number you use in note); assumption: a game-design value, not a real-world figure.',
  );

/** Working notes for scenario authors: kept out of everything students see. */
export const AuthorNote = text(2000)
  .optional()
  .describe(
    'Working notes for authors and reviewers (checks still to do, doubts about a source, where a figure was found): listed by `cashout check --notes`, never shown to students.',
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
    note: text(1000)
      .optional()
      .describe('What the source says that the scenario uses, or where in it to look (a page, a table). Shown to students with the citation.'),
    authorNote: AuthorNote,
  })
  .strict()
  .describe('A publication that a figure comes from.');

/** A number that stands for the real world (or is explicitly marked as a game-design assumption). */
export const Figure = z
  .object({
    value: finite(-MAX_MONEY, MAX_MONEY).describe(
      'The best single value: used when the game plays with point values, and the most likely value of a range.',
    ),
    low: finite(-MAX_MONEY, MAX_MONEY)
      .optional()
      .describe('Lower end of the documented range. With `high`, each run draws the figure from [low, high] (triangular, peak at value).'),
    high: finite(-MAX_MONEY, MAX_MONEY).optional().describe('Upper end of the documented range (see `low`).'),
    currency: z.enum(['USD', 'JPY']).optional().describe('For money: the currency of value. Converted with currency.usdJpy.'),
    source: Id.optional().describe('Key of an entry in `sources`. Required unless confidence is "assumption".'),
    confidence: Confidence,
    note: text(1000).optional().describe('How the figure was derived, or whose number a disputed figure is. Shown to students.'),
    authorNote: AuthorNote,
  })
  .strict()
  .refine((f) => f.confidence === 'assumption' || f.source !== undefined, {
    message: 'a real-world figure needs a `source` (a key of `sources`); mark game-design values with confidence: assumption',
    path: ['source'],
  })
  .refine((f) => (f.low === undefined) === (f.high === undefined), {
    message: 'a range needs both `low` and `high` (or neither, for a single value)',
    path: ['low'],
  })
  .refine((f) => f.low === undefined || f.high === undefined || (f.low <= f.value && f.value <= f.high), {
    message: 'value must lie inside the range: low <= value <= high',
    path: ['value'],
  })
  .describe('A sourced figure: { value, source, confidence }, optionally a range { low, high } drawn per run.');

export const Money = Figure.refine((f) => f.value >= 0 && (f.low ?? 0) >= 0, {
  message: 'money cannot be negative',
  path: ['value'],
}).refine((f) => f.currency !== undefined, { message: 'money needs a currency: USD or JPY', path: ['currency'] });

/** A Figure that is a share: value (and range) between 0 and 1. */
export const Share = Figure.refine((f) => f.value >= 0 && f.value <= 1 && (f.low ?? 0) >= 0 && (f.high ?? 0) <= 1, {
  message: 'a share is a fraction from 0 to 1 (0.25 = 25 %), range included',
  path: ['value'],
});

/** A Figure that is a count or a rate per month: never negative. */
export const Amount = Figure.refine((f) => f.value >= 0 && (f.low ?? 0) >= 0, {
  message: 'this figure cannot be negative',
  path: ['value'],
});

export const LeverEffect = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('defense'),
      sector: Id.describe('A sector id, or "all".'),
      method: Id.default('all').describe('An attack method id, or "all" (the default): which doors of the sector the posture closes.'),
      perLevel: finite(0, 3).describe(
        'Defence stock the posture builds per level. Stock builds up over months and blocks stock/(1+stock) of the attempts (1 = 50 %, 3 = 75 %).',
      ),
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
      perLevel: fraction.describe(
        'Share of the channel\u2019s monthly capacity cut per level (counterparties refuse the business). Launderers evade the cut slowly, and a successor service may take up part of it.',
      ),
    })
    .strict(),
  z
    .object({
      type: z.literal('degrade'),
      perLevel: finite(0, 3).describe(
        'Pressure on the adversary\u2019s capability per level. Builds up over months; cuts capability by pressure/(1+pressure); fades when lifted and is partly evaded while held.',
      ),
    })
    .strict(),
  z
    .object({
      type: z.literal('coalition'),
      perLevel: finite(0, 2).describe('Multiplies every freeze, deter and issuer-freeze effect by (1 + perLevel × level).'),
    })
    .strict(),
  z
    .object({
      type: z.literal('income'),
      stream: Id.describe('Id of one of the regime\u2019s income streams (regime.income).'),
      perLevel: finite(0, 3).describe('Pressure on that income stream per level; builds up over months and cuts it by pressure/(1+pressure).'),
    })
    .strict(),
  z
    .object({
      type: z.literal('issuerFreeze'),
      perLevel: fraction.describe('Extra share of freshly stolen stablecoins that issuers freeze before the launderers can swap them, per level.'),
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

export const EventEffect = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('heist'),
      sector: Id,
      method: Id.describe('The attack method used (an id of `methods`): the defence stock against it decides whether the heist is blocked.'),
      amount: Money.describe('Size of the attempted theft.'),
      name: text(120).optional().describe('Name shown in the report, e.g. "Ronin bridge" (default: the event title).'),
      stablecoinShare: fraction
        .optional()
        .describe('Share of the loot taken in freezable stablecoins (default: the sector\u2019s stablecoinShare).'),
      preparedMonths: int(0, 6)
        .default(1)
        .describe(
          'Months between the intrusion and the theft (a recruiter\u2019s first contact, a compromised laptop): only the defence stock in place then can block the heist.',
        ),
    })
    .strict(),
  z
    .object({
      type: z.literal('vulnerability'),
      sector: Id,
      add: z
        .number()
        .refine(Number.isFinite, 'must be a finite number')
        .pipe(
          z
            .number()
            .min(0, 'a vulnerability cannot lower the success chance; use a defense lever for that')
            .max(
              5,
              'add is a multiplier of the success chance: 0.3 = +30 %, 1 = +100 %, at most 5 (+500 %); for +30 % write 0.3',
            ),
        )
        .describe('Extra adversary success chance multiplier in the sector (0.5 = +50 %).'),
      turns: int(1, 240).describe('How many turns the vulnerability lasts, counting the event turn.'),
    })
    .strict(),
  z.object({ type: z.literal('capability'), add: finite(-2, 2).describe('Added once to the adversary capability.') }).strict(),
  z
    .object({
      type: z.literal('launch'),
      missile: Id.describe('Id of the missile type launched.'),
      count: int(1, 100).describe('Missiles launched that turn on top of the doctrine\u2019s tests, from the arsenal outside the modelled stock.'),
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
      heist: Id.optional().describe(
        'Id of the scripted event whose heist the seizure recovers: it then takes only that heist\u2019s loot still being laundered, and nothing if the heist was blocked.',
      ),
    })
    .strict(),
]);

export const EventBase = {
  id: Id,
  title: text(120).describe('Headline in the turn report.'),
  text: text(2000).describe('Narrative shown to players in the turn report.'),
  effects: z.array(EventEffect).max(20).default([]).describe('What happens; leave empty for a purely narrative event.'),
  source: Id.optional().describe('Key of the entry in `sources` the event is based on.'),
};

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const Month = z.string().regex(MONTH_PATTERN, 'must be a month written YYYY-MM, e.g. 2024-05');

/**
 * A scripted event happens on a turn, or in a month of the calendar (`month: 2024-05`);
 * the scenario resolves months to turns when it loads (schema.ts), so the engine sees turns.
 */
export const ScriptedEvent = z
  .object({
    ...EventBase,
    turn: int(1, 1000).optional().describe('Turn on which the event happens (or give `month`).'),
    month: Month.optional().describe(
      'Calendar month (YYYY-MM) in which the event happens, instead of `turn`; it must fall inside the game.',
    ),
  })
  .strict()
  .superRefine((e, ctx) => {
    if (e.turn === undefined && e.month === undefined)
      ctx.addIssue({ code: 'custom', path: ['turn'], message: 'say when the event happens: `turn: 3` or `month: 2024-05`' });
  });
export const RandomEvent = z
  .object({
    ...EventBase,
    probability: fraction.describe('Chance per turn that the event happens.'),
    fromTurn: int(1, 1000).optional().describe('First turn it can happen (default: turn 1).'),
    toTurn: int(1, 1000).optional().describe('Last turn it can happen (default: the last turn).'),
    once: z.boolean().default(true).describe('Whether the event can happen at most once per game.'),
  })
  .strict();

/**
 * Game totals that objectives, conditional events and calibration can name. cryptoShare is
 * crypto's share of the money the missile programme received (0-1); heists counts
 * successful heists.
 */
export const Metric = z.enum([
  'stolenUsd',
  'cashedOutUsd',
  'frozenUsd',
  'missileSpendUsd',
  'launches',
  'collateral',
  'escalation',
  'cryptoShare',
  'heists',
]);

export const OUTCOMES = ['happened', 'succeeded', 'blocked'] as const;
export type EventOutcomeName = (typeof OUTCOMES)[number];

/** A condition, as the engine reads it: on a game total, on another event's outcome, or on a lever. */
export type Condition = (
  | { metric: z.infer<typeof Metric>; op: '>=' | '<='; value: number; event?: undefined; lever?: undefined }
  | { event: string; outcome: EventOutcomeName; metric?: undefined; lever?: undefined }
  | { lever: string; op: '>=' | '<='; level: number; metric?: undefined; event?: undefined }
) & { fromTurn?: number | undefined; toTurn?: number | undefined };

const CONDITION_FIELDS = {
  metric: ['op', 'value'],
  event: ['outcome'],
  lever: ['op', 'level'],
} as const;

export const When = z
  .object({
    metric: Metric.optional().describe('A game total to test against `value` with `op`.'),
    op: z
      .enum(['>=', '<='])
      .optional()
      .describe('">=" fires when the total (or lever level) reaches the threshold; "<=" while it stays at or below it.'),
    value: finite(0, MAX_MONEY).optional().describe('Threshold for `metric`, in its unit (whole US dollars for money).'),
    event: Id.optional().describe(
      'Another event this one follows: it fires in a later turn than that event, once that event has the `outcome` given.',
    ),
    outcome: z
      .enum(OUTCOMES)
      .optional()
      .describe(
        'With `event`: "happened" (default), "succeeded" (it happened and its heist was not blocked) or "blocked" (every heist it attempted was blocked).',
      ),
    lever: Id.optional().describe('A lever whose level in force this turn is tested against `level` with `op`.'),
    level: int(0, 5).optional().describe('With `lever`: the level to compare with.'),
    fromTurn: int(1, 1000).optional().describe('First turn the condition is checked (default: turn 1).'),
    toTurn: int(1, 1000).optional().describe('Last turn it is checked (default: the last turn), e.g. "by turn 6".'),
  })
  .strict()
  .transform((w, ctx): Condition => {
    const kinds = (Object.keys(CONDITION_FIELDS) as (keyof typeof CONDITION_FIELDS)[]).filter((k) => w[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.issues.push({
        code: 'custom',
        input: w,
        path: kinds.length ? [kinds[1]!] : [],
        message:
          kinds.length === 0
            ? 'a condition tests one thing: a total (`metric`, `op`, `value`), another event (`event`, `outcome`) or a lever (`lever`, `op`, `level`)'
            : `a condition tests one thing, but this one names both \`${kinds[0]}\` and \`${kinds[1]}\`; split it into two events, or keep one`,
      });
      return z.NEVER;
    }
    const kind = kinds[0]!;
    if (kind === 'event' && w.outcome === undefined) w.outcome = 'happened';
    for (const field of CONDITION_FIELDS[kind])
      if (w[field] === undefined)
        ctx.issues.push({ code: 'custom', input: w, path: [field], message: `a condition on \`${kind}\` needs \`${field}\` too` });
    const stray = (['op', 'value', 'outcome', 'level'] as const).filter(
      (f) => w[f] !== undefined && !(CONDITION_FIELDS[kind] as readonly string[]).includes(f),
    );
    for (const f of stray)
      ctx.issues.push({ code: 'custom', input: w, path: [f], message: `\`${f}\` does not go with a condition on \`${kind}\`; remove it` });
    return w as Condition;
  })
  .describe(
    'When the event happens. Checked at the start of each turn, before the adversary acts: a total (`metric`/`op`/`value`), the outcome of an earlier event (`event`/`outcome`), or a lever\u2019s level (`lever`/`op`/`level`).',
  );

export const ConditionalEvent = z
  .object({
    ...EventBase,
    when: When,
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

const guideText = text(1500);

/** Tutorial guidance that appears in the phase and turn it is about. */
export const Guide = z
  .object({
    briefing: guideText.optional().describe('Shown on the briefing, before turn 1.'),
    turns: z
      .record(
        z.string().regex(/^[1-9]\d{0,3}$/, 'turn keys are turn numbers: 1, 2, …'),
        z
          .object({
            planning: guideText.optional().describe('Shown while the roles plan that turn.'),
            report: guideText.optional().describe('Shown with that turn\u2019s report.'),
          })
          .strict(),
      )
      .default({})
      .describe('Per turn: what to try while planning and what to look for in the report.'),
    debrief: guideText.optional().describe('Shown at the debrief.'),
  })
  .strict()
  .describe('Step-by-step guidance for tutorials, shown open in the phase and turn it belongs to.');
