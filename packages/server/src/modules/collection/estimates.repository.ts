import type { PersonMonthAmounts } from '@shebao/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { Database } from '../../db/index.ts';
import { LINE_AMOUNT_COLUMNS, LINE_BASE_COLUMNS, lineRowToAmounts } from './bill-rows.ts';

type Db = Kysely<Database>;

/** Which of these employers have made their monthly declaration (月度申报) for the month. */
export async function selectDeclaredEmployerIds(
  db: Db,
  employerIds: readonly number[],
  period: string,
): Promise<Set<number>> {
  const declared = new Set<number>();
  for (let start = 0; start < employerIds.length; start += 500) {
    const rows = await db
      .selectFrom('declarations')
      .select('employer_id')
      .where('employer_id', 'in', employerIds.slice(start, start + 500))
      .where('period', '=', period)
      .execute();
    for (const row of rows) declared.add(row.employer_id);
  }
  return declared;
}

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

/**
 * Whether the month of the bill under `alias` has been settled (SIL Art. 62): a settlement bill of the
 * same payer and month exists. The monthly run and the re-assessment ask it the same way.
 */
export function settlementExists(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from bills s where s.payer_key = ${sql.ref(`${alias}.payer_key`)}
    and s.period = ${sql.ref(`${alias}.period`)} and s.kind = 'settlement')`;
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
 * Estimated bills of the region whose month has since been declared and that have no settlement yet:
 * what `settleEstimates` still has to do.
 */
export async function selectEstimatesToSettle(
  db: Db,
  regionCode: string,
  employerId?: number,
): Promise<UnsettledEstimate[]> {
  let query = db
    .selectFrom('bills as b')
    .innerJoin('declarations as d', (join) =>
      join.onRef('d.employer_id', '=', 'b.employer_id').onRef('d.period', '=', 'b.period'),
    )
    .innerJoin('employers as r', 'r.id', 'b.employer_id')
    .select([
      'b.id',
      'b.bill_no',
      'b.employer_id',
      'b.region_code',
      'b.period',
      'b.due_date',
      'r.industry_class',
      'r.injury_float_ppm',
    ])
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
    industryClass: row.industry_class,
    injuryFloatPpm: row.injury_float_ppm,
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
