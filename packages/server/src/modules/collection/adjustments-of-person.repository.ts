import { AMOUNT_COLUMNS } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/** An adjustment bill (or credit) of an employer with one person's line on it. */
export interface PersonAdjustment {
  billNo: string;
  period: string;
  employerId: number;
  /** The person's line: what both parties owe for the month's difference, negative for a credit. */
  personFen: number;
  billTotalFen: number;
}

/** The sum of a line's amounts (every insurance, both parties), as bills.total_fen sums its lines. */
const LINE_TOTAL = sql<number>`${sql.join(
  AMOUNT_COLUMNS.map((column) => sql.ref(`contribution_lines.${column.column}`)),
  sql` + `,
)}`;

/**
 * The adjustment bills of an employer's months that carry a line for the person and were recorded from an
 * instant on: what a reassessment after a correction of the person's record billed or credited (benefits
 * asks, to show the person and staff what granting the correction caused; docs/RULES.md 14.19).
 */
export async function selectAdjustmentsOfPerson(
  db: Kysely<Database>,
  query: { employerId: number; personId: number; fromPeriod: string; toPeriod: string; recordedFrom: string },
): Promise<PersonAdjustment[]> {
  const rows = await db
    .selectFrom('bills')
    .innerJoin('contribution_lines', 'contribution_lines.bill_id', 'bills.id')
    .select([
      'bills.bill_no as billNo',
      'bills.period as period',
      'bills.total_fen as billTotalFen',
      LINE_TOTAL.as('personFen'),
    ])
    .where('bills.employer_id', '=', query.employerId)
    .where('bills.kind', '=', 'adjustment')
    .where('bills.period', '>=', query.fromPeriod)
    .where('bills.period', '<=', query.toPeriod)
    .where('bills.recorded_at', '>=', query.recordedFrom)
    .where('contribution_lines.person_id', '=', query.personId)
    .orderBy('bills.period')
    .orderBy('bills.id')
    .execute();
  return rows.map((row) => ({
    billNo: row.billNo,
    period: row.period,
    employerId: query.employerId,
    personFen: Number(row.personFen),
    billTotalFen: Number(row.billTotalFen),
  }));
}
