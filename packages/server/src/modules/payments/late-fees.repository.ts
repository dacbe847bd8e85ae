import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/** The lines that explain late-fee bills (SIL Art. 86): which bill's money came late, how long, at what rate. */

type Db = Kysely<Database>;

export interface LateFeeLineRow {
  bill_id: number;
  source_bill_id: number;
  payment_id: number;
  principal_fen: number;
  from_date: string;
  to_date: string;
  days: number;
  daily_rate_ppm: number;
  fee_fen: number;
}

export async function insertLateFeeLines(db: Db, rows: readonly LateFeeLineRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insertInto('late_fee_lines')
      .values(rows.slice(start, start + 500))
      .execute();
  }
}

/** A payment's late-fee lines, in order: the fee bill, the bill paid late, principal, days, fee. */
export async function selectLateFeeLinesOfPayment(db: Db, paymentId: number) {
  return db
    .selectFrom('late_fee_lines')
    .select(['bill_id', 'source_bill_id', 'principal_fen', 'days', 'fee_fen'])
    .where('payment_id', '=', paymentId)
    .orderBy('id')
    .execute();
}

/** The fee's lines again under the credit bill that cancels it, with principal and fee negated. */
export async function insertNegatedLateFeeLines(
  db: Db,
  feeBillId: number,
  creditBillId: number,
): Promise<void> {
  await db
    .insertInto('late_fee_lines')
    .columns([
      'bill_id',
      'source_bill_id',
      'payment_id',
      'principal_fen',
      'from_date',
      'to_date',
      'days',
      'daily_rate_ppm',
      'fee_fen',
    ])
    .expression((eb) =>
      eb
        .selectFrom('late_fee_lines')
        .select([
          sql.lit(Number(creditBillId)).as('bill_id'),
          'source_bill_id',
          'payment_id',
          sql<number>`-principal_fen`.as('principal_fen'),
          'from_date',
          'to_date',
          'days',
          'daily_rate_ppm',
          sql<number>`-fee_fen`.as('fee_fen'),
        ])
        .where('bill_id', '=', feeBillId)
        .orderBy('id'),
    )
    .execute();
}
