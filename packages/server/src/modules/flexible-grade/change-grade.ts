import type { PolicyBook } from '@shebao/domain';
import type { RegistrationService } from '../registration/index.ts';
import type { GradeChange } from './flexible-grade.schemas.ts';
import { quoteFlexibleMonth } from './quote-flexible-month.ts';

export interface ChangeGradeDeps {
  registration: Pick<RegistrationService, 'getPerson' | 'changeFlexibleGrade'>;
  loadBook(): Promise<PolicyBook>;
}

/**
 * A flexible worker's new grade from next month on (registration.changeFlexibleGrade), with what a month
 * costs at it, quoted with the assessment's calculator. NOT_FOUND for an unknown person.
 */
export async function changeGrade(
  deps: ChangeGradeDeps,
  personId: number,
  gradePpm: number,
): Promise<GradeChange> {
  await deps.registration.getPerson(personId);
  const change = await deps.registration.changeFlexibleGrade({ personId, gradePpm });
  const { quote } = quoteFlexibleMonth(await deps.loadBook(), {
    regionCode: change.enrolment.regionCode,
    period: change.fromPeriod,
    gradePpm: change.enrolment.gradePpm,
  });
  const { regionCode, baseFen, paymentMethod, startPeriod, endPeriod } = change.enrolment;
  return {
    changed: change.changed,
    fromPeriod: change.fromPeriod,
    enrolment: {
      regionCode,
      gradePpm: change.enrolment.gradePpm,
      baseFen,
      paymentMethod,
      startPeriod,
      endPeriod,
    },
    quote,
  };
}
