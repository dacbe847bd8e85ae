import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

type Db = Kysely<Database>;

/** An award's lines, newest first, with the file that paid each and whether the bank returned it. */
export async function selectLinesOfRoll(db: Db, rollId: number, limit: number) {
  const rows = await sql<{
    id: number;
    period: string;
    due_fen: number | string;
    pooled_fen: number | string;
    account_fen: number | string;
    recovered_fen: number | string;
    state: string;
    issued_at: string | null;
    bank_code: string | null;
    return_reason: string | null;
  }>`
    select l.id, l.period, l.due_fen, l.pooled_fen, l.account_fen, l.recovered_fen, l.state, f.issued_at, f.bank_code,
      (select x.reason from payroll_returned_lines x where x.line_id = l.id order by x.id desc limit 1) as return_reason
    from payroll_lines l
    left join payroll_bank_files f on f.id = l.bank_file_id
    where l.roll_id = ${rollId}
    order by l.period desc
    limit ${limit}`.execute(db);
  return rows.rows;
}

/** The arrears and recoveries of an award, settled or waiting. */
export function selectAdjustmentsForRoll(db: Db, rollId: number) {
  return db
    .selectFrom('payment_adjustments')
    .select([
      'id',
      'for_period',
      'pooled_fen',
      'account_fen',
      'reason',
      'note',
      'settled_line_id',
      'recorded_at',
    ])
    .where('roll_id', '=', rollId)
    .orderBy('id', 'desc')
    .execute();
}
