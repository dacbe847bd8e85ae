import type { Insertable, Kysely } from 'kysely';
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
