/** The insurances a contribution line or a policy parameter can be about (SIL Art. 2). */
export const INSURANCES = ['pension', 'medical', 'unemployment', 'work_injury', 'maternity'] as const;
export type Insurance = (typeof INSURANCES)[number];

/** Who pays: the employer, or the insured person (a flexible worker pays as 'employee'). */
export const PARTIES = ['employer', 'employee'] as const;
export type Party = (typeof PARTIES)[number];

/** Contributor categories with their own rates: employees of an employer, flexible workers paying alone. */
export const CATEGORIES = ['employee', 'flexible'] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * The fund each insurance pays into. Medical and maternity share one fund (SIL Art. 64 as amended 2018,
 * GBF-2019-10); every other insurance has its own.
 */
export const FUNDS = ['pension', 'medical', 'unemployment', 'work_injury'] as const;
export type Fund = (typeof FUNDS)[number];

export function fundOf(insurance: Insurance): Fund {
  return insurance === 'maternity' ? 'medical' : insurance;
}

/** The code used for national parameters; GB/T 2260 codes are used for every other region. */
export const NATIONAL_REGION = '000000';
