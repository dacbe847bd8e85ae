/** Supplies the minimum contribution months for a retirement year; the server feeds it from policy parameters. */
export type MinContributionMonthsByYear = (year: number) => number;

const BASE_MONTHS = 15 * 12;
const MAX_MONTHS = 20 * 12;
const FIRST_RISE_YEAR = 2030;
const RISE_PER_YEAR_MONTHS = 6;

/**
 * The NPC-2024 annex table (docs/RULES.md 4.12): 15 years up to 2029, then half a year more each year from
 * 2030, reaching 20 years in 2039.
 */
export function defaultMinContributionMonths(year: number): number {
  if (!Number.isSafeInteger(year)) throw new RangeError(`year: ${year} is not a whole calendar year`);
  const rise = (year - FIRST_RISE_YEAR + 1) * RISE_PER_YEAR_MONTHS;
  return Math.min(MAX_MONTHS, BASE_MONTHS + Math.max(0, rise));
}

/** Calls a caller-supplied table and refuses an answer that is not a whole, non-negative month count. */
export function lookUpMinContributionMonths(byYear: MinContributionMonthsByYear, year: number): number {
  const months = byYear(year);
  if (!Number.isSafeInteger(months) || months < 0) {
    throw new RangeError(
      `minContributionMonthsByYear: returned ${months} for ${year}, expected a whole non-negative number of months`,
    );
  }
  return months;
}
