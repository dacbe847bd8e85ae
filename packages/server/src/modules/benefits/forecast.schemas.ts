import { z } from 'zod';

/**
 * The assumptions of a pension forecast the person may change (docs/RULES.md 14.8 and 14.13); each left
 * out takes the stated default, and the reply says which figure was used and where it came from.
 */
export const forecastQuery = z.strictObject({
  wageGrowthPpm: z.coerce.number().int('must be whole parts per million').min(0).max(200_000).optional(),
  futureBaseFen: z.coerce
    .number()
    .int('must be whole fen')
    .min(0)
    .max(100_000_000, 'must be at most 1,000,000 yuan a month')
    .optional(),
  interestPpm: z.coerce.number().int('must be whole parts per million').min(0).max(200_000).optional(),
  /** A woman's original retirement age depends on her post (docs/RULES.md 4.9). */
  retirementGroup: z.enum(['male', 'female-55', 'female-50']).optional(),
});
export type ForecastQuery = z.infer<typeof forecastQuery>;

const assumption = z.object({ value: z.number().int(), source: z.string() });

const outcome = z
  .object({
    eligible: z.boolean(),
    startMonth: z.string(),
    kind: z.enum(['early', 'statutory', 'late']),
    paidMonths: z.number().int(),
    deemedMonths: z.number().int(),
    contributionMonths: z.number().int(),
    minContributionMonths: z.number().int(),
  })
  .catchall(z.unknown());

export const forecastReply = z.object({
  personId: z.number().int(),
  birthMonth: z.string(),
  retirementGroup: z.enum(['male', 'female-55', 'female-50']),
  /** The first month projected: the record's months before it are as paid. */
  fromMonth: z.string(),
  recordMonths: z.number().int(),
  accountBalanceNowFen: z.number().int(),
  calcBaseNowFen: z.number().int(),
  assumptions: z.object({
    wageGrowthPpm: assumption,
    futureBaseFen: assumption,
    interestPpm: assumption,
    accountRatePpm: assumption,
  }),
  cases: z.array(
    z.object({
      label: z.enum(['earliest', 'statutory', 'latest']),
      startMonth: z.string(),
      projectedMonths: z.number().int(),
      accountBalanceFen: z.number().int(),
      calcBaseFen: z.number().int(),
      outcome,
    }),
  ),
});
export type ForecastReply = z.infer<typeof forecastReply>;
