import { regionCodePrefix, type PersonMonthAmounts } from '@shebao/domain';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { bulkInsert, type BillKind, type Database } from '../../db/index.ts';
import { bulkInsertReturningIds } from '../../db/bulk-insert.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import {
  LINE_AMOUNT_COLUMNS,
  LINE_BASE_COLUMNS,
  LINE_COLUMNS,
  LINE_TYPES,
  lineRowToAmounts,
  type BillTotals,
} from './bill-rows.ts';

const LINE_VALUE_COLUMNS = [...LINE_BASE_COLUMNS, ...LINE_AMOUNT_COLUMNS];

/**
 * Bills and their contribution lines: the inquiry reads (lists in pages by id, one bill with its lines),
 * the writes of the month's run, adjustments and settlements, and what those ask of the month's bills.
 */

export interface BillSummary {
  id: number;
  billNo: string;
  regionCode: string;
  period: string;
  payerKey: string;
  employerId: number | null;
  personId: number | null;
  kind: string;
  estimated: boolean;
  dueDate: string;
  employerFen: number;
  employeeFen: number;
  totalFen: number;
  paidFen: number;
  recordedAt: string;
}

export interface BillFilter {
  regionCode?: string;
  employerId?: number;
  personId?: number;
  period?: string;
  /** Only bills not yet paid in full. */
  open?: boolean;
  afterId?: number;
  limit: number;
}

const SUMMARY_COLUMNS = [
  'id',
  'bill_no',
  'region_code',
  'period',
  'payer_key',
  'employer_id',
  'person_id',
  'kind',
  'estimated',
  'due_date',
  'employer_fen',
  'employee_fen',
  'total_fen',
  'paid_fen',
  'recorded_at',
] as const;

function toSummary(row: Record<string, unknown>): BillSummary {
  return {
    id: Number(row.id),
    billNo: String(row.bill_no),
    regionCode: String(row.region_code),
    period: String(row.period),
    payerKey: String(row.payer_key),
    employerId: row.employer_id === null ? null : Number(row.employer_id),
    personId: row.person_id === null ? null : Number(row.person_id),
    kind: String(row.kind),
    estimated: Number(row.estimated) === 1,
    dueDate: String(row.due_date),
    employerFen: Number(row.employer_fen),
    employeeFen: Number(row.employee_fen),
    totalFen: Number(row.total_fen),
    paidFen: Number(row.paid_fen),
    recordedAt: String(row.recorded_at),
  };
}

/** Up to `limit` bills after `afterId`, by id. A region filter takes the region and every region in it. */
export async function listBills(db: Kysely<Database>, filter: BillFilter): Promise<BillSummary[]> {
  let query = db.selectFrom('bills').select([...SUMMARY_COLUMNS]);
  if (filter.regionCode !== undefined)
    query = query.where('region_code', 'like', `${regionCodePrefix(filter.regionCode)}%`);
  if (filter.employerId !== undefined) query = query.where('employer_id', '=', filter.employerId);
  if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
  if (filter.period !== undefined) query = query.where('period', '=', filter.period);
  if (filter.open) query = query.whereRef('paid_fen', '<', 'total_fen');
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  const rows = await query.orderBy('id').limit(filter.limit).execute();
  return rows.map((row) => toSummary(row as unknown as Record<string, unknown>));
}

export interface BillLine {
  personId: number | null;
  period: string;
  amounts: Record<string, number>;
}

/** Who a bill belongs to, for access checks; undefined when there is no such bill. */
export async function findBillOwner(db: Kysely<Database>, billNo: string) {
  const row = await db
    .selectFrom('bills')
    .select(['employer_id', 'person_id', 'region_code'])
    .where('bill_no', '=', billNo)
    .executeTakeFirst();
  return (
    row && {
      employerId: row.employer_id === null ? undefined : Number(row.employer_id),
      personId: row.person_id === null ? undefined : Number(row.person_id),
      regionCode: row.region_code,
    }
  );
}

/** One bill with its per-person lines; NOT_FOUND when there is none. */
export async function getBill(
  db: Kysely<Database>,
  billNo: string,
): Promise<BillSummary & { lines: BillLine[] }> {
  const row = await db
    .selectFrom('bills')
    .select([...SUMMARY_COLUMNS])
    .where('bill_no', '=', billNo)
    .executeTakeFirst();
  if (!row) throw new AppError(ErrorCode.NOT_FOUND, `billNo: no bill ${billNo}`, { field: 'billNo' });
  const lines = await db
    .selectFrom('contribution_lines')
    .select(['person_id', 'period', ...LINE_VALUE_COLUMNS])
    .where('bill_id', '=', row.id)
    .orderBy('id')
    .execute();
  return {
    ...toSummary(row as unknown as Record<string, unknown>),
    lines: lines.map((line) => ({
      personId: line.person_id === null ? null : Number(line.person_id),
      period: line.period,
      amounts: Object.fromEntries(
        LINE_VALUE_COLUMNS.map((column) => [column, Number((line as Record<string, unknown>)[column])]),
      ),
    })),
  };
}

export interface BillHeader {
  billNo: string;
  regionCode: string;
  period: string;
  payerKey: string;
  employerId: number | null;
  personId: number | null;
  kind: BillKind;
  /** 1 for an estimate (SIL Art. 62) or the credit that takes one back. */
  estimated?: 0 | 1;
  dueDate: string;
  runId?: number | null;
}

/**
 * Writes one bill (adjustment, settlement, late fee) with its totals; the monthly run writes its bills in
 * bulk (insertRegularBills).
 */
export async function insertBill(
  trx: Kysely<Database>,
  header: BillHeader,
  totals: BillTotals,
  recordedAt: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('bills')
    .values({
      bill_no: header.billNo,
      region_code: header.regionCode,
      period: header.period,
      payer_key: header.payerKey,
      employer_id: header.employerId,
      person_id: header.personId,
      kind: header.kind,
      estimated: header.estimated ?? 0,
      due_date: header.dueDate,
      employer_fen: totals.employerFen,
      employee_fen: totals.employeeFen,
      total_fen: totals.totalFen,
      pension_fen: totals.funds.pension,
      medical_fen: totals.funds.medical,
      unemployment_fen: totals.funds.unemployment,
      work_injury_fen: totals.funds.work_injury,
      run_id: header.runId ?? null,
      recorded_at: recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export const BILL_COLUMNS = [
  'bill_no',
  'region_code',
  'period',
  'payer_key',
  'employer_id',
  'person_id',
  'kind',
  'estimated',
  'due_date',
  'employer_fen',
  'employee_fen',
  'total_fen',
  'pension_fen',
  'medical_fen',
  'unemployment_fen',
  'work_injury_fen',
  'run_id',
  'recorded_at',
];
const BILL_TYPES = BILL_COLUMNS.map((column) =>
  column.endsWith('_fen') || column.endsWith('_id') || column === 'estimated' ? 'bigint' : 'text',
) as ('bigint' | 'text')[];

/**
 * The month's bills in bulk, rows in BILL_COLUMNS order (a month has tens of thousands: every flexible
 * worker has one); answers their ids in row order.
 */
export async function insertBillRows(
  trx: Kysely<Database>,
  rows: readonly (string | number | null)[][],
): Promise<number[]> {
  return bulkInsertReturningIds(trx, 'bills', BILL_COLUMNS, BILL_TYPES, rows);
}

/** Contribution lines in bulk, rows made by toLineRow (bill-rows.ts). */
export async function insertLineRows(
  trx: Kysely<Database>,
  rows: readonly (string | number | null)[][],
): Promise<void> {
  await bulkInsert(trx, 'contribution_lines', LINE_COLUMNS, LINE_TYPES, rows);
}

/** The employers and persons of the region that have their regular bill for the month already. */
export async function selectRegularlyBilledPayers(
  db: Kysely<Database>,
  regionCode: string,
  period: string,
): Promise<{ employerIds: Set<number>; personIds: Set<number> }> {
  const rows = await db
    .selectFrom('bills')
    .select(['employer_id', 'person_id'])
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .where('kind', '=', 'regular')
    .execute();
  const employerIds = new Set<number>();
  const personIds = new Set<number>();
  for (const row of rows) {
    if (row.employer_id !== null) employerIds.add(Number(row.employer_id));
    if (row.person_id !== null) personIds.add(Number(row.person_id));
  }
  return { employerIds, personIds };
}

/**
 * Whether the month of the bill under `alias` has been settled (SIL Art. 62): a settlement bill of the
 * same payer and month exists. The monthly run and the re-assessment ask it the same way.
 */
export function settlementExists(alias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (select 1 from bills s where s.payer_key = ${sql.ref(`${alias}.payer_key`)}
    and s.period = ${sql.ref(`${alias}.period`)} and s.kind = 'settlement')`;
}

/**
 * Which of these employers have a regular bill for the month that may be reassessed: not an estimate, or
 * an estimate settled since (an estimated month is settled once declared, not re-assessed before).
 */
export async function selectReassessableEmployerIds(
  db: Kysely<Database>,
  employerIds: readonly number[],
  period: string,
): Promise<Set<number>> {
  const found = new Set<number>();
  for (let start = 0; start < employerIds.length; start += 500) {
    const rows = await db
      .selectFrom('bills as b')
      .select('b.employer_id')
      .where('b.employer_id', 'in', employerIds.slice(start, start + 500))
      .where('b.period', '=', period)
      .where('b.kind', '=', 'regular')
      .where(({ or, eb }) => or([eb('b.estimated', '=', 0), settlementExists('b')]))
      .execute();
    for (const row of rows) found.add(Number(row.employer_id));
  }
  return found;
}

/** What was billed per employer and person for the month, summed over its regular and adjustment bills. */
export async function selectBilledAmounts(db: Kysely<Database>, employerIds: number[], period: string) {
  const rows = await db
    .selectFrom('contribution_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .select([
      'b.employer_id',
      'l.person_id',
      ...LINE_AMOUNT_COLUMNS.map((column) => sql<number>`sum(${sql.ref(`l.${column}`)})`.as(column)),
    ])
    .where('b.employer_id', 'in', employerIds)
    .where('b.period', '=', period)
    .where('b.kind', 'in', ['regular', 'settlement', 'adjustment'])
    .where('l.person_id', 'is not', null)
    .groupBy(['b.employer_id', 'l.person_id'])
    .execute();
  const billed = new Map<string, PersonMonthAmounts>();
  for (const row of rows as unknown as Record<string, number>[]) {
    // Only the amounts are summed; the bases stay 0 (a difference keeps the bases of what is due now).
    billed.set(`${row.employer_id}|${row.person_id}`, lineRowToAmounts(row));
  }
  return billed;
}

/** How many adjustment bills the payer has for the month: numbers the next one. */
export async function countAdjustments(
  db: Kysely<Database>,
  payerKey: string,
  period: string,
): Promise<number> {
  const row = await db
    .selectFrom('bills')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('payer_key', '=', payerKey)
    .where('period', '=', period)
    .where('kind', '=', 'adjustment')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
