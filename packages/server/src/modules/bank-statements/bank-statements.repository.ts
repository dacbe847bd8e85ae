import type { Kysely } from 'kysely';
import { bulkInsert, type Database } from '../../db/index.ts';
import type { StatementRowStatus } from './bank-statements.schemas.ts';

type Db = Kysely<Database>;

const IN_CHUNK = 500;

async function selectInChunks<T, K>(keys: readonly K[], select: (chunk: K[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(keys)];
  const rows: T[] = [];
  for (let start = 0; start < unique.length; start += IN_CHUNK) {
    rows.push(...(await select(unique.slice(start, start + IN_CHUNK))));
  }
  return rows;
}

export async function selectImportByHash(db: Db, fileHash: string) {
  return db
    .selectFrom('bank_statement_imports')
    .select(['id', 'file_name'])
    .where('file_hash', '=', fileHash)
    .executeTakeFirst();
}

export async function insertImport(
  db: Db,
  row: { fileName: string; fileHash: string; rowsTotal: number; recordedAt: string },
): Promise<number> {
  const { id } = await db
    .insertInto('bank_statement_imports')
    .values({
      file_name: row.fileName,
      file_hash: row.fileHash,
      rows_total: row.rowsTotal,
      rows_matched: 0,
      rows_unmatched: 0,
      rows_invalid: 0,
      recorded_at: row.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateImportCounts(
  db: Db,
  importId: number,
  counts: { matched: number; unmatched: number; invalid: number },
): Promise<void> {
  await db
    .updateTable('bank_statement_imports')
    .set({
      rows_matched: counts.matched,
      rows_unmatched: counts.unmatched,
      rows_invalid: counts.invalid,
    })
    .where('id', '=', importId)
    .execute();
}

export interface NewStatementRow {
  importId: number;
  lineNo: number;
  bankReference: string | null;
  payerCode: string | null;
  payerName: string | null;
  amountFen: number | null;
  paidOn: string | null;
  status: StatementRowStatus;
  reason: string | null;
  /** The reasons as codes with their values (JSON), for the web app to say in the reader's language. */
  reasons: string | null;
  paymentId: number | null;
}

const ROW_COLUMNS = [
  'import_id',
  'line_no',
  'bank_reference',
  'payer_code',
  'payer_name',
  'amount_fen',
  'paid_on',
  'status',
  'reason',
  'reasons',
  'payment_id',
] as const;
const ROW_TYPES = [
  'bigint',
  'integer',
  'text',
  'text',
  'text',
  'bigint',
  'text',
  'text',
  'text',
  'text',
  'bigint',
] as const;

export async function insertStatementRows(db: Db, rows: readonly NewStatementRow[]): Promise<void> {
  await bulkInsert(
    db,
    'bank_statement_rows',
    ROW_COLUMNS,
    ROW_TYPES,
    rows.map((row) => [
      row.importId,
      row.lineNo,
      row.bankReference,
      row.payerCode,
      row.payerName,
      row.amountFen,
      row.paidOn,
      row.status,
      row.reason,
      row.reasons,
      row.paymentId,
    ]),
  );
}

/** The import's counts and every row's outcome, with the payment a row made. */
export async function selectImportSummary(db: Db, importId: number) {
  const header = await db
    .selectFrom('bank_statement_imports')
    .select(['id', 'file_name', 'rows_total', 'rows_matched', 'rows_unmatched', 'rows_invalid'])
    .where('id', '=', importId)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('bank_statement_rows')
    .select(['line_no', 'status', 'reason', 'reasons', 'payment_id'])
    .where('import_id', '=', importId)
    .orderBy('line_no')
    .execute();
  return { header, rows };
}

/** Rows of earlier imports still waiting for review under any of these bank references. */
export async function selectPendingRowsByReference(db: Db, references: readonly string[]) {
  return selectInChunks(references, (chunk) =>
    db
      .selectFrom('bank_statement_rows')
      .select(['id', 'import_id', 'line_no', 'bank_reference'])
      .where('status', '=', 'unmatched')
      .where('bank_reference', 'in', chunk)
      .execute(),
  );
}

export async function selectUnmatchedRows(db: Db) {
  return db
    .selectFrom('bank_statement_rows as r')
    .innerJoin('bank_statement_imports as i', 'i.id', 'r.import_id')
    .select([
      'r.id',
      'r.import_id',
      'i.file_name',
      'r.line_no',
      'r.bank_reference',
      'r.payer_code',
      'r.payer_name',
      'r.amount_fen',
      'r.paid_on',
      'r.reason',
      'r.reasons',
    ])
    .where('r.status', '=', 'unmatched')
    .orderBy('r.id')
    .execute();
}

export async function selectStatementRow(db: Db, rowId: number) {
  return db.selectFrom('bank_statement_rows').selectAll().where('id', '=', rowId).executeTakeFirst();
}

/**
 * Marks a row resolved unless it is no longer waiting for review. Done first in the resolving
 * transaction: the update locks the row, so of two people resolving it at once the second sees it
 * resolved and records nothing.
 */
export async function claimUnmatchedRow(db: Db, rowId: number): Promise<boolean> {
  const result = await db
    .updateTable('bank_statement_rows')
    .set({ status: 'resolved' })
    .where('id', '=', rowId)
    .where('status', '=', 'unmatched')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function setRowPayment(db: Db, rowId: number, paymentId: number): Promise<void> {
  await db
    .updateTable('bank_statement_rows')
    .set({ payment_id: paymentId })
    .where('id', '=', rowId)
    .execute();
}
