import type { Explanation } from '../explain/index.ts';
import { addMonthsToDate, type BusinessDate } from '../time/index.ts';
import { requireCount } from '../benefits/pension/require-count.ts';

/**
 * A resident's enrolment in the residents' medical scheme for one year, as the waiting period needs it
 * (docs/RULES.md 16.5).
 */
export interface ResidentEnrolmentFacts {
  year: number;
  /** The day the year's premium was paid. */
  paidOn: BusinessDate;
  /** Paid within the region's concentrated period for the year (usually Sept-Dec of the year before). */
  inConcentratedPeriod: boolean;
  /** Consecutive years without the scheme just before this one (0: enrolled the year before). */
  gapYears: number;
  /** Years of the gap paid for afterwards at the current individual rate: each removes a month. */
  repairedYears: number;
  /** A newborn enrolled in the first year of life waits for nothing. */
  newborn: boolean;
}

export interface WaitingPeriod {
  fixedMonths: number;
  variableMonths: number;
  /** The first day the fund pays for this enrolment. */
  coveredFrom: BusinessDate;
  explanation: Explanation;
}

/** GBF-2024-LT: the fixed wait, one month per year of gap, and the floor after four years of gap. */
const FIXED_MONTHS = 3;
const LONG_GAP_YEARS = 4;
const LONG_GAP_FLOOR_MONTHS = 6;

/**
 * The residents' waiting period (GBF-2024-LT): none for a newborn or for someone who stayed enrolled and
 * paid in the concentrated period; otherwise 3 fixed months, plus one month for each year of the gap, less
 * one for each year repaired, and never under 6 months in all after a gap of 4 years or more. The clock
 * starts at the later of the payment and the first day of the year enrolled for.
 */
export function residentWaitingPeriod(facts: ResidentEnrolmentFacts): WaitingPeriod {
  const gapYears = requireCount(facts.gapYears, 'gapYears');
  const repairedYears = Math.min(requireCount(facts.repairedYears, 'repairedYears'), gapYears);
  const yearStart = `${facts.year}-01-01`;
  const clockStart = facts.paidOn > yearStart ? facts.paidOn : yearStart;
  const sources = ['GBF-2024-LT', 'GF-2016-3'];
  if (facts.newborn || (gapYears === 0 && facts.inConcentratedPeriod)) {
    return {
      fixedMonths: 0,
      variableMonths: 0,
      coveredFrom: clockStart,
      explanation: {
        rule: facts.newborn
          ? 'A newborn is covered from enrolment without a waiting period.'
          : 'Continuous enrolment paid in the concentrated period: covered from the start of the year.',
        formula: `covered from ${clockStart}`,
        inputs: { year: String(facts.year), paidOn: facts.paidOn },
        sources,
      },
    };
  }
  const fixedMonths = FIXED_MONTHS;
  let variableMonths = gapYears - repairedYears;
  if (gapYears >= LONG_GAP_YEARS)
    variableMonths = Math.max(variableMonths, LONG_GAP_FLOOR_MONTHS - fixedMonths);
  const coveredFrom = addMonthsToDate(clockStart, fixedMonths + variableMonths);
  return {
    fixedMonths,
    variableMonths,
    coveredFrom,
    explanation: {
      rule: 'Enrolled outside the concentrated period or after a gap: 3 fixed months, one month per year of gap less one per year repaired, at least 6 months in all after 4 years of gap.',
      formula: `${clockStart} + ${fixedMonths} + ${variableMonths} months = ${coveredFrom}`,
      inputs: {
        year: String(facts.year),
        paidOn: facts.paidOn,
        gapYears: String(gapYears),
        repairedYears: String(repairedYears),
        inConcentratedPeriod: String(facts.inConcentratedPeriod),
      },
      sources,
    },
  };
}
