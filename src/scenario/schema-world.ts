// The scenario's world in time and money: the calendar (how long, when missiles are
// tested) and the laundering network (stages, channels, what freezes and delays cost).
// Split from schema.ts, which assembles the whole file format from such parts.
import { z } from 'zod';
import { Amount, finite, fraction, Id, int, Money, text } from './schema-parts.ts';

export const YearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM, e.g. 2022-01');

export const Calendar = z
  .object({
    start: YearMonth.describe('Year and month of turn 1 (YYYY-MM); each turn is one month.'),
    turns: int(1, 240).describe('Number of turns (months) the game lasts.'),
    launchCalendar: z
      .array(
        z
          .object({
            name: text(120).describe('e.g. "Spring drills".'),
            month: int(1, 12).describe('Calendar month it recurs in (1-12).'),
            multiplier: finite(0, 10).describe('Multiplies the month\u2019s expected tests.'),
            source: Id.optional(),
          })
          .strict(),
      )
      .max(24)
      .default([])
      .describe('Recurring months (drills, anniversaries) in which more (or fewer) tests are expected.'),
    doctrine: z
      .array(
        z
          .object({
            name: text(160).describe('e.g. "COVID border closure: testing paused".'),
            from: YearMonth.describe('First month of the period (YYYY-MM).'),
            to: YearMonth.describe('Last month of the period (YYYY-MM).'),
            tempo: z
              .record(Id, finite(0, 10))
              .describe('Per missile id: multiplies its testsPerMonth during the period (0 = a moratorium, 2 = a surge).'),
            source: Id.optional(),
            note: text(1000).optional(),
          })
          .strict(),
      )
      .max(24)
      .default([])
      .describe('Test doctrine: periods of pauses, moratoria and surges that scale each missile type\u2019s tests per month.'),
  })
  .strict()
  .describe('When the game starts, how long it lasts, and the rhythm of missile tests.');

export const Laundering = z
  .object({
    learning: fraction
      .default(0.5)
      .describe('How fast launderers update the freeze risk they expect in each channel from the freezes they see (0 = never).'),
    delayCost: finite(0, 0.5)
      .default(0.01)
      .describe('What a month of delay is worth to launderers, as a share of the funds (exposure to tracing and prices).'),
    evasion: z
      .object({
        perTurn: fraction.default(0.05).describe('Share of a capacity cut\u2019s remaining bite that launderers evade each month it is held.'),
        max: fraction.default(0.5).describe('Largest share of a capacity cut that can be evaded.'),
      })
      .strict()
      .default({ perTurn: 0.05, max: 0.5 })
      .describe('Designations lose force as the network finds new counterparties.'),
    issuerFreeze: fraction
      .default(0)
      .describe('Share of freshly stolen stablecoins issuers freeze with no extra requests (issuerFreeze levers add to it).'),
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
                    delayTurns: int(0, 12).describe('Turns funds stay in the channel before moving on.'),
                    haircut: finite(0, 0.9).describe('Share lost to fees and discounts.'),
                    baseFreeze: fraction.describe('Share frozen with no extra sanctions.'),
                    capacity: Money.optional().describe(
                      'Most the channel can take in a month (liquidity, counterparties). Leave out for no limit. Deter effects cut it.',
                    ),
                    successor: z
                      .object({
                        of: Id.describe('Id of a channel in the same stage whose takedown this service replaces.'),
                        lag: Amount.describe('Months after the predecessor is cut before the successor takes business.'),
                        replaces: fraction.default(0.8).describe('Share of the predecessor\u2019s lost capacity the successor takes up.'),
                      })
                      .strict()
                      .optional()
                      .describe('A successor service (Sinbad after Blender): it grows into the capacity its predecessor loses.'),
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
              .describe(
                'Ways through the stage. Launderers fill the channels in order of the loss they expect (fees, freezes, delay) up to each channel\u2019s capacity; what does not fit waits a month.',
              ),
          })
          .strict(),
      )
      .min(1)
      .max(6)
      .describe('Stages in the order funds pass them.'),
  })
  .strict()
  .describe('How stolen funds are turned into cash the regime can spend.');
