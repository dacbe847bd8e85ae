import { addMonths, checkFlexibleBase, dateToPeriod, type FlexibleBaseRange } from '@shebao/domain';
import { parseInput, stampNow, type RegistrationContext } from './context.ts';
import { conflict, ruleViolation, withPolicy } from './failures.ts';
import type { FlexibleEnrolment } from './records.ts';
import {
  closeEnrolment,
  insertEnrolment,
  selectEnrolmentsOfPerson,
  updateEnrolmentBase,
} from './registration.repository.ts';
import { changeFlexibleGradeInput, type ChangeFlexibleGradeInput } from './registration.schemas.ts';

export interface FlexibleGradeChange {
  /** The enrolment that carries the new grade from `fromPeriod` on. */
  enrolment: FlexibleEnrolment;
  /** The first month billed on the new base. */
  fromPeriod: string;
  /** False when the grade asked for is already the one in force from that month: nothing was written. */
  changed: boolean;
  allowed: FlexibleBaseRange;
}

/**
 * The first month a new grade can apply to: the month after the current one. The current month may be
 * assessed at any time (and its bill may already exist), so a change never reaches back into it.
 */
export function nextGradePeriod(today: string): string {
  return addMonths(dateToPeriod(today), 1);
}

/**
 * A flexible worker changes their base grade (60%-300% of the average wage) for the months to come. The
 * open enrolment ends with the current month and a new one with the same payment method starts the next
 * month; when that new enrolment already exists (a second change within the month) its base is replaced,
 * since no month has been billed on it yet. One transaction.
 */
export async function changeFlexibleGrade(
  context: RegistrationContext,
  input: ChangeFlexibleGradeInput,
): Promise<FlexibleGradeChange> {
  const request = parseInput(changeFlexibleGradeInput, input);
  const { today, recordedAt } = stampNow(context);
  const fromPeriod = nextGradePeriod(today);
  const book = await context.loadBook();
  return context.db.transaction().execute(async (trx) => {
    const open = (await selectEnrolmentsOfPerson(trx, request.personId)).find(
      (row) => row.endPeriod === null,
    );
    if (!open)
      throw conflict('personId', 'the person has no open flexible enrolment whose grade could change');
    const averageWage = withPolicy('gradePpm', () =>
      book.require<number>('base.averageWage', { regionCode: open.regionCode, period: fromPeriod }),
    );
    const check = checkFlexibleBase(averageWage.value, { gradePpm: request.gradePpm });
    if (!check.ok) throw ruleViolation(check.field, check.reason);
    const { minFen, maxFen, averageWageFen } = check;
    const allowed = { minFen, maxFen, averageWageFen };
    if (open.gradePpm === check.gradePpm && open.baseFen === check.baseFen)
      return {
        enrolment: open,
        fromPeriod: open.startPeriod > fromPeriod ? open.startPeriod : fromPeriod,
        changed: false,
        allowed,
      };
    if (open.startPeriod >= fromPeriod) {
      await updateEnrolmentBase(trx, open.id, check.baseFen, check.gradePpm);
      const enrolment = { ...open, baseFen: check.baseFen, gradePpm: check.gradePpm };
      return { enrolment, fromPeriod: open.startPeriod, changed: true, allowed };
    }
    if ((await closeEnrolment(trx, open.id, addMonths(fromPeriod, -1))) === 0)
      throw conflict('personId', 'the enrolment was changed by another request just now');
    const enrolment = await insertEnrolment(trx, {
      person_id: open.personId,
      region_code: open.regionCode,
      base_fen: check.baseFen,
      grade_ppm: check.gradePpm,
      payment_method: open.paymentMethod,
      bank_account: open.bankAccount,
      agreement_no: open.agreementNo,
      start_period: fromPeriod,
      end_period: null,
      enrolled_on: today,
      recorded_at: recordedAt,
    });
    return { enrolment, fromPeriod, changed: true, allowed };
  });
}
