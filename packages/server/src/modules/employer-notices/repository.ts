import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/** The amount columns of a contribution line, summed over a month's bills. */
export const AMOUNT_COLUMNS = [
  'pension_employer_fen',
  'pension_employee_fen',
  'medical_employer_fen',
  'medical_employee_fen',
  'maternity_employer_fen',
  'unemployment_employer_fen',
  'unemployment_employee_fen',
  'work_injury_employer_fen',
  'pension_account_fen',
  'medical_account_fen',
] as const;

/** The base columns: not summed, as an adjustment line carries the corrected base, not a difference. */
export const BASE_COLUMNS = [
  'pension_base_fen',
  'medical_base_fen',
  'unemployment_base_fen',
  'work_injury_base_fen',
] as const;

type AmountColumn = (typeof AMOUNT_COLUMNS)[number];
type BaseColumn = (typeof BASE_COLUMNS)[number];

export type EmployeeMonthRow = {
  person_id: number;
  name: string;
  id_number: string;
  /** 1 when every bill carrying the person's month is paid in full. */
  paid: number | string;
} & Record<AmountColumn, number | string> &
  Record<BaseColumn, number>;

/**
 * One statement for the whole month of one employer: each employee's lines on its regular, settlement
 * and adjustment bills summed, the bases of the latest of those lines, and whether all those bills are paid.
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
        .select(['l.person_id', 'l.bill_id', ...AMOUNT_COLUMNS.map((column) => `l.${column}` as const)])
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
          ...AMOUNT_COLUMNS.map((column) => eb.fn.sum<number | string>(column).as(column)),
        ])
        .groupBy('person_id'),
    )
    .selectFrom('sums as s')
    .innerJoin('persons as p', 'p.id', 's.person_id')
    .innerJoin('contribution_lines as latest', (join) =>
      join.onRef('latest.bill_id', '=', 's.latest_bill_id').onRef('latest.person_id', '=', 's.person_id'),
    )
    .select(['p.id as person_id', 'p.name', 'p.id_number', 's.paid'])
    .select(AMOUNT_COLUMNS.map((column) => `s.${column}` as const))
    .select(BASE_COLUMNS.map((column) => `latest.${column}` as const))
    .orderBy('p.id')
    .execute();
  return rows as unknown as EmployeeMonthRow[];
}
