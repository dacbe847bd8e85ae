import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * The rights record's reads: a handful of set-based queries per person, each one index range. The
 * cumulative figures read only the covering indexes of migration 0011 (contribution_lines_person_amounts,
 * personal_account_entries_person_amounts) and the person's few unpaid bills (bills_unpaid); only the
 * months shown read whole lines and their bills. Sums come back as text on PostgreSQL (numeric); callers
 * convert with Number().
 */

type Db = Kysely<Database>;
type Amount = number | string;

export interface PersonRow {
  id: number;
  id_number: string;
  name: string;
  region_code: string;
}

export function selectPerson(db: Db, personId: number): Promise<PersonRow | undefined> {
  return db
    .selectFrom('persons')
    .select(['id', 'id_number', 'name', 'region_code'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

export async function selectPersonIdByIdNumber(db: Db, idNumber: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('persons')
    .select('id')
    .where('id_number', '=', idNumber)
    .executeTakeFirst();
  return row?.id;
}

/** One contribution line of the person in the range, with its bill's payer and payment state. */
export interface LineRow {
  period: string;
  payer_key: string;
  employer_id: number | null;
  employer_name: string | null;
  kind: string;
  bill_id: number;
  bill_paid_fen: number;
  bill_total_fen: number;
  pension_base_fen: number;
  medical_base_fen: number;
  unemployment_base_fen: number;
  work_injury_base_fen: number;
  pension_employer_fen: number;
  pension_employee_fen: number;
  medical_employer_fen: number;
  medical_employee_fen: number;
  maternity_employer_fen: number;
  unemployment_employer_fen: number;
  unemployment_employee_fen: number;
  work_injury_employer_fen: number;
  pension_account_fen: number;
  medical_account_fen: number;
}

/** The person's lines in from..to, ordered by month, payer and bill (so the latest line of a month is last). */
export function selectLines(db: Db, personId: number, from: string, to: string): Promise<LineRow[]> {
  return db
    .selectFrom('contribution_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .leftJoin('employers as e', 'e.id', 'b.employer_id')
    .select([
      'l.period',
      'b.payer_key',
      'b.employer_id',
      'e.name as employer_name',
      'b.kind',
      'b.id as bill_id',
      'b.paid_fen as bill_paid_fen',
      'b.total_fen as bill_total_fen',
      'l.pension_base_fen',
      'l.medical_base_fen',
      'l.unemployment_base_fen',
      'l.work_injury_base_fen',
      'l.pension_employer_fen',
      'l.pension_employee_fen',
      'l.medical_employer_fen',
      'l.medical_employee_fen',
      'l.maternity_employer_fen',
      'l.unemployment_employer_fen',
      'l.unemployment_employee_fen',
      'l.work_injury_employer_fen',
      'l.pension_account_fen',
      'l.medical_account_fen',
    ])
    .where('l.person_id', '=', personId)
    .where('l.period', '>=', from)
    .where('l.period', '<=', to)
    .orderBy('l.period')
    .orderBy('b.payer_key')
    .orderBy('b.id')
    .execute();
}

/** Months counted per insurance up to the end of a range, and the first and last month ever. */
export interface MonthCountsRow {
  first_period: string | null;
  last_period: string | null;
  pension: Amount | null;
  pension_paid: Amount | null;
  medical: Amount | null;
  medical_paid: Amount | null;
  maternity: Amount | null;
  maternity_paid: Amount | null;
  unemployment: Amount | null;
  unemployment_paid: Amount | null;
  work_injury: Amount | null;
  work_injury_paid: Amount | null;
}

/** A month's net amount over all of the person's lines of that month. */
const monthTotal = sql`sum(l.pension_employer_fen + l.pension_employee_fen + l.medical_employer_fen
  + l.medical_employee_fen + l.maternity_employer_fen + l.unemployment_employer_fen
  + l.unemployment_employee_fen + l.work_injury_employer_fen)`;

/**
 * The bills of the person's payers (each employer they worked for, and themself as a flexible worker)
 * that are not paid in full: few (none for most people), found through the partial index bills_unpaid.
 * A month is paid unless one of its lines is on one of them, so counting paid months needs no bill row
 * per month.
 */
async function selectUnpaidBillIds(db: Db, personId: number): Promise<number[]> {
  const result = await sql<{ id: number }>`
    select b.id from bills b
    where b.paid_fen < b.total_fen
      and b.payer_key in (
        select 'E' || e.employer_id from employments e where e.person_id = ${personId}
        union all select ${`P${personId}`})`.execute(db);
  return result.rows.map((row) => Number(row.id));
}

/**
 * One row: the person's months up to `to` grouped first (a month counts once whatever the number of payers
 * and adjustments), then counted per insurance where the month's net amount is positive; and the first and
 * last month ever with a positive amount. Only the months up to `to` are read in full (a year early in a
 * long record reads little); past `to`, the last positive month is found walking the index backwards.
 * Everything comes from the covering index contribution_lines_person_amounts and the unpaid bills.
 */
export async function selectMonthCounts(db: Db, personId: number, to: string): Promise<MonthCountsRow> {
  const unpaidBillIds = await selectUnpaidBillIds(db, personId);
  const paid = unpaidBillIds.length
    ? sql`min(case when l.bill_id in (${sql.join(unpaidBillIds)}) then 0 else 1 end)`
    : sql`1`;
  const result = await sql<MonthCountsRow>`
    with months as (
      select l.period,
        sum(l.pension_employer_fen + l.pension_employee_fen) as pension,
        sum(l.medical_employer_fen + l.medical_employee_fen) as medical,
        sum(l.maternity_employer_fen) as maternity,
        sum(l.unemployment_employer_fen + l.unemployment_employee_fen) as unemployment,
        sum(l.work_injury_employer_fen) as work_injury,
        ${monthTotal} as total,
        ${paid} as paid
      from contribution_lines l
      where l.person_id = ${personId} and l.period <= ${to}
      group by l.period
    )
    select
      min(case when total > 0 then period end) as first_period,
      max(case when total > 0 then period end) as last_period,
      ${sql.join(
        (['pension', 'medical', 'maternity', 'unemployment', 'work_injury'] as const).flatMap((column) => [
          sql`sum(case when ${sql.ref(column)} > 0 then 1 else 0 end) as ${sql.ref(column)}`,
          sql`sum(case when ${sql.ref(column)} > 0 and paid = 1 then 1 else 0 end) as ${sql.ref(`${column}_paid`)}`,
        ]),
      )}
    from months`.execute(db);
  const counts = result.rows[0]!;
  const last = await selectPositiveMonthAfter(db, personId, to, 'desc');
  if (last !== undefined) {
    counts.last_period = last;
    // Nothing positive up to `to`: the first month ever lies after it.
    counts.first_period ??= (await selectPositiveMonthAfter(db, personId, to, 'asc')) ?? null;
  }
  return counts;
}

/** The first ('asc') or last ('desc') month after `after` whose net amount is positive. */
async function selectPositiveMonthAfter(
  db: Db,
  personId: number,
  after: string,
  order: 'asc' | 'desc',
): Promise<string | undefined> {
  const result = await sql<{ period: string }>`
    select l.period from contribution_lines l
    where l.person_id = ${personId} and l.period > ${after}
    group by l.period
    having ${monthTotal} > 0
    order by l.period ${sql.raw(order)}
    limit 1`.execute(db);
  return result.rows[0]?.period;
}

/** Account movements per year, up to `to`: net change and interest, pension and medical. */
export interface AccountYearRow {
  year: string;
  pension_change: Amount;
  pension_interest: Amount;
  medical_change: Amount;
  medical_interest: Amount;
}

export function selectAccountYears(db: Db, personId: number, to: string): Promise<AccountYearRow[]> {
  const year = sql<string>`substr(period, 1, 4)`;
  return db
    .selectFrom('personal_account_entries')
    .select((eb) => [
      year.as('year'),
      eb.fn.sum<Amount>('pension_fen').as('pension_change'),
      eb.fn.sum<Amount>(sql`case when kind = 'interest' then pension_fen else 0 end`).as('pension_interest'),
      eb.fn.sum<Amount>('medical_fen').as('medical_change'),
      eb.fn.sum<Amount>(sql`case when kind = 'interest' then medical_fen else 0 end`).as('medical_interest'),
    ])
    .where('person_id', '=', personId)
    .where('period', '<=', to)
    .groupBy(year)
    .orderBy(year)
    .execute();
}
