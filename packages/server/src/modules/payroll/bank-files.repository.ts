import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { dialectOf } from '../../db/dialect-of.ts';
import type { Database, PayrollBankFilesTable } from '../../db/index.ts';
import { startsWith } from '../../db/prefix-range.ts';

type Db = Kysely<Database>;
export type BankFileRow = Selectable<PayrollBankFilesTable>;

/** The run's file for each paying bank, created once (the unique index keeps a re-run from doubling them). */
export async function insertRunFiles(
  db: Db,
  runId: number,
  files: readonly { bankCode: string; fileName: string }[],
): Promise<void> {
  await db
    .insertInto('payroll_bank_files')
    .values(files.map((file) => ({ run_id: runId, bank_code: file.bankCode, file_name: file.fileName })))
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

/**
 * The rows of one bank file as the bank gets them (docs/RULES.md 14.16), built in the database: each owed
 * line of the file, in line order, as `reference,account,name,amount` with its line break (the payee's
 * account and name: the roll's for a month, the payment's own for a one-time payment), joined into one
 * text, with their count and total. A million lines never pass through JavaScript one by one; the
 * format is the domain's `paymentRowText`, which bank-files.repository.test.ts holds it to.
 */
export async function selectFileText(
  db: Db,
  fileId: number,
): Promise<{ text: string; count: number; totalFen: number }> {
  const amount = sql<number>`(l.pooled_fen + l.account_fen - l.recovered_fen)`;
  // Accounts are digits only (every payee is checked against ^\d{12,30}$): never quoted.
  const account = sql<string>`coalesce(r.payee_account, o.payee_account)`;
  const name = csvField(db, sql<string>`coalesce(r.payee_name, o.payee_name)`);
  const rowText = sql<string>`cast(l.id as text) || ',' || ${account} || ',' || ${name} || ',' || ${yuanText(db, amount)}`;
  const joined =
    dialectOf(db) === 'postgres'
      ? sql`string_agg(${rowText} || chr(10), '' order by l.id)`
      : // SQLite visits the file's lines in line order (its index on the file keeps rowids in order within a
        // file, and the joins are nested loops under it); an ORDER BY here would sort a million rows again.
        sql`group_concat(${rowText} || char(10), '')`;
  const result = await sql<{ text: string | null; count: number | string; total: number | string | null }>`
    select ${joined} as text, count(*) as count, sum(${amount}) as total
    from payroll_lines l
    left join pension_roll r on r.id = l.roll_id
    left join one_time_payments o on o.id = l.one_time_id
    where l.bank_file_id = ${fileId} and l.state = 'owed'`.execute(db);
  const row = result.rows[0]!;
  return { text: row.text ?? '', count: Number(row.count), totalFen: Number(row.total ?? 0) };
}

/**
 * Returned lines of the region whose payee has a different account now than the one the bank refused:
 * ready to be paid again.
 */
export async function selectReissuableLines(db: Db, regionPrefix: string) {
  return db
    .selectFrom('payroll_lines as l')
    .innerJoin('pension_roll as r', 'r.id', 'l.roll_id')
    .select(['l.id', 'r.bank_code', 'r.payee_account'])
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
        left join pension_roll r on r.id = l.roll_id
        left join one_time_payments o on o.id = l.one_time_id
        where l.bank_file_id = ${fileId} and l.id in (${sql.join(lineIds.slice(start, start + 500))})`.execute(
          db,
        )
      ).rows,
    );
  }
  return found.map((row) => ({ ...row, id: Number(row.id), amount: Number(row.amount) }));
}
