import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { moveApplication } from './application-transition.ts';
import type { ApplicationRow } from './applications.repository.ts';
import type { BenefitsDeps } from './benefits-deps.ts';
import { returnToReview } from './mark-proposed.ts';
import { requireApplication } from './read-application.ts';
import {
  decideCorrection,
  insertCorrection,
  insertCorrectionAdjustments,
  markReassessed,
  selectLatestCorrection,
} from './record-corrections.repository.ts';
import type { CorrectionAdjustment, RecordCorrectionPayload } from './record-correction.schemas.ts';

/*
 * The benefit side of granting a request to correct the record (docs/RULES.md 14.19): the proposal kept
 * with the application, the decision, and what the reassessment that follows caused. The changes to the
 * register themselves are registration's, applied by workflows/correct-record.ts.
 */

type Who = { proposedBy: string; approvedBy: string; approvalId: number };

/** A record-correction application under review, the only kind and state a correction is proposed for. */
export async function requireCorrectable(deps: BenefitsDeps, applicationId: number): Promise<ApplicationRow> {
  const row = await requireApplication(deps, applicationId);
  if (row.kind !== 'record-correction')
    throw new AppError(
      ErrorCode.VALIDATION,
      `applicationId: application ${row.application_no} is a ${row.kind} claim, not a request to correct the record`,
      { field: 'applicationId' },
    );
  if (row.state !== 'under-review')
    throw new AppError(
      ErrorCode.CONFLICT,
      `application ${row.application_no} is ${row.state}: a correction is proposed while it is under review`,
      { field: 'applicationId', detailCode: 'application-state' },
    );
  return row;
}

/** Keeps the proposal with the application, which waits for the second person; in the proposal's transaction. */
export async function recordCorrectionProposed(
  deps: BenefitsDeps,
  trx: Kysely<Database>,
  payload: RecordCorrectionPayload,
  who: { proposedBy: string; approvalId: number },
): Promise<void> {
  await insertCorrection(trx, {
    application_id: payload.applicationId,
    approval_id: who.approvalId,
    status: 'proposed',
    changes: JSON.stringify(payload.changes),
    reasons: JSON.stringify(payload.reasons),
    months: JSON.stringify(payload.months),
    proposed_by: who.proposedBy,
    proposed_at: deps.clock.now().toISOString(),
    decided_by: null,
    decided_at: null,
    reassessed_at: null,
  });
  await moveApplication(
    deps,
    payload.applicationId,
    {
      from: ['under-review'],
      to: 'proposed',
      event: 'decision-proposed',
      note: payload.reasons.map((reason) => reason.message).join(' '),
      approvalId: who.approvalId,
    },
    { login: who.proposedBy, side: 'staff' },
    trx,
  );
}

/**
 * Decides the application as granted (the decision vocabulary's 'award': the request is granted) with the
 * proposal's reasons, in the approval's transaction, after the changes were applied there.
 */
export async function grantCorrection(
  deps: BenefitsDeps,
  trx: Kysely<Database>,
  payload: RecordCorrectionPayload,
  who: Who,
): Promise<void> {
  const decided = await decideCorrection(trx, who.approvalId, {
    status: 'granted',
    decided_by: who.approvedBy,
    decided_at: deps.clock.now().toISOString(),
  });
  if (!decided) throw notWaiting(who.approvalId);
  await moveApplication(
    deps,
    payload.applicationId,
    {
      from: ['proposed'],
      to: 'decided',
      event: 'decided',
      note: payload.reasons.map((reason) => reason.message).join(' '),
      decision: { decision: 'award', decision_reasons: JSON.stringify(payload.reasons) },
      approvalId: who.approvalId,
    },
    { login: who.approvedBy, side: 'staff' },
    trx,
  );
}

/** A rejected proposal is kept as rejected and the application goes back to review, clock running. */
export async function rejectCorrection(
  deps: BenefitsDeps,
  trx: Kysely<Database>,
  payload: RecordCorrectionPayload,
  who: { rejectedBy: string; approvalId: number },
): Promise<void> {
  const decided = await decideCorrection(trx, who.approvalId, {
    status: 'rejected',
    decided_by: who.rejectedBy,
    decided_at: deps.clock.now().toISOString(),
  });
  if (!decided) throw notWaiting(who.approvalId);
  await returnToReview(deps, payload.applicationId, { login: who.rejectedBy, side: 'staff' }, trx);
}

function notWaiting(approvalId: number): AppError {
  return new AppError(ErrorCode.CONFLICT, `approvalId: correction ${approvalId} is not waiting any more`, {
    field: 'approvalId',
    detailCode: 'approval-decided',
  });
}

/**
 * Records, once, what the reassessment after a grant caused: the adjustment bills and credits with the
 * person's part. A second call (a retry, a replay) finds it recorded and writes nothing.
 */
export async function recordCorrectionAdjustments(
  deps: BenefitsDeps,
  applicationId: number,
  adjustments: readonly CorrectionAdjustment[],
): Promise<void> {
  const recordedAt = deps.clock.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const row = await selectLatestCorrection(trx, applicationId);
    if (!row || row.status !== 'granted' || !(await markReassessed(trx, row.id, recordedAt))) return;
    await insertCorrectionAdjustments(
      trx,
      adjustments.map((adjustment) => ({
        correction_id: row.id,
        bill_no: adjustment.billNo,
        period: adjustment.period,
        employer_id: adjustment.employerId,
        person_fen: adjustment.personFen,
        bill_total_fen: adjustment.billTotalFen,
        recorded_at: recordedAt,
      })),
    );
  });
}
