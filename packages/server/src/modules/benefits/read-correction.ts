import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { DecisionReason } from './decision-reason.schema.ts';
import {
  selectCorrectionAdjustments,
  selectLatestCorrection,
  type CorrectionRow,
} from './record-corrections.repository.ts';
import type { MonthsToReassess, RecordChange, RecordCorrectionView } from './record-correction.schemas.ts';

/** The latest correction proposed for an application, with what it caused; null when none was. */
export async function correctionOf(
  db: Kysely<Database>,
  applicationId: number,
): Promise<RecordCorrectionView | null> {
  const row = await selectLatestCorrection(db, applicationId);
  return row ? toCorrectionView(db, row) : null;
}

async function toCorrectionView(db: Kysely<Database>, row: CorrectionRow): Promise<RecordCorrectionView> {
  const adjustments = row.reassessed_at === null ? [] : await selectCorrectionAdjustments(db, row.id);
  return {
    approvalId: row.approval_id,
    status: row.status,
    changes: JSON.parse(row.changes) as RecordChange[],
    reasons: JSON.parse(row.reasons) as DecisionReason[],
    months: JSON.parse(row.months) as MonthsToReassess[],
    proposedBy: row.proposed_by,
    proposedAt: row.proposed_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    reassessedAt: row.reassessed_at,
    adjustments: adjustments.map((adjustment) => ({
      billNo: adjustment.bill_no,
      period: adjustment.period,
      employerId: adjustment.employer_id,
      personFen: adjustment.person_fen,
      billTotalFen: adjustment.bill_total_fen,
    })),
  };
}
