import type { Insertable, Kysely } from 'kysely';
import type { Database, PaymentAdjustmentsTable } from '../../db/index.ts';
import { startsWith } from '../../db/prefix-range.ts';

type Db = Kysely<Database>;

/** Arrears and recoveries for months already paid; the same source, award and month is written once. */
export async function insertAdjustments(
  db: Db,
  rows: readonly Insertable<PaymentAdjustmentsTable>[],
): Promise<number> {
  let written = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const result = await db
      .insertInto('payment_adjustments')
      .values(rows.slice(start, start + 500))
      .onConflict((oc) => oc.columns(['source_key', 'roll_id', 'for_period']).doNothing())
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

export async function markAdjustmentsSettled(db: Db, ids: readonly number[], lineId: number): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('payment_adjustments')
    .set({ settled_line_id: lineId })
    .where('id', 'in', [...ids])
    .where('settled_line_id', 'is', null)
    .execute();
}

/** Withheld months of the region's awards that survival verification now allows: to be paid back. */
export function selectReleasableLines(db: Db, regionPrefix: string) {
  return db
    .selectFrom('payroll_lines as l')
    .innerJoin('benefit_roll as r', 'r.id', 'l.roll_id')
    .select([
      'l.id',
      'l.roll_id',
      'l.period',
      'l.due_fen',
      'r.first_month_index',
      'r.account_part_fen',
      'r.account_balance_fen',
    ])
    .where('l.state', '=', 'withheld')
    .whereRef('l.period', '<=', 'r.verified_through')
    .where(startsWith(db, 'r.region_code', regionPrefix))
    .execute();
}

export function selectAdjustmentsOfRoll(db: Db, rollId: number) {
  return db
    .selectFrom('payment_adjustments')
    .selectAll()
    .where('roll_id', '=', rollId)
    .orderBy('id')
    .execute();
}
