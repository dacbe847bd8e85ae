import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { dialectOf } from '../../db/dialect-of.ts';
import type { Database, PayrollBankFilesTable } from '../../db/index.ts';
import { startsWith } from '../../db/prefix-range.ts';
import type { Fund } from '@shebao/domain';

type Db = Kysely<Database>;
export type BankFileRow = Selectable<PayrollBankFilesTable>;

/**
 * The run's file for each fund and paying bank, created once (the unique index keeps a re-run from doubling
 * them).
 */
export async function insertRunFiles(
  db: Db,
  runId: number,
  files: readonly { fund: Fund; bankCode: string; fileName: string }[],
): Promise<void> {
  await db
    .insertInto('payroll_bank_files')
    .values(
      files.map((file) => ({
        run_id: runId,
        fund: file.fund,
        bank_code: file.bankCode,
        file_name: file.fileName,
      })),
    )
    .execute();
}

export function selectRunFiles(db: Db, runId: number): Promise<BankFileRow[]> {
  return db.selectFrom('payroll_bank_files').selectAll().where('run_id', '=', runId).orderBy('id').execute();
}

export function selectBankFile(db: Db, id: number): Promise<BankFileRow | undefined> {
  return db.selectFrom('payroll_bank_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markFileIssued(
  db: Db,
  id: number,
  issued: { line_count: number; total_fen: number; sha256: string | null; issued_at: string },
): Promise<boolean> {
  const result = await db
    .updateTable('payroll_bank_files')
    .set(issued)
    .where('id', '=', id)
    .where('issued_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A CSV field as the domain's paymentRowText writes it: quoted when it holds a comma, a quote or a line break. */
function csvField(db: Db, column: RawBuilder<string>): RawBuilder<string> {
  const needsQuotes =
    dialectOf(db) === 'postgres'
      ? sql`${column} ~ '[",\r\n]'`
      : sql`${column} glob ('*[",' || char(10) || char(13) || ']*')`;
  return sql<string>`case when ${needsQuotes} then '"' || replace(${column}, '"', '""') || '"' else ${column} end`;
}

/** Whole fen as yuan with two decimals ("3456.78"), as formatFenAsYuan writes a non-negative amount. */
function yuanText(db: Db, fen: RawBuilder<number>): RawBuilder<string> {
  return dialectOf(db) === 'postgres'
    ? sql<string>`(${fen} / 100)::text || '.' || lpad((${fen} % 100)::text, 2, '0')`
    : sql<string>`(${fen} / 100) || '.' || substr('0' || (${fen} % 100), -2)`;
}

/** The highest line id so far (0 before the first). */
export async function selectLastLineId(db: Db): Promise<number> {
  const row = await db
    .selectFrom('payroll_lines')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirst();
  return Number(row?.id ?? 0);
}

export interface FileText {
  text: string;
  count: number;
  totalFen: number;
}

/**
 * The rows of bank files as the bank gets them (docs/RULES.md 14.16), built in the database: each owed
 * line of a file, in line order, as `reference,account,name,amount` with its line break (the payee's
 * account and name: the roll's for a month, the payment's own for a one-time payment), joined into one
 * text per file, with their count and total. A million lines never pass through JavaScript one by one;
 * the format is the domain's `paymentRowText`, which bank-files.repository.test.ts holds it to.
 *
 * The run's own lines (from `fromLineId` on) are read in one pass in line order, each joined into its
 * file's text by a filtered aggregate: one visit of the lines and their payees for all the files, where a
 * query per file would visit every page of both once per file (its lines are every few rows). Older lines
 * moved into a file (payments the bank returned, paid again) come first, found through the file's index.
 */
export async function selectFileTexts(
  db: Db,
  fileIds: readonly number[],
  fromLineId: number,
): Promise<FileText[]> {
  if (fileIds.length === 0) return [];
  const postgres = dialectOf(db) === 'postgres';
  const amount = sql<number>`(l.pooled_fen + l.account_fen - l.recovered_fen)`;
  // Accounts are digits only (every payee is checked against ^\d{12,30}$): never quoted.
  const account = sql<string>`coalesce(r.payee_account, o.payee_account)`;
  const name = csvField(db, sql<string>`coalesce(r.payee_name, o.payee_name)`);
  const rowText = sql<string>`cast(l.id as text) || ',' || ${account} || ',' || ${name} || ',' || ${yuanText(db, amount)} || ${postgres ? sql`chr(10)` : sql`char(10)`}`;
  const perFile = (fileId: number, index: number) =>
    postgres
      ? sql`string_agg(${rowText}, '' order by l.id) filter (where l.bank_file_id = ${sql.lit(fileId)}) as ${sql.ref(`t${index}`)},
          count(*) filter (where l.bank_file_id = ${sql.lit(fileId)}) as ${sql.ref(`c${index}`)},
          sum(${amount}) filter (where l.bank_file_id = ${sql.lit(fileId)}) as ${sql.ref(`s${index}`)}`
      : // SQLite aggregates in the order it visits the rows: line order, scanning the table by id.
        sql`group_concat(case when l.bank_file_id = ${sql.lit(fileId)} then ${rowText} end, '') as ${sql.ref(`t${index}`)},
          count(case when l.bank_file_id = ${sql.lit(fileId)} then 1 end) as ${sql.ref(`c${index}`)},
          sum(case when l.bank_file_id = ${sql.lit(fileId)} then ${amount} end) as ${sql.ref(`s${index}`)}`;
  const columns = sql.join(fileIds.map(perFile), sql`, `);
  const files = sql.join(fileIds.map((fileId) => sql.lit(fileId)));
  const from = sql`from payroll_lines l
    left join benefit_roll r on r.id = l.roll_id
    left join one_time_payments o on o.id = l.one_time_id`;
  // The unary plus keeps SQLite on the id range (one pass) rather than the file index (a seek per file).
  const inFiles = postgres ? sql`l.bank_file_id in (${files})` : sql`+l.bank_file_id in (${files})`;
  const older = await sql<Record<string, string | number | null>>`
    select ${columns} ${from}
    where l.bank_file_id in (${files}) and l.id < ${fromLineId} and l.state = 'owed'`.execute(db);
  const own = await sql<Record<string, string | number | null>>`
    select ${columns} ${from}
    where l.id >= ${fromLineId} and ${inFiles} and l.state = 'owed'`.execute(db);
  const before = older.rows[0] ?? {};
  const after = own.rows[0] ?? {};
  return fileIds.map((_, index) => ({
    text: `${before[`t${index}`] ?? ''}${after[`t${index}`] ?? ''}`,
    count: Number(before[`c${index}`] ?? 0) + Number(after[`c${index}`] ?? 0),
    totalFen: Number(before[`s${index}`] ?? 0) + Number(after[`s${index}`] ?? 0),
  }));
}

/** One file's text (a test compares it with the domain's format). */
export async function selectFileText(db: Db, fileId: number): Promise<FileText> {
  return (await selectFileTexts(db, [fileId], 0))[0]!;
}

/**
 * Returned lines of the region whose payee has a different account now than the one the bank refused:
 * ready to be paid again.
 */
export async function selectReissuableLines(db: Db, regionPrefix: string) {
  return db
    .selectFrom('payroll_lines as l')
    .innerJoin('benefit_roll as r', 'r.id', 'l.roll_id')
    .select(['l.id', 'r.fund', 'r.bank_code', 'r.payee_account'])
    .select((eb) =>
      eb
        .selectFrom('payroll_returned_lines as x')
        .select('x.failed_account')
        .whereRef('x.line_id', '=', 'l.id')
        .orderBy('x.id', 'desc')
        .limit(1)
        .as('failed_account'),
    )
    .where('l.state', '=', 'returned')
    .where(startsWith(db, 'r.region_code', regionPrefix))
    .execute();
}

export async function moveLineToFile(db: Db, lineId: number, fileId: number): Promise<void> {
  await db
    .updateTable('payroll_lines')
    .set({ state: 'owed', bank_file_id: fileId })
    .where('id', '=', lineId)
    .where('state', '=', 'returned')
    .execute();
}

export function selectReturnBySha(db: Db, sha256: string) {
  return db.selectFrom('payroll_bank_returns').selectAll().where('sha256', '=', sha256).executeTakeFirst();
}

export async function insertReturn(
  db: Db,
  row: {
    bank_file_id: number;
    sha256: string;
    rows_read: number;
    failed_count: number;
    failed_fen: number;
    imported_by: string;
    recorded_at: string;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('payroll_bank_returns')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export async function insertReturnedLines(
  db: Db,
  rows: readonly {
    return_id: number;
    line_id: number;
    bank_file_id: number;
    failed_account: string;
    reason: string;
    amount_fen: number;
  }[],
): Promise<void> {
  if (rows.length)
    await db
      .insertInto('payroll_returned_lines')
      .values([...rows])
      .execute();
}

/** Lines of a file by id, with what they paid and to which account (a return is checked against them). */
export async function selectFileLinesById(db: Db, fileId: number, lineIds: readonly number[]) {
  const found = [];
  for (let start = 0; start < lineIds.length; start += 500) {
    found.push(
      ...(
        await sql<{ id: number; state: string; amount: number | string; account: string }>`
        select l.id, l.state, l.pooled_fen + l.account_fen - l.recovered_fen as amount,
          coalesce(r.payee_account, o.payee_account) as account
        from payroll_lines l
        left join benefit_roll r on r.id = l.roll_id
        left join one_time_payments o on o.id = l.one_time_id
        where l.bank_file_id = ${fileId} and l.id in (${sql.join(lineIds.slice(start, start + 500))})`.execute(
          db,
        )
      ).rows,
    );
  }
  return found.map((row) => ({ ...row, id: Number(row.id), amount: Number(row.amount) }));
}
