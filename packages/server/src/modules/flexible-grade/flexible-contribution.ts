import {
  chinaDateOf,
  dateToPeriod,
  FLEXIBLE_GRADE_MAX_PPM,
  FLEXIBLE_GRADE_MIN_PPM,
  type PolicyBook,
} from '@shebao/domain';
import type { Clock } from '../../app/clock.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { nextGradePeriod, type FlexibleEnrolment, type RegistrationService } from '../registration/index.ts';
import { quoteFlexibleMonth } from './quote-flexible-month.ts';
import type { FlexibleContribution } from './flexible-grade.schemas.ts';

export interface FlexibleContributionDeps {
  registration: Pick<RegistrationService, 'listFlexibleEnrolments' | 'changeFlexibleGrade'>;
  loadBook(): Promise<PolicyBook>;
  clock: Clock;
}

/** The grades offered: every 10% from 60% to 300% of the average wage, and the grade held if it is off-step. */
const GRADE_STEP_PPM = 100_000;

function offeredGrades(held: number): number[] {
  const grades: number[] = [];
  for (let grade = FLEXIBLE_GRADE_MIN_PPM; grade <= FLEXIBLE_GRADE_MAX_PPM; grade += GRADE_STEP_PPM)
    grades.push(grade);
  if (!grades.includes(held) && held >= FLEXIBLE_GRADE_MIN_PPM && held <= FLEXIBLE_GRADE_MAX_PPM)
    grades.push(held);
  return grades.sort((a, b) => a - b);
}

function toView(enrolment: FlexibleEnrolment) {
  const { regionCode, gradePpm, baseFen, paymentMethod, startPeriod, endPeriod } = enrolment;
  return { regionCode, gradePpm, baseFen, paymentMethod, startPeriod, endPeriod };
}

function covers(enrolment: FlexibleEnrolment, period: string): boolean {
  return enrolment.startPeriod <= period && (enrolment.endPeriod === null || enrolment.endPeriod >= period);
}

/**
 * A flexible worker's grade now and from next month, the grades they may choose and what a month costs
 * at `gradePpm` (or at the grade in force). CONFLICT when the person has no open flexible enrolment.
 */
export async function flexibleContribution(
  deps: FlexibleContributionDeps,
  personId: number,
  gradePpm?: number,
): Promise<FlexibleContribution> {
  const today = chinaDateOf(deps.clock.now());
  const fromPeriod = nextGradePeriod(today);
  const enrolments = await deps.registration.listFlexibleEnrolments(personId);
  const next = enrolments.find((row) => row.endPeriod === null);
  if (!next)
    throw new AppError(
      ErrorCode.CONFLICT,
      'personId: the person has no open flexible enrolment (enrol as a flexible worker first)',
      { field: 'personId', detailCode: 'no-flexible-enrolment' },
    );
  const current = enrolments.find((row) => covers(row, dateToPeriod(today))) ?? null;
  const period = next.startPeriod > fromPeriod ? next.startPeriod : fromPeriod;
  const { quote, allowed } = quoteFlexibleMonth(await deps.loadBook(), {
    regionCode: next.regionCode,
    period,
    gradePpm: gradePpm ?? next.gradePpm,
  });
  return {
    personId,
    current: current && toView(current),
    next: toView(next),
    fromPeriod: period,
    allowed,
    grades: offeredGrades(next.gradePpm),
    quote,
  };
}
