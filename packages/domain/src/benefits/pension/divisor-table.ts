import { formatAgeMonths } from '../../retirement/index.ts';

/** Months divisor (计发月数) by whole age in years. */
export type DivisorTable = Readonly<Record<number, number>>;

/**
 * The national divisor table, annex to GF-2005-38 (docs/RULES.md 4.4). Age 47 is 208 as in the majority
 * of sources (two give 207; not resolved).
 */
// prettier-ignore
export const NATIONAL_DIVISORS: DivisorTable = Object.freeze({
  40: 233, 41: 230, 42: 226, 43: 223, 44: 220, 45: 216, 46: 212, 47: 208, 48: 204, 49: 199, 50: 195,
  51: 190, 52: 185, 53: 180, 54: 175, 55: 170, 56: 164, 57: 158, 58: 152, 59: 145, 60: 139,
  61: 132, 62: 125, 63: 117, 64: 109, 65: 101, 66: 93, 67: 84, 68: 75, 69: 65, 70: 56,
});

export const NATIONAL_DIVISORS_SOURCE = 'GF-2005-38 annex';

/** The residents' scheme divides the personal account by 139 at every age (GF-2014-8). */
export const RESIDENTS_ACCOUNT_DIVISOR = 139;
export const RESIDENTS_ACCOUNT_DIVISOR_SOURCE = 'GF-2014-8';

/** Refuses a table with non-whole ages or non-positive divisors, so a bad parameter row fails loudly. */
export function validateDivisorTable(divisors: DivisorTable, field = 'divisors'): DivisorTable {
  const entries = Object.entries(divisors);
  if (entries.length === 0) throw new RangeError(`${field}: the divisor table is empty`);
  for (const [age, months] of entries) {
    if (!/^\d+$/.test(age)) throw new RangeError(`${field}: age "${age}" is not a whole number of years`);
    if (!Number.isSafeInteger(months) || months <= 0) {
      throw new RangeError(
        `${field}: divisor for age ${age} must be a whole positive number of months, got ${months}`,
      );
    }
  }
  return divisors;
}

/** The divisor for a whole age, or an error naming the retirement age field and the table's range. */
export function lookUpDivisor(divisors: DivisorTable, ageYears: number, ageMonths: number): number {
  const months = divisors[ageYears];
  if (months !== undefined) return months;
  const ages = Object.keys(divisors).map(Number);
  throw new RangeError(
    `retirementAgeMonths: ${ageMonths} (${formatAgeMonths(ageMonths)}) needs the divisor for age ${ageYears}, ` +
      `outside the divisor table (ages ${Math.min(...ages)}–${Math.max(...ages)})`,
  );
}
