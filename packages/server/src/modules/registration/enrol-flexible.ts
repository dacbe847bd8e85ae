import {
  checkFlexibleBase,
  checkPoolingRegion,
  dateToPeriod,
  rangesOverlap,
  type FlexibleBaseRange,
} from '@shebao/domain';
import { parseInput, stampNow, type RegistrationContext } from './context.ts';
import { conflict, invalidField, ruleViolation, withPolicy } from './failures.ts';
import type { FlexibleEnrolment } from './records.ts';
import {
  insertEnrolment,
  selectEmploymentsOfPerson,
  selectEnrolmentsOfPerson,
  updatePersonCategory,
} from './registration.repository.ts';
import { resolvePerson } from './resolve-refs.ts';
import { enrolFlexibleInput, type EnrolFlexibleInput } from './registration.schemas.ts';

export interface FlexibleEnrolmentResult {
  enrolment: FlexibleEnrolment;
  /** The bases allowed for the start period: 60% to 300% of the average wage (GBF-2019-13). */
  allowed: FlexibleBaseRange;
}

/**
 * A flexible worker (灵活就业) enrols, or resumes after stopping: a new enrolment row with the chosen
 * base or grade and the payment method (a withholding agreement, or paying themselves). The person
 * becomes a flexible worker in the same transaction.
 */
export async function enrolFlexible(
  context: RegistrationContext,
  input: EnrolFlexibleInput,
): Promise<FlexibleEnrolmentResult> {
  const request = parseInput(enrolFlexibleInput, input);
  const { today, recordedAt } = stampNow(context);
  const regionProblem = checkPoolingRegion(request.regionCode);
  if (regionProblem) throw invalidField('regionCode', regionProblem);
  const book = await context.loadBook();
  const averageWage = withPolicy('startPeriod', () =>
    book.require<number>('base.averageWage', { regionCode: request.regionCode, period: request.startPeriod }),
  );
  const check = checkFlexibleBase(
    averageWage.value,
    request.gradePpm !== undefined ? { gradePpm: request.gradePpm } : { baseFen: request.baseFen! },
  );
  if (!check.ok) throw ruleViolation(check.field, check.reason);

  return context.db.transaction().execute(async (trx) => {
    const person = await resolvePerson(trx, request);
    const from = { from: request.startPeriod, to: null };
    const overlapping = (await selectEnrolmentsOfPerson(trx, person.id)).find((row) =>
      rangesOverlap(from, { from: row.startPeriod, to: row.endPeriod }),
    );
    if (overlapping) {
      const until = overlapping.endPeriod === null ? 'with no end' : `to ${overlapping.endPeriod}`;
      throw conflict(
        'startPeriod',
        `the person is already enrolled from ${overlapping.startPeriod} ${until}`,
      );
    }
    // Pension insurance is held once: while an employer pays for a month, the person cannot pay as flexible.
    const employment = (await selectEmploymentsOfPerson(trx, person.id)).find((row) =>
      rangesOverlap(from, {
        from: dateToPeriod(row.hiredOn),
        to: row.leftOn === null ? null : dateToPeriod(row.leftOn),
      }),
    );
    if (employment) {
      throw ruleViolation(
        'startPeriod',
        employment.leftOn === null
          ? `the person is employed since ${employment.hiredOn}; enrol as a flexible worker after leaving`
          : `the person is employed until ${employment.leftOn}; start after that month`,
      );
    }
    const enrolment = await insertEnrolment(trx, {
      person_id: person.id,
      region_code: request.regionCode,
      base_fen: check.baseFen,
      grade_ppm: check.gradePpm,
      payment_method: request.paymentMethod,
      bank_account: request.bankAccount ?? null,
      agreement_no: request.agreementNo ?? null,
      start_period: request.startPeriod,
      end_period: null,
      enrolled_on: today,
      recorded_at: recordedAt,
    });
    if (person.category !== 'flexible') await updatePersonCategory(trx, person.id, 'flexible');
    const { minFen, maxFen, averageWageFen } = check;
    return { enrolment, allowed: { minFen, maxFen, averageWageFen } };
  });
}
