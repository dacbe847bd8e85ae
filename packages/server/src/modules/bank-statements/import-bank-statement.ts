import { createHash } from 'node:crypto';
import { chinaDateOf, validateCreditCode } from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { fromZodError } from '../../errors/index.ts';
import type { Clock } from '../../app/clock.ts';
import { selectPaymentNosById, selectPaymentsByReference } from '../payments/index.ts';
import { parseStatement, type StatementLine } from './parse-statement.ts';
import {
  insertImport,
  insertStatementRows,
  selectImportByHash,
  selectImportSummary,
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

/** A line of the statement with what becomes of it; a matched line notes the payment it made. */
export interface LineOutcome {
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

/** A statement file read: its lines, and the earlier import of the very same file if there is one. */
export interface ReadStatement {
  fileName: string;
  fileHash: string;
  lines: StatementLine[];
  earlierImportId: number | undefined;
}

/**
 * The first step of importing a bank statement (workflows/bank-statement-import.ts): the request checked,
 * the file hashed (the same file imported again changes nothing) and parsed line by line, each malformed
 * line with its line number and reason.
 */
export async function readStatement(
  deps: { db: Kysely<Database>; clock: Clock },
  input: ImportBankStatementInput,
): Promise<ReadStatement> {
  const parsed = importBankStatementInput.safeParse(input);
  if (!parsed.success) throw fromZodError(parsed.error);
  const { fileName, content } = parsed.data;
  const fileHash = createHash('sha256').update(content).digest('hex');
  const earlier = await selectImportByHash(deps.db, fileHash);
  if (earlier) return { fileName, fileHash, lines: [], earlierImportId: earlier.id };
  return {
    fileName,
    fileHash,
    lines: parseStatement(content, chinaDateOf(deps.clock.now())),
    earlierImportId: undefined,
  };
}

/** The import's row, stored first in the import's transaction (its unique file hash lets one import through). */
export async function startImport(trx: Kysely<Database>, statement: ReadStatement, recordedAt: string) {
  return insertImport(trx, {
    fileName: statement.fileName,
    fileHash: statement.fileHash,
    rowsTotal: statement.lines.length,
    recordedAt,
  });
}

/** The import's existing row under the same file hash, if any (a concurrent import of the same file). */
export async function findImportOf(db: Kysely<Database>, fileHash: string): Promise<number | undefined> {
  return (await selectImportByHash(db, fileHash))?.id;
}

/** Every line stored with its outcome (and payment), and the import's counts. */
export async function finishImport(
  trx: Kysely<Database>,
  importId: number,
  outcomes: readonly LineOutcome[],
): Promise<void> {
  await insertStatementRows(
    trx,
    outcomes.map(({ line, status, reasons, paymentId }) => ({
      importId,
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
  await updateImportCounts(trx, importId, {
    matched: count('matched'),
    unmatched: count('unmatched'),
    invalid: count('invalid'),
  });
}

/**
 * Decides each line's outcome with one query per kind of lookup for the whole file: transfers recorded
 * before (payments), lines waiting for review already, the payers the codes name (registration). Lines
 * whose payer is known and in a region the importer may act in are matched: the workflow pays them.
 */
export async function classifyLines(
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

/** The import's counts as imported, and each row as it stands now (a row resolved since says so). */
export async function summarizeImport(
  db: Kysely<Database>,
  importId: number,
  replayed: boolean,
): Promise<ImportSummary> {
  const { header, rows } = await selectImportSummary(db, importId);
  const paymentNos = await selectPaymentNosById(
    db,
    rows.flatMap((row) => (row.payment_id === null ? [] : [Number(row.payment_id)])),
  );
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
      ...(row.payment_id === null ? {} : { paymentNo: paymentNos.get(Number(row.payment_id))! }),
    })),
  };
}
