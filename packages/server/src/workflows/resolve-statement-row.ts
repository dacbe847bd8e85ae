import {
  claimStatementRow,
  linkRowToPayment,
  type ResolvedRow,
  type ResolveUnmatchedRowInput,
} from '../modules/bank-statements/index.ts';
import { AppError, ErrorCode } from '../errors/index.ts';
import { resolvePayer } from '../modules/payers/index.ts';
import {
  recordPayments,
  selectPaymentIdsByNo,
  selectPaymentsByReference,
  type PaymentDeps,
} from '../modules/payments/index.ts';
import { runPaymentTransaction } from './payment-transaction.ts';

/**
 * Staff name the payer of a statement row waiting for review (docs/ARCHITECTURE.md, "Workflows"), in one
 * transaction:
 * 1. claim: bank-statements marks the row resolved (of two people resolving it at once, one does);
 * 2. payer: payers finds the payer the code names;
 * 3. record: when the row's bank reference was recorded before (the same transfer on two statements),
 *    the row is linked to that payment, provided it is the same payer; otherwise payments records the
 *    transfer as the payer's payment (oldest bill first, late fees, credit);
 * 4. link: bank-statements notes the payment on the row. Nothing is paid twice.
 */
export async function resolveUnmatchedRow(
  deps: PaymentDeps,
  input: ResolveUnmatchedRowInput,
): Promise<ResolvedRow> {
  return runPaymentTransaction(deps, async (trx, inTransaction) => {
    const row = await claimStatementRow(trx, input);
    const payer = await resolvePayer(trx, row.payerCode, 'payerCode');
    const [recorded] = await selectPaymentsByReference(trx, [row.bankReference]);
    if (recorded) {
      if (recorded.payer_key !== payer.payerKey) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `payerCode: bank reference ${row.bankReference} was recorded as payment ${recorded.payment_no} of another payer`,
          { field: 'payerCode' },
        );
      }
      await linkRowToPayment(trx, row.rowId, recorded.id);
      return { rowId: row.rowId, paymentNo: recorded.payment_no, receipt: null };
    }
    const [receipt] = await recordPayments(inTransaction, [
      {
        payerKey: payer.payerKey,
        amountFen: row.amountFen,
        paidOn: row.paidOn,
        bankReference: row.bankReference,
        channel: 'bank',
      },
    ]);
    const ids = await selectPaymentIdsByNo(trx, [receipt!.paymentNo]);
    await linkRowToPayment(trx, row.rowId, ids.get(receipt!.paymentNo)!);
    return { rowId: row.rowId, paymentNo: receipt!.paymentNo, receipt: receipt! };
  });
}
