import { addMonths, dateToPeriod, type MedicalPersonType } from '@shebao/domain';
import type { DetailCode } from '../../errors/index.ts';

/*
 * Whether the fund pays for a person on the day of a visit, and as whom (docs/RULES.md 16.4): the rule
 * over the facts the coverage read model gathers, with no database of its own.
 */

export interface PatientFacts {
  personId: number;
  sex: 'male' | 'female';
  category: 'employee' | 'flexible' | 'resident';
  /** The first month of a pension award, when the person has one. */
  pensionFrom: string | null;
  diedOn: string | null;
  /** Medical contribution months of the visit's month and the month before, with their bills' standing. */
  medicalMonths: readonly { period: string; dueDate: string; paidInFull: boolean }[];
  employments: readonly { hiredOn: string; leftOn: string | null }[];
  /** All medical contribution months of the record (asked for pensioners only). */
  medicalMonthsTotal: number | null;
  /** The minimum a retiree needs (SIL Art. 27), by sex, where the region has one. */
  retireeMinimum: { maleMonths: number; femaleMonths: number; source: string } | null;
  residentEnrolment: { coveredFrom: string } | null;
  /** Suspensions of the person's direct settlement by approved findings (MFR Art. 41; docs/RULES.md 16.7). */
  suspensions: readonly { from: string; until: string; reason: string }[];
}

export type Coverage =
  | { covered: true; personType: MedicalPersonType; basis: string }
  | { covered: false; reason: string; detailCode: DetailCode; sources: string[] };

export function decideCoverage(facts: PatientFacts, visitDate: string, today: string = visitDate): Coverage {
  // A suspension bars settling from its first day, also for visits before it.
  const suspension = facts.suspensions.find(
    (row) => (row.from <= visitDate && visitDate <= row.until) || (row.from <= today && today <= row.until),
  );
  if (suspension)
    return {
      covered: false,
      reason: `direct settlement of the person is suspended from ${suspension.from} until ${suspension.until} by ${suspension.reason}`,
      detailCode: 'settlement-suspended',
      sources: ['MFR Art. 41'],
    };
  if (facts.diedOn !== null && facts.diedOn < visitDate)
    return {
      covered: false,
      reason: `the person died on ${facts.diedOn}, before the visit`,
      detailCode: 'patient-deceased',
      sources: ['SIL Art. 88'],
    };
  const month = dateToPeriod(visitDate);
  if (facts.pensionFrom !== null && facts.pensionFrom <= month) {
    const minimum = facts.retireeMinimum;
    const needed = minimum ? (facts.sex === 'male' ? minimum.maleMonths : minimum.femaleMonths) : 0;
    const have = facts.medicalMonthsTotal ?? 0;
    if (have < needed)
      return {
        covered: false,
        reason: `a retiree needs ${needed} months of medical contributions to keep the scheme without premiums; the record holds ${have}: top up the difference first`,
        detailCode: 'medical-years-short',
        sources: ['SIL Art. 27', minimum!.source],
      };
    return { covered: true, personType: 'retired', basis: `pension from ${facts.pensionFrom}` };
  }
  if (facts.category === 'resident') {
    const enrolment = facts.residentEnrolment;
    if (!enrolment)
      return {
        covered: false,
        reason: `the person is not enrolled in the residents’ medical scheme for ${visitDate.slice(0, 4)}`,
        detailCode: 'medical-not-covered',
        sources: ['GF-2016-3'],
      };
    if (enrolment.coveredFrom > visitDate)
      return {
        covered: false,
        reason: `the residents’ waiting period runs until ${enrolment.coveredFrom}: the fund pays nothing before it`,
        detailCode: 'medical-waiting-period',
        sources: ['GBF-2024-LT'],
      };
    return {
      covered: true,
      personType: 'resident',
      basis: `enrolled, covered from ${enrolment.coveredFrom}`,
    };
  }
  const months = [addMonths(month, -1), month];
  const standing = (period: string) => facts.medicalMonths.find((row) => row.period === period);
  const current = standing(month);
  const previous = standing(months[0]!);
  const good = (row: { dueDate: string; paidInFull: boolean } | undefined) =>
    row !== undefined && (row.paidInFull || row.dueDate >= visitDate);
  if (good(current) || good(previous))
    return { covered: true, personType: 'in-service', basis: 'medical premiums paid or not yet due' };
  const employed = facts.employments.some(
    (job) => job.hiredOn <= visitDate && (job.leftOn === null || job.leftOn >= visitDate),
  );
  const overdue = [current, previous].find((row) => row !== undefined && !good(row));
  if (employed && !overdue)
    return { covered: true, personType: 'in-service', basis: 'employed and registered; no premium overdue' };
  return {
    covered: false,
    reason: overdue
      ? `the medical premiums of ${overdue.period} were due on ${overdue.dueDate} and are not paid`
      : `no medical premiums for ${months[0]} or ${month} and no employment on ${visitDate}`,
    detailCode: 'medical-not-covered',
    sources: ['SIL Art. 23', 'SIL Art. 28'],
  };
}
