import {
  addDays,
  addMonths,
  daysBetween,
  dateToPeriod,
  formatFenAsYuan,
  unemploymentDurationOf,
  unemploymentEntitlement,
  unemploymentSchedule,
  unemploymentScheduleOf,
  unemploymentStandardOf,
} from '@shebao/domain';
import { rightsRecord } from '../rights-record/index.ts';
import type { ApplicationRow } from './applications.repository.ts';
import type { UnemploymentFacts } from './applications.schemas.ts';
import type { ClaimAssessment, ClaimContext } from './claim-assessment.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import type { PersonLookup } from './file-application.ts';
import { statutoryDays } from './statutory-clocks.ts';

/** Ways an employment ends that are not of the person's own will (SIL Art. 45; docs/RULES.md 15.18). */
const INVOLUNTARY = new Set(['dismissal']);

/**
 * An unemployment claim from the record (docs/RULES.md 15.6–15.9, 15.18): the months paid with an
 * unemployment contribution, the way the last employment ended, the registration as unemployed; the months
 * of the region's schedule (or the national tier) with the months an earlier claim left unpaid; the amount
 * of each month of the claim by the region's standard, from the month of registration. One award: its
 * first amount, a later one where the standard pays less from a month on, its last month.
 */
export async function assessUnemployment(
  deps: BenefitsDeps,
  persons: PersonLookup,
  row: ApplicationRow,
  /** Earlier unemployment awards as the payroll ran them: the months they left unpaid, their last month. */
  { carriedMonths, lastMonthPaid }: ClaimContext,
): Promise<ClaimAssessment> {
  const facts = JSON.parse(row.facts) as UnemploymentFacts;
  const book = await deps.policy.loadBook();
  // From the month of registration, never a month an earlier award was owed (docs/RULES.md 15.18).
  const registeredMonth = dateToPeriod(facts.registeredOn);
  const startMonth =
    lastMonthPaid !== null && lastMonthPaid >= registeredMonth
      ? addMonths(lastMonthPaid, 1)
      : registeredMonth;
  const record = await rightsRecord({ db: deps.db, clock: deps.clock }, { personId: row.person_id });
  const months = new Set(
    record.months
      .filter((month) => month.status === 'paid' && month.insurances.unemployment.baseFen > 0)
      .map((month) => month.period),
  );
  const employments = await persons.listPersonEmployments(row.person_id);
  const last = employments
    .filter((employment) => employment.leftOn !== null && employment.leftOn <= facts.registeredOn)
    .sort((a, b) => a.leftOn!.localeCompare(b.leftOn!))
    .at(-1);
  const stillEmployed = employments.some(
    (employment) => employment.leftOn === null || employment.leftOn >= facts.registeredOn,
  );
  const entitlement = unemploymentEntitlement({
    contributionMonths: months.size,
    involuntary: !stillEmployed && last !== undefined && INVOLUNTARY.has(last.leaveReason ?? ''),
    registered: true,
    carriedMonths,
    startDate: facts.registeredOn,
    regionalSchedule: unemploymentScheduleOf(book, {
      regionCode: row.region_code,
      startDate: facts.registeredOn,
    }),
    duration: unemploymentDurationOf(book, { regionCode: row.region_code, period: startMonth }),
  });
  if (!entitlement.eligible)
    return {
      eligible: false,
      reasons: entitlement.reasons.map((reason) => ({
        code: reason.code,
        message: reason.text,
        source: 'SIL Art. 45',
      })),
    };
  const standard = unemploymentStandardOf(book, { regionCode: row.region_code, period: startMonth });
  if (!standard)
    return {
      eligible: false,
      reasons: [
        {
          code: 'no-standard',
          message: `The region has no unemployment benefit standard in force in ${startMonth}.`,
          source: 'SIL Art. 47',
        },
      ],
    };
  const minimumWage = book.find<number>('minimumWage', { regionCode: row.region_code, period: startMonth });
  const schedule = unemploymentSchedule({
    months: entitlement.months,
    standard,
    ...(minimumWage
      ? { minimumWageFen: minimumWage.value, minimumWageSource: minimumWage.parameter.source }
      : {}),
  });
  const [first, ...later] = schedule.bands;
  const lastMonth = addMonths(startMonth, entitlement.months - 1);
  return {
    eligible: true,
    reasons: [],
    fund: 'unemployment',
    monthlyFen: first!.amountFen,
    validFrom: startMonth,
    lastMonth,
    laterSteps: later.map((band) => ({
      validFrom: addMonths(startMonth, band.fromMonth - 1),
      monthlyFen: band.amountFen,
      reason: `Unemployment benefit, ${band.band}: ${formatFenAsYuan(band.amountFen)} yuan a month`,
    })),
    oneTimePayments: [],
    explanation: {
      entitlement: entitlement.explanation,
      schedule: {
        rule: 'Each month of the claim at the region’s standard for its band, from the month of registration.',
        formula: schedule.bands
          .map((band) => `months ${band.fromMonth}–${band.toMonth}: ${formatFenAsYuan(band.amountFen)}`)
          .join('; '),
        inputs: {
          registeredOn: facts.registeredOn,
          months: String(entitlement.months),
          carriedMonths: String(carriedMonths),
          lastMonth,
        },
        sources: ['SIL Arts. 46, 47, 50', standard.source],
      },
      ...(last ? { terminationReport: await terminationReport(deps, row.region_code, last) } : {}),
      awardedMonths: entitlement.months,
    },
    reason:
      `Unemployment benefit for ${entitlement.months} months from ${startMonth} to ${lastMonth}: ` +
      `${formatFenAsYuan(first!.amountFen)} yuan a month${later.length ? `, then ${later.map((band) => formatFenAsYuan(band.amountFen)).join(', ')}` : ''}`,
    decisionSource: 'SIL Arts. 45–48, 50',
  };
}

/**
 * Whether the employer reported the end of the employment within its 15 days (docs/RULES.md 15.18; SIL Art.
 * 50): the deadline from the last day employed, and the day the agency learnt of it where known. A late
 * report does not take the benefit away; it is named for staff and the person.
 */
async function terminationReport(
  deps: BenefitsDeps,
  regionCode: string,
  last: { leftOn: string | null; leaveReportedOn: string | null; employerId: number },
) {
  const clock = await statutoryDays(deps, regionCode, last.leftOn!, 'unemployment-employer-report');
  const deadline = addDays(last.leftOn!, clock.days);
  const reported = last.leaveReportedOn;
  const lateDays = reported === null ? 0 : Math.max(0, daysBetween(deadline, reported));
  return {
    rule: 'The employer reports the end of an employment to the agency within 15 days of it.',
    formula:
      reported === null
        ? `ended ${last.leftOn}; deadline ${deadline}; the day reported is not known`
        : lateDays > 0
          ? `ended ${last.leftOn}; reported ${reported}, ${lateDays} days after the deadline ${deadline}`
          : `ended ${last.leftOn}; reported ${reported}, within the deadline ${deadline}`,
    inputs: {
      employerId: String(last.employerId),
      leftOn: last.leftOn!,
      reportedOn: reported ?? '—',
      deadline,
    },
    sources: [clock.source],
  };
}
