import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { LINE_AMOUNT_COLUMNS, LINE_BASE_COLUMNS } from '../collection/index.ts';

// Amounts are summed over a month's bills; bases are not, as an adjustment line carries the corrected
// base, not a difference.
type AmountColumn = (typeof LINE_AMOUNT_COLUMNS)[number];
type BaseColumn = (typeof LINE_BASE_COLUMNS)[number];

export type EmployeeMonthRow = {
  person_id: number;
  /** 1 when every bill carrying the person's month is paid in full. */
  paid: number | string;
} & Record<AmountColumn, number | string> &
  Record<BaseColumn, number>;

/**
 * One statement for the whole month of one employer: each employee's lines on its regular, settlement
 * and adjustment bills summed, the bases of the latest of those lines, and whether all those bills are
 * paid, in person order. A read model over collection's bills and lines (db/table-owners.ts
 * TABLE_READERS); the employees' names are registration's, asked of it.
 */
export async function selectEmployeeMonths(
  db: Kysely<Database>,
  employerId: number,
  period: string,
): Promise<EmployeeMonthRow[]> {
  const rows = await db
    .with('month_lines', (qb) =>
      qb
        .selectFrom('contribution_lines as l')
        .innerJoin('bills as b', 'b.id', 'l.bill_id')
        .select(['l.person_id', 'l.bill_id', ...LINE_AMOUNT_COLUMNS.map((column) => `l.${column}` as const)])
        .select(sql<number>`case when b.paid_fen >= b.total_fen then 1 else 0 end`.as('bill_paid'))
        .where('b.employer_id', '=', employerId)
        .where('b.period', '=', period)
        .where('b.kind', 'in', ['regular', 'settlement', 'adjustment'])
        .where('l.person_id', 'is not', null),
    )
    .with('sums', (qb) =>
      qb
        .selectFrom('month_lines')
        .select((eb) => [
          'person_id',
          eb.fn.max('bill_id').as('latest_bill_id'),
          eb.fn.min('bill_paid').as('paid'),
          ...LINE_AMOUNT_COLUMNS.map((column) => eb.fn.sum<number | string>(column).as(column)),
        ])
        .groupBy('person_id'),
    )
    .selectFrom('sums as s')
    .innerJoin('contribution_lines as latest', (join) =>
      join.onRef('latest.bill_id', '=', 's.latest_bill_id').onRef('latest.person_id', '=', 's.person_id'),
    )
    .select(['s.person_id', 's.paid'])
    .select(LINE_AMOUNT_COLUMNS.map((column) => `s.${column}` as const))
    .select(LINE_BASE_COLUMNS.map((column) => `latest.${column}` as const))
    .orderBy('s.person_id')
    .execute();
  return rows as unknown as EmployeeMonthRow[];
}
