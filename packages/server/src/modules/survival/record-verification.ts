import { chinaDateOf, type VerificationMethod } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { refuseFutureDate } from '../../shared/business-date.ts';
import { selectStandingReport } from './death-reports.repository.ts';
import { pensionAwardOf } from './pension-award.ts';
import { standingOf } from './standing.ts';
import type { StaffVerificationInput, StandingReply } from './survival.schemas.ts';
import type { Recorder, SurvivalDeps } from './survival-deps.ts';
import { insertVerificationOnce } from './verifications.repository.ts';

/**
 * Records a survival verification (docs/RULES.md 14.9): for the person's pension award, on a day not in
 * the future and not before the award's first month, once (the same award, day and method again changes
 * nothing). Refused for a person with no pension, or whose death is reported. Answers the new standing.
 */
async function recordVerification(
  deps: SurvivalDeps,
  personId: number,
  verification: {
    method: VerificationMethod;
    onDate: string;
    channel: 'person' | 'staff' | 'data-match';
    note?: string;
  },
  recorder: Recorder,
): Promise<StandingReply & { created: boolean }> {
  const today = chinaDateOf(deps.clock.now());
  refuseFutureDate(verification.onDate, today, 'onDate');
  await deps.persons.getPerson(personId);
  const award = await pensionAwardOf(deps, personId);
  if (!award)
    throw new AppError(ErrorCode.VALIDATION, `personId: person ${personId} has no pension award to verify`, {
      field: 'personId',
      detailCode: 'not-a-pensioner',
    });
  if (verification.onDate.slice(0, 7) < award.firstPaymentMonth)
    throw new AppError(
      ErrorCode.VALIDATION,
      `onDate: ${verification.onDate} is before the pension's first month ${award.firstPaymentMonth}`,
      { field: 'onDate' },
    );
  if (await selectStandingReport(deps.db, personId))
    throw new AppError(ErrorCode.CONFLICT, `personId: the death of person ${personId} is reported`, {
      field: 'personId',
      detailCode: 'death-reported',
    });
  const { created } = await insertVerificationOnce(deps.db, {
    person_id: personId,
    award_no: award.awardNo,
    on_date: verification.onDate,
    method: verification.method,
    channel: verification.channel,
    recorded_by: recorder.login,
    note: verification.note ?? null,
    recorded_at: deps.clock.now().toISOString(),
  });
  return { ...(await standingOf(deps, personId, today)), created };
}

/** Staff record one made at the counter, on a visit, through a consulate, or found by a data match. */
export function recordStaffVerification(
  deps: SurvivalDeps,
  personId: number,
  input: StaffVerificationInput,
  recorder: Recorder,
) {
  return recordVerification(
    deps,
    personId,
    {
      method: input.method,
      onDate: input.onDate,
      channel: input.method === 'data-match' ? 'data-match' : 'staff',
      ...(input.note ? { note: input.note } : {}),
    },
    recorder,
  );
}

/**
 * The pensioner's own verification through their signed-in session: in Shebao it stands for the face
 * recognition of the agency's app (the session proves who they are, they attest that they are alive).
 */
export function recordSelfVerification(deps: SurvivalDeps, personId: number, recorder: Recorder) {
  return recordVerification(
    deps,
    personId,
    { method: 'face-recognition', onDate: chinaDateOf(deps.clock.now()), channel: 'person' },
    recorder,
  );
}
