import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, RecoveryClaimsTable } from '../../db/index.ts';

type Db = Kysely<Database>;

export async function insertClaim(db: Db, row: Insertable<RecoveryClaimsTable>): Promise<number> {
  const { id } = await db.insertInto('recovery_claims').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/**
 * What an award's lines paid for months after `lastMonth`, month by month: the months' own lines (paid or
 * on their way: owed, returned) and the arrears released into later lines for withheld months.
 */
export async function selectLinesAfter(db: Db, rollId: number, lastMonth: string) {
  const rows = await sql<{ period: string; pooled: number | string; account: number | string }>`
    select period, sum(pooled) as pooled, sum(account) as account from (
      select l.period, l.pooled_fen as pooled, l.account_fen as account
      from payroll_lines l
      where l.roll_id = ${rollId} and l.kind = 'month' and l.period > ${lastMonth} and l.state in ('owed', 'returned')
      union all
      select a.for_period as period, a.pooled_fen as pooled, a.account_fen as account
      from payment_adjustments a
      where a.roll_id = ${rollId} and a.for_period > ${lastMonth} and a.settled_line_id is not null
    ) paid
    group by period
    order by period`.execute(db);
  return rows.rows
    .map((row) => ({ period: row.period, pooledFen: Number(row.pooled), accountFen: Number(row.account) }))
    .filter((row) => row.pooledFen + row.accountFen > 0);
}

/** Months withheld after the last month owed are owed nothing now: they will not be released. */
export async function updateLineDueForStop(db: Db, rollId: number, lastMonth: string): Promise<void> {
  await db
    .updateTable('payroll_lines')
    .set({ due_fen: 0, state: 'released' })
    .where('roll_id', '=', rollId)
    .where('period', '>', lastMonth)
    .where('state', '=', 'withheld')
    .execute();
}

/** A claim and what has been withheld from the estate's one-time payments against it. */
export async function selectClaimsOfPerson(db: Db, personId: number) {
  const rows = await sql<{
    id: number;
    roll_id: number;
    pooled_fen: number | string;
    account_fen: number | string;
    reason: string;
    months: string;
    recorded_at: string;
    recovered: number | string;
  }>`
    select c.id, c.roll_id, c.pooled_fen, c.account_fen, c.reason, c.months, c.recorded_at,
      coalesce((select sum(o.recovered_fen) from one_time_payments o where o.recovers_claim_id = c.id), 0) as recovered
    from recovery_claims c where c.person_id = ${personId} order by c.id`.execute(db);
  return rows.rows.map((row) => ({
    id: Number(row.id),
    rollId: Number(row.roll_id),
    totalFen: Number(row.pooled_fen) + Number(row.account_fen),
    accountFen: Number(row.account_fen),
    recoveredFen: Number(row.recovered),
    reason: row.reason,
    months: row.months.split(','),
    recordedAt: row.recorded_at,
  }));
}
