import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { regionCodePrefix } from '@shebao/domain';
import { LINE_AMOUNT_COLUMNS, LINE_BASE_COLUMNS } from './bill-rows.ts';

const LINE_VALUE_COLUMNS = [...LINE_BASE_COLUMNS, ...LINE_AMOUNT_COLUMNS];

/** Reads of bills for inquiry: lists in pages by id, one bill with its lines. */

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
