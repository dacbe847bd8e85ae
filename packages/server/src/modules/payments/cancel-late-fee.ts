import { FUNDS, zeroFundAmounts, type BusinessDate } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { insertCancellingBill, refreshPaidAmounts, selectBillsById } from '../collection/index.ts';
import { insertOffset } from './allocations.repository.ts';
import { insertNegatedLateFeeLines, selectLateFeeLinesOfPayment } from './late-fees.repository.ts';
import { selectOpenBills } from './open-bills.ts';

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
  const lines = await selectLateFeeLinesOfPayment(db, paymentId);
  const bills = await selectBillsById(
    db,
    lines.map((line) => Number(line.bill_id)),
  );
  const fee = [...bills.values()].find((bill) => bill.totalFen > 0);
  return fee ? { id: fee.id, billNo: fee.billNo, totalFen: fee.totalFen } : null;
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
  const billNo = `LFR-${payment.paymentNo}`;
  const id = await insertCancellingBill(trx, feeBill.id, { billNo, dueDate: reversedOn, recordedAt });
  await insertNegatedLateFeeLines(trx, feeBill.id, id);
  return { id, billNo };
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
  await insertOffset(trx, { creditBillId, billId: feeBillId, amountFen, funds, recordedAt });
  await refreshPaidAmounts(trx, [feeBillId, creditBillId]);
}
