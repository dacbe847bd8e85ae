import type { BillKind, Database } from '../../db/index.ts';
import type { Kysely } from 'kysely';
import type { BillTotals } from './bill-rows.ts';

export interface BillHeader {
  billNo: string;
  regionCode: string;
  period: string;
  payerKey: string;
  employerId: number | null;
  personId: number | null;
  kind: BillKind;
  /** 1 for an estimate (SIL Art. 62) or the credit that takes one back. */
  estimated?: 0 | 1;
  dueDate: string;
  runId?: number | null;
}

/** Writes one bill (adjustment, settlement) with its totals; the monthly run writes its bills in bulk. */
export async function insertBill(
  trx: Kysely<Database>,
  header: BillHeader,
  totals: BillTotals,
  recordedAt: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('bills')
    .values({
      bill_no: header.billNo,
      region_code: header.regionCode,
      period: header.period,
      payer_key: header.payerKey,
      employer_id: header.employerId,
      person_id: header.personId,
      kind: header.kind,
      estimated: header.estimated ?? 0,
      due_date: header.dueDate,
      employer_fen: totals.employerFen,
      employee_fen: totals.employeeFen,
      total_fen: totals.totalFen,
      pension_fen: totals.funds.pension,
      medical_fen: totals.funds.medical,
      unemployment_fen: totals.funds.unemployment,
      work_injury_fen: totals.funds.work_injury,
      run_id: header.runId ?? null,
      recorded_at: recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
