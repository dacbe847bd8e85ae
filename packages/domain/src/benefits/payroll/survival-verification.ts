import {
  addMonths,
  dateToPeriod,
  parseBusinessDate,
  parsePeriod,
  type BusinessDate,
  type Period,
  monthsBetween,
} from '../../time/index.ts';

/** How a pensioner's survival was verified (docs/RULES.md 14.6). */
export const VERIFICATION_METHODS = [
  'face-recognition',
  'counter',
  'data-match',
  'visit',
  'consulate',
] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export interface SurvivalVerification {
  on: BusinessDate;
  method: VerificationMethod;
}

export interface VerificationStanding {
  /** The first month of the cycle `asOf` falls in (cycles run 12 months from the first payment). */
  cycleStart: Period;
  /** The last month of that cycle: a verification by its end keeps the next cycle paid. */
  cycleEnd: Period;
  /** This cycle has its verification already. */
  verifiedThisCycle: boolean;
  /** The cycle before ended without one: payment is suspended from `suspendedFrom` until one comes. */
  overdue: boolean;
  suspendedFrom: Period | null;
  lastVerifiedOn: BusinessDate | null;
}

/**
 * Where a pensioner stands with survival verification (docs/RULES.md 14.6): cycles of 12 months from the
 * month of the first payment; a verification any time within a cycle counts for it, and the award itself
 * counts for the first. When a cycle ends without one, payment is suspended from the first month of the
 * next until a verification comes; the months withheld are then paid back (monthlyEntitlement).
 */
export function verificationStanding(
  firstPaymentMonth: Period,
  verifications: readonly SurvivalVerification[],
  asOf: BusinessDate,
): VerificationStanding {
  const first = parsePeriod(firstPaymentMonth, 'firstPaymentMonth');
  const today = dateToPeriod(parseBusinessDate(asOf, 'asOf'));
  const months = Math.max(0, monthsBetween(first, today));
  const cycle = Math.floor(months / 12);
  const cycleStart = addMonths(first, cycle * 12);
  const cycleEnd = addMonths(cycleStart, 11);
  const dates = verifications
    .map((verification) => parseBusinessDate(verification.on, 'verifications.on'))
    .filter((date) => date <= asOf)
    .sort();
  const verifiedIn = (start: Period, end: Period) =>
    dates.some((date) => dateToPeriod(date) >= start && dateToPeriod(date) <= end);
  const verifiedThisCycle = cycle === 0 || verifiedIn(cycleStart, cycleEnd);
  // The award verified the first cycle; each later one needs a verification of its own.
  const previousMissed =
    cycle >= 1 && !(cycle - 1 === 0 || verifiedIn(addMonths(cycleStart, -12), addMonths(cycleStart, -1)));
  const overdue = previousMissed && !verifiedThisCycle;
  return {
    cycleStart,
    cycleEnd,
    verifiedThisCycle,
    overdue,
    suspendedFrom: overdue ? cycleStart : null,
    lastVerifiedOn: dates.at(-1) ?? null,
  };
}

/**
 * The last month that may be paid on the verifications so far (docs/RULES.md 14.6, 14.9): the end of the
 * cycle after the last verified one. The award verifies the first cycle, so the first two are paid
 * without a verification; a verification in cycle k keeps cycles k and k + 1 paid. A verification dated
 * before the first payment month counts for no cycle. The payroll pays a month only when it is not after
 * this one; `verificationStanding` says the same of the day it is asked about (its `overdue` is exactly
 * "this month is after verifiedThrough", property-tested).
 */
export function verifiedThrough(
  firstPaymentMonth: Period,
  verifications: readonly SurvivalVerification[],
): Period {
  const first = parsePeriod(firstPaymentMonth, 'firstPaymentMonth');
  let lastCycle = 0;
  for (const verification of verifications) {
    const month = dateToPeriod(parseBusinessDate(verification.on, 'verifications.on'));
    const months = monthsBetween(first, month);
    if (months < 0) continue;
    lastCycle = Math.max(lastCycle, Math.floor(months / 12));
  }
  return addMonths(first, (lastCycle + 2) * 12 - 1);
}
