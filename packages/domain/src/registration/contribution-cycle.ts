import type { PolicyBook } from '../policy/index.ts';
import { addMonths, parsePeriod, periodMonth, type Period } from '../time/index.ts';

/**
 * The contribution year (缴费年度) in which a yearly base applies: July to June in Beijing, Shanghai and
 * Guangdong, the calendar year in Sichuan and by default (docs/RULES.md 1.9). The region's
 * `base.cycleStartMonth` parameter says which.
 */
export interface ContributionCycle {
  /** First month of the cycle, e.g. "2025-07". */
  start: Period;
  /** Last month of the cycle, e.g. "2026-06". */
  end: Period;
  cycleStartMonth: number;
}

export function assertCycleStartMonth(cycleStartMonth: number): number {
  if (!Number.isInteger(cycleStartMonth) || cycleStartMonth < 1 || cycleStartMonth > 12) {
    throw new RangeError(`cycleStartMonth: ${cycleStartMonth} is not a month from 1 to 12`);
  }
  return cycleStartMonth;
}

/** The first month of the cycle containing the period: cycleStartOf('2026-03', 7) = '2025-07'. */
export function cycleStartOf(period: Period, cycleStartMonth: number): Period {
  const month = periodMonth(parsePeriod(period));
  const back = (month - assertCycleStartMonth(cycleStartMonth) + 12) % 12;
  return addMonths(period, -back);
}

export function cycleOf(period: Period, cycleStartMonth: number): ContributionCycle {
  const start = cycleStartOf(period, cycleStartMonth);
  return { start, end: addMonths(start, 11), cycleStartMonth };
}

export function isCycleStart(period: Period, cycleStartMonth: number): boolean {
  return cycleStartOf(period, cycleStartMonth) === period;
}

/** The region's cycle containing the period, with the cycle start month in force for that period. */
export function findContributionCycle(
  book: PolicyBook,
  regionCode: string,
  period: Period,
): ContributionCycle {
  const { value } = book.require<number>('base.cycleStartMonth', { regionCode, period });
  return cycleOf(period, value);
}
