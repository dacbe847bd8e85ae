import type { PersonMonthAmounts } from '@shebao/domain';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { LINE_AMOUNT_COLUMNS, LINE_BASE_COLUMNS, lineRowToAmounts } from './bill-rows.ts';
import { settlementExists } from './bills.repository.ts';
import type { EstimateRecord } from './draft-bill.ts';

type Db = Kysely<Database>;

/** Estimated bills (SIL Art. 62): what each estimate rests on, and the months still to settle. */

export interface EstimateBasisRow {
  employerId: number;
  period: string;
  headcount: number;
  amounts: PersonMonthAmounts;
}

const SUMMED_COLUMNS = [...LINE_BASE_COLUMNS, ...LINE_AMOUNT_COLUMNS];

/**
 * Each employer's last month before this one assessed on real data (a regular bill that was not an
 * estimate, or the settlement of one): its person lines summed, adjustments included. Estimates are
 * never a basis, so they do not compound.
 */
export async function selectEstimateBases(
  db: Db,
  employerIds: readonly number[],
  period: string,
): Promise<Map<number, EstimateBasisRow>> {
  const bases = new Map<number, EstimateBasisRow>();
  if (employerIds.length === 0) return bases;
  const rows = await db
    .with('basis', (qb) =>
      qb
        .selectFrom('bills')
        .select((eb) => ['employer_id', eb.fn.max('period').as('period')])
        .where('employer_id', 'in', employerIds)
        .where('period', '<', period)
        .where('estimated', '=', 0)
        .where('kind', 'in', ['regular', 'settlement'])
        .groupBy('employer_id'),
    )
    .selectFrom('basis as x')
    .innerJoin('bills as b', (join) =>
      join.onRef('b.employer_id', '=', 'x.employer_id').onRef('b.period', '=', 'x.period'),
    )
    .innerJoin('contribution_lines as l', 'l.bill_id', 'b.id')
    .select([
      'b.employer_id',
      'b.period',
      sql<number>`count(distinct l.person_id)`.as('headcount'),
      ...SUMMED_COLUMNS.map((column) => sql<number>`sum(${sql.ref(`l.${column}`)})`.as(column)),
    ])
    .where('b.kind', 'in', ['regular', 'settlement', 'adjustment'])
    .where('l.person_id', 'is not', null)
    .groupBy(['b.employer_id', 'b.period'])
    .execute();
  for (const row of rows as unknown as Record<string, number | string>[]) {
    const amounts = lineRowToAmounts(row);
    bases.set(Number(row.employer_id), {
      employerId: Number(row.employer_id),
      period: String(row.period),
      headcount: Number(row.headcount),
      amounts,
    });
  }
  return bases;
}

export interface UnsettledEstimate {
  billId: number;
  billNo: string;
  employerId: number;
  regionCode: string;
  period: string;
  dueDate: string;
  industryClass: number;
  injuryFloatPpm: number;
}

/**
 * Estimated bills of the region (or of one employer) that have no settlement yet, by month and employer;
 * the settlement workflow keeps those whose month has been declared since (registration knows).
 */
export async function selectUnsettledEstimates(
  db: Db,
  regionCode: string,
  employerId?: number,
): Promise<Omit<UnsettledEstimate, 'industryClass' | 'injuryFloatPpm'>[]> {
  let query = db
    .selectFrom('bills as b')
    .select(['b.id', 'b.bill_no', 'b.employer_id', 'b.region_code', 'b.period', 'b.due_date'])
    .where('b.region_code', '=', regionCode)
    .where('b.kind', '=', 'regular')
    .where('b.estimated', '=', sql.lit(1)) // a literal, so SQLite can use the partial index
    .where(({ not }) => not(settlementExists('b')));
  if (employerId !== undefined) query = query.where('b.employer_id', '=', employerId);
  const rows = await query.orderBy('b.period').orderBy('b.employer_id').execute();
  return rows.map((row) => ({
    billId: row.id,
    billNo: row.bill_no,
    employerId: row.employer_id!,
    regionCode: row.region_code,
    period: row.period,
    dueDate: row.due_date,
  }));
}

/** The estimate line of an estimated bill (the line without a person). */
export async function selectEstimateLine(db: Db, billId: number): Promise<PersonMonthAmounts> {
  const row = await db
    .selectFrom('contribution_lines')
    .select(SUMMED_COLUMNS)
    .where('bill_id', '=', billId)
    .where('person_id', 'is', null)
    .executeTakeFirstOrThrow();
  return lineRowToAmounts(row as unknown as Record<string, number | string>);
}

/** Beside each estimated bill, what it is based on, so its amount can explain itself. */
export async function insertEstimateRecords(
  trx: Db,
  records: (EstimateRecord & { billId: number })[],
  recordedAt: string,
): Promise<void> {
  if (records.length === 0) return;
  await trx
    .insertInto('bill_estimates')
    .values(
      records.map((record) => ({
        bill_id: record.billId,
        method: record.method,
        basis_period: record.basisPeriod,
        basis_total_fen: record.basisTotalFen,
        headcount: record.headcount,
        rate_ppm: record.ratePpm,
        recorded_at: recordedAt,
      })),
    )
    .execute();
}
