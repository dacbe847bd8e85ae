import { createHash } from 'node:crypto';
import { chinaDateOf, validateCreditCode } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { fromZodError } from '../../errors/index.ts';
import { recordPayments, type PaymentDeps, type PaymentInput } from '../payments/index.ts';
import { runPaymentTransaction } from './join-transaction.ts';
import { parseStatement, type StatementLine } from './parse-statement.ts';
import {
  insertImport,
  insertStatementRows,
  selectImportByHash,
  selectImportSummary,
  selectPaymentIdsByNo,
  selectPaymentsByReference,
  selectPendingRowsByReference,
  updateImportCounts,
} from './bank-statements.repository.ts';
import { resolvePayerCodes } from './resolve-payer-codes.ts';
import { describeRowReasons, reason, withReasons, type RowReason } from './row-reasons.ts';
import {
  importBankStatementInput,
  type ImportBankStatementInput,
  type ImportSummary,
  type StatementRowStatus,
} from './bank-statements.schemas.ts';

interface LineOutcome {
  line: StatementLine;
  status: StatementRowStatus;
  reasons: RowReason[];
  payerKey: string | null;
  paymentId: number | null;
}

/**
 * Who imports: the regions they may act in. A line whose payer is registered elsewhere is not paid by
 * them; it waits for review, where staff of the payer's region can name the payer (least privilege: a
 * collector of one district cannot book money to another district's payers through a statement). An
 * importer who does not act everywhere is told the same for a payer elsewhere as for one not registered,
 * so that a statement cannot be used to find out where somebody is registered.
 */
export interface StatementImporter {
  actsEverywhere: boolean;
  mayActIn(regionCode: string): boolean;
}

/** The operator at the command line, or staff whose regions cover the whole country. */
export const IMPORTER_EVERYWHERE: StatementImporter = { actsEverywhere: true, mayActIn: () => true };

/**
 * What a restricted importer reads for a payer not found within their regions, wherever it is. A credit
 * code is named (it is the importer's own file, and no personal data); an identity number is not, as the
 * reason is shown in the review list.
 */
function notInImporterRegions(payerCode: string): RowReason {
  const credit = validateCreditCode(payerCode);
  return reason('not-in-importer-regions', credit.ok ? { creditCode: credit.code } : {});
}

/**
 * Imports a bank statement: every line is stored with its outcome. Well-formed lines whose payer is known
 * (and in a region the importer may act in) are paid, all in one batch (oldest bill first, late fees,
 * credit); lines whose payer cannot be found, is outside the importer's regions, or whose transfer was
 * recorded before wait for review; malformed lines are reported with their line number and reason. One
 * bad line never stops the others, and the rows and payments commit together. The same file imported
 * again changes nothing and returns the first import's summary.
 */
export async function importBankStatement(
  deps: PaymentDeps,
  input: ImportBankStatementInput,
  importer: StatementImporter,
): Promise<ImportSummary> {
  const parsed = importBankStatementInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { fileName, content } = parsed.data;
  const fileHash = createHash('sha256').update(content).digest('hex');
  const earlier = await selectImportByHash(deps.db, fileHash);
  if (earlier) return summarizeImport(deps.db, earlier.id, true);

  const now = deps.clock.now();
  const lines = parseStatement(content, chinaDateOf(now));
  let importId: number;
  try {
    importId = await runPaymentTransaction(deps, async (trx, inTransaction) => {
      const id = await insertImport(trx, {
        fileName,
        fileHash,
        rowsTotal: lines.length,
        recordedAt: now.toISOString(),
      });
      const outcomes = await classifyLines(trx, lines, importer);
      await payMatchedLines(trx, inTransaction, outcomes);
      await insertStatementRows(
        trx,
        outcomes.map(({ line, status, reasons, paymentId }) => ({
          importId: id,
          lineNo: line.lineNo,
          bankReference: line.bankReference,
          payerCode: line.payerCode,
          payerName: line.payerName,
          amountFen: line.amountFen,
          paidOn: line.paidOn,
          status,
          reason: describeRowReasons(reasons),
          reasons: reasons.length ? JSON.stringify(reasons) : null,
          paymentId,
        })),
      );
      const count = (status: StatementRowStatus) =>
        outcomes.filter((outcome) => outcome.status === status).length;
      await updateImportCounts(trx, id, {
        matched: count('matched'),
        unmatched: count('unmatched'),
        invalid: count('invalid'),
      });
      return id;
    });
  } catch (error) {
    // The same file imported twice at once: the unique file hash lets one through, the other reports it.
    const winner = await selectImportByHash(deps.db, fileHash);
    if (winner) return summarizeImport(deps.db, winner.id, true);
    throw error;
  }
  return summarizeImport(deps.db, importId, false);
}

/** Decides each line's outcome with one query per kind of lookup for the whole file. */
async function classifyLines(
  db: Kysely<Database>,
  lines: readonly StatementLine[],
  importer: StatementImporter,
): Promise<LineOutcome[]> {
  const wellFormed = lines.filter((line) => line.problems.length === 0);
  const references = wellFormed.map((line) => line.bankReference!);
  const paid = new Map(
    (await selectPaymentsByReference(db, references)).map((row) => [row.bank_reference!, row.payment_no]),
  );
  const pending = new Map(
    (await selectPendingRowsByReference(db, references)).map((row) => [row.bank_reference!, row]),
  );
  const payers = await resolvePayerCodes(
    db,
    wellFormed.flatMap((line) => (line.payerCode === null ? [] : [line.payerCode])),
  );

  return lines.map((line): LineOutcome => {
    const outcome = (status: StatementRowStatus, reasons: RowReason[], payerKey: string | null = null) => ({
      line,
      status,
      reasons,
      payerKey,
      paymentId: null,
    });
    if (line.problems.length) return outcome('invalid', line.problems);
    const reference = line.bankReference!;
    const paymentNo = paid.get(reference);
    if (paymentNo) {
      return outcome('unmatched', [reason('already-recorded', { reference, paymentNo })]);
    }
    const waiting = pending.get(reference);
    if (waiting) {
      return outcome('unmatched', [
        reason('already-waiting', { reference, importId: waiting.import_id, lineNo: waiting.line_no }),
      ]);
    }
    if (line.payerCode === null) return outcome('unmatched', [reason('payer-code-missing')]);
    const payer = payers.get(line.payerCode)!;
    if ('reason' in payer) {
      const hide = payer.notFound && !importer.actsEverywhere;
      return outcome('unmatched', [hide ? notInImporterRegions(line.payerCode) : payer.reason]);
    }
    if (!importer.mayActIn(payer.regionCode)) {
      return outcome('unmatched', [notInImporterRegions(line.payerCode)]);
    }
    return outcome('matched', [], payer.payerKey);
  });
}

/** Pays every matched line in one batch and notes on each line the payment it made. */
async function payMatchedLines(
  trx: Kysely<Database>,
  deps: PaymentDeps,
  outcomes: LineOutcome[],
): Promise<void> {
  const matched = outcomes.filter((outcome) => outcome.status === 'matched');
  if (matched.length === 0) return;
  const receipts = await recordPayments(
    deps,
    matched.map(({ line, payerKey }): PaymentInput => ({
      payerKey: payerKey!,
      amountFen: line.amountFen!,
      paidOn: line.paidOn!,
      bankReference: line.bankReference,
      channel: 'bank',
    })),
  );
  const ids = await selectPaymentIdsByNo(
    trx,
    receipts.map((receipt) => receipt.paymentNo),
  );
  matched.forEach((outcome, index) => {
    outcome.paymentId = ids.get(receipts[index]!.paymentNo)!;
  });
}

/** The import's counts as imported, and each row as it stands now (a row resolved since says so). */
async function summarizeImport(
  db: Kysely<Database>,
  importId: number,
  replayed: boolean,
): Promise<ImportSummary> {
  const { header, rows } = await selectImportSummary(db, importId);
  return {
    importId: header.id,
    fileName: header.file_name,
    replayed,
    rowsTotal: header.rows_total,
    matched: header.rows_matched,
    unmatched: header.rows_unmatched,
    invalid: header.rows_invalid,
    rows: rows.map((row) => ({
      lineNo: row.line_no,
      status: row.status,
      ...(row.reason === null ? {} : { reason: row.reason }),
      ...withReasons(row.reasons),
      ...(row.payment_no === null ? {} : { paymentNo: row.payment_no }),
    })),
  };
}
