import { maskResidentId, validateCreditCode } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { resolvePayer } from '../payers/index.ts';
import { recordPayments, type PaymentDeps, type Receipt } from '../payments/index.ts';
import { runPaymentTransaction } from './join-transaction.ts';
import { resolvePayerCodes } from './resolve-payer-codes.ts';
import { withReasons } from './row-reasons.ts';
import {
  claimUnmatchedRow,
  selectPaymentIdsByNo,
  selectPaymentsByReference,
  selectStatementRow,
  selectUnmatchedRows,
  setRowPayment,
} from './bank-statements.repository.ts';
import {
  resolveUnmatchedRowInput,
  type ResolveUnmatchedRowInput,
  type UnmatchedRow,
} from './bank-statements.schemas.ts';

export interface ResolvedRow {
  rowId: number;
  paymentNo: string;
  /** The payment recorded now; null when the row's transfer had been recorded before and is only linked. */
  receipt: Receipt | null;
}

/**
 * A payer code as a list may show it: an employer's credit code in full, anything else (an identity
 * number, or a mistyped one) masked like every identity number in a list.
 */
function maskUnlessCreditCode(code: string): string {
  return validateCreditCode(code).ok ? code : maskResidentId(code);
}

/** Statement rows waiting for review, oldest first; identity numbers masked. */
export async function listUnmatchedRows(deps: { db: Kysely<Database> }): Promise<UnmatchedRow[]> {
  const rows = await selectUnmatchedRows(deps.db);
  return rows.map((row) => ({
    rowId: row.id,
    importId: row.import_id,
    fileName: row.file_name,
    lineNo: row.line_no,
    // An unmatched row was well-formed, so these are present.
    bankReference: row.bank_reference!,
    payerCode: row.payer_code === null ? null : maskUnlessCreditCode(row.payer_code),
    payerName: row.payer_name,
    amountFen: row.amount_fen!,
    paidOn: row.paid_on!,
    reason: row.reason ?? '',
    ...withReasons(row.reasons),
  }));
}

/**
 * The region of the registered payer that a statement row's own code names, if any. Whoever reviews the
 * row must act in that region too: a row held because its payer lies outside the importer's regions must
 * not be booked to some payer of another region by its staff.
 */
export async function regionOfRowPayer(db: Kysely<Database>, rowId: number): Promise<string | undefined> {
  const code = (await selectStatementRow(db, rowId))?.payer_code;
  if (!code) return undefined;
  const match = (await resolvePayerCodes(db, [code])).get(code);
  return match && 'payerKey' in match ? match.regionCode : undefined;
}

/**
 * Staff name the payer of a row waiting for review: the transfer is recorded as that payer's payment
 * (oldest bill first, late fees, credit) and the row marked resolved with it, in one transaction. When the
 * row's bank reference was recorded before (the same transfer on two statements), the row is linked to
 * that payment instead, provided it is the same payer; nothing is paid twice.
 */
export async function resolveUnmatchedRow(
  deps: PaymentDeps,
  input: ResolveUnmatchedRowInput,
): Promise<ResolvedRow> {
  const parsed = resolveUnmatchedRowInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { rowId, payerCode } = parsed.data;

  return runPaymentTransaction(deps, async (trx, inTransaction) => {
    if (!(await claimUnmatchedRow(trx, rowId))) {
      const row = await selectStatementRow(trx, rowId);
      if (!row)
        throw new AppError(ErrorCode.NOT_FOUND, `rowId: no statement row ${rowId}`, { field: 'rowId' });
      throw new AppError(ErrorCode.CONFLICT, `rowId: row ${rowId} is ${row.status}, not waiting for review`, {
        field: 'rowId',
      });
    }
    const row = (await selectStatementRow(trx, rowId))!;
    const payer = await resolvePayer(trx, payerCode, 'payerCode');
    const reference = row.bank_reference!;

    const [recorded] = await selectPaymentsByReference(trx, [reference]);
    if (recorded) {
      if (recorded.payer_key !== payer.payerKey) {
        throw new AppError(
          ErrorCode.CONFLICT,
          `payerCode: bank reference ${reference} was recorded as payment ${recorded.payment_no} of another payer`,
          { field: 'payerCode' },
        );
      }
      await setRowPayment(trx, rowId, recorded.id);
      return { rowId, paymentNo: recorded.payment_no, receipt: null };
    }

    const [receipt] = await recordPayments(inTransaction, [
      {
        payerKey: payer.payerKey,
        amountFen: row.amount_fen!,
        paidOn: row.paid_on!,
        bankReference: reference,
        channel: 'bank',
      },
    ]);
    const ids = await selectPaymentIdsByNo(trx, [receipt!.paymentNo]);
    await setRowPayment(trx, rowId, ids.get(receipt!.paymentNo)!);
    return { rowId, paymentNo: receipt!.paymentNo, receipt: receipt! };
  });
}
