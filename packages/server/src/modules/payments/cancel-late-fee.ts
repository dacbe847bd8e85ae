import { FUNDS, zeroFundAmounts, type BusinessDate } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { refreshPaidAmounts, selectOpenBills } from './payments.repository.ts';

/**
 * Cancelling the late fee a reversed payment caused (SIL Art. 86: the fee runs on arrears until they are
 * really paid; the fee computed to the day of a payment that did not happen never arose).
 */

export interface FeeBill {
  id: number;
  billNo: string;
  totalFen: number;
}

/** The late-fee bill a payment caused (one per payment, `LF-<payment>`), found through its lines. */
export async function selectLateFeeBill(db: Kysely<Database>, paymentId: number): Promise<FeeBill | null> {
  const row = await db
    .selectFrom('late_fee_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .select(['b.id', 'b.bill_no', 'b.total_fen'])
    .where('l.payment_id', '=', paymentId)
    .where('b.total_fen', '>', 0)
    .executeTakeFirst();
  return row ? { id: Number(row.id), billNo: row.bill_no, totalFen: Number(row.total_fen) } : null;
}

/**
 * A credit bill for the whole fee (`LFR-<payment>`), explained by the fee's lines with their signs turned:
 * the same principal, days and rate, cancelled.
 */
export async function insertLateFeeCredit(
  trx: Kysely<Database>,
  feeBill: FeeBill,
  payment: { id: number; paymentNo: string },
  reversedOn: BusinessDate,
  recordedAt: string,
): Promise<{ id: number; billNo: string }> {
  const fee = await trx
    .selectFrom('bills')
    .selectAll()
    .where('id', '=', feeBill.id)
    .executeTakeFirstOrThrow();
  const billNo = `LFR-${payment.paymentNo}`;
  const { id } = await trx
    .insertInto('bills')
    .values({
      bill_no: billNo,
      region_code: fee.region_code,
      period: fee.period,
      payer_key: fee.payer_key,
      employer_id: fee.employer_id,
      person_id: fee.person_id,
      kind: 'late_fee',
      due_date: reversedOn,
      employer_fen: -fee.employer_fen,
      employee_fen: -fee.employee_fen,
      total_fen: -fee.total_fen,
      pension_fen: -fee.pension_fen,
      medical_fen: -fee.medical_fen,
      unemployment_fen: -fee.unemployment_fen,
      work_injury_fen: -fee.work_injury_fen,
      run_id: null,
      recorded_at: recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
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
          sql.lit(Number(id)).as('bill_id'),
          'source_bill_id',
          'payment_id',
          sql<number>`-principal_fen`.as('principal_fen'),
          'from_date',
          'to_date',
          'days',
          'daily_rate_ppm',
          sql<number>`-fee_fen`.as('fee_fen'),
        ])
        .where('bill_id', '=', feeBill.id)
        .orderBy('id'),
    )
    .execute();
  return { id: Number(id), billNo };
}

/**
 * Sets the fee's credit bill against what the fee bill still owes once the payment's allocations are
 * gone. When another payment had paid part of the fee, that part of the credit stays with the payer as
 * held credit (the fee it paid no longer exists), used like any credit bill.
 */
export async function offsetCancelledFee(
  trx: Kysely<Database>,
  payerKey: string,
  feeBillId: number,
  creditBillId: number,
  recordedAt: string,
): Promise<void> {
  const open = (await selectOpenBills(trx, [payerKey])).find((bill) => bill.id === feeBillId);
  if (!open) return;
  const funds = zeroFundAmounts();
  for (const fund of FUNDS) funds[fund] = Math.max(0, open.funds[fund]);
  const amountFen = FUNDS.reduce((sum, fund) => sum + funds[fund], 0);
  if (amountFen === 0) return;
  await trx
    .insertInto('bill_offsets')
    .values({
      credit_bill_id: creditBillId,
      bill_id: feeBillId,
      amount_fen: amountFen,
      pension_fen: funds.pension,
      medical_fen: funds.medical,
      unemployment_fen: funds.unemployment,
      work_injury_fen: funds.work_injury,
      recorded_at: recordedAt,
    })
    .execute();
  await refreshPaidAmounts(trx, [feeBillId, creditBillId]);
}
