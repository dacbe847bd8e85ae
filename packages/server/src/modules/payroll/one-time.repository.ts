import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, OneTimePaymentsTable } from '../../db/index.ts';

type Db = Kysely<Database>;

/** One-time payments; the same source pays once (the unique source key). Returns the ids written. */
export async function insertOneTimePayments(
  db: Db,
  rows: readonly Insertable<OneTimePaymentsTable>[],
): Promise<number[]> {
  if (rows.length === 0) return [];
  const written = await db
    .insertInto('one_time_payments')
    .values([...rows])
    .onConflict((oc) => oc.column('source_key').doNothing())
    .returning('id')
    .execute();
  return written.map((row) => Number(row.id));
}

export function selectOneTimeOfPerson(db: Db, personId: number) {
  return db
    .selectFrom('one_time_payments as o')
    .leftJoin('payroll_lines as l', 'l.one_time_id', 'o.id')
    .leftJoin('payroll_bank_files as f', 'f.id', 'l.bank_file_id')
    .select([
      'o.id',
      'o.kind',
      'o.payee_name',
      'o.payee_account',
      'o.pooled_fen',
      'o.account_fen',
      'o.recovered_fen',
      'o.reason',
      'o.explanation',
      'o.recorded_at',
      'l.period',
      'l.state',
      'f.issued_at',
    ])
    .where('o.person_id', '=', personId)
    .orderBy('o.id')
    .execute();
}

/**
 * What is left on an award's personal account: the balance at retirement, less every draw the payroll
 * made, plus the draws taken back by claims for months not owed (docs/RULES.md 14.21, 14.24).
 */
export async function selectAccountLeft(db: Db, rollId: number): Promise<number> {
  const row = await sql<{ left: number | string }>`
    select r.account_balance_fen
      - coalesce((select sum(l.account_fen) from payroll_lines l where l.roll_id = r.id), 0)
      + coalesce((select sum(c.account_fen) from recovery_claims c where c.roll_id = r.id), 0) as left
    from pension_roll r where r.id = ${rollId}`.execute(db);
  return Number(row.rows[0]?.left ?? 0);
}
