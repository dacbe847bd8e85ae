import { maskResidentId, validateCreditCode } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import type { Receipt } from '../payments/index.ts';
import { resolvePayerCodes } from './resolve-payer-codes.ts';
import { withReasons } from './row-reasons.ts';
import {
  claimUnmatchedRow,
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
 * The first step of resolving a row waiting for review (workflows/resolve-statement-row.ts), in its
 * transaction: the row is marked resolved unless it no longer waits (the update locks it, so of two people
 * resolving it at once the second is refused and records nothing). Answers the row's transfer.
 */
export async function claimStatementRow(
  trx: Kysely<Database>,
  input: ResolveUnmatchedRowInput,
): Promise<{ rowId: number; payerCode: string; bankReference: string; amountFen: number; paidOn: string }> {
  const parsed = resolveUnmatchedRowInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { rowId, payerCode } = parsed.data;
  if (!(await claimUnmatchedRow(trx, rowId))) {
    const row = await selectStatementRow(trx, rowId);
    if (!row) throw new AppError(ErrorCode.NOT_FOUND, `rowId: no statement row ${rowId}`, { field: 'rowId' });
    throw new AppError(ErrorCode.CONFLICT, `rowId: row ${rowId} is ${row.status}, not waiting for review`, {
      field: 'rowId',
    });
  }
  const row = (await selectStatementRow(trx, rowId))!;
  // An unmatched row was well-formed, so these are present.
  return {
    rowId,
    payerCode,
    bankReference: row.bank_reference!,
    amountFen: row.amount_fen!,
    paidOn: row.paid_on!,
  };
}

/** Notes on a resolved row the payment that recorded its transfer. */
export async function linkRowToPayment(
  trx: Kysely<Database>,
  rowId: number,
  paymentId: number,
): Promise<void> {
  await setRowPayment(trx, rowId, paymentId);
}
