import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/*
 * What real-time settlement needs to know of the patients of a batch of claims, read in a handful of set
 * queries over registration's, collection's, benefits' and survival's rows (a read model, declared in
 * db/table-owners.ts): who they are, whether they draw a pension, a confirmed death, their medical
 * contribution months around the visit with each bill's standing, their medical years, and their
 * residents' enrolments. One query per kind of fact for the whole batch, never one per claim.
 */

type Db = Kysely<Database>;

export function selectPatientsByIdNumber(db: Db, idNumbers: readonly string[]) {
  return db
    .selectFrom('persons')
    .select(['id', 'id_number', 'name', 'sex', 'birth_date', 'category', 'region_code'])
    .where('id_number', 'in', [...idNumbers])
    .execute();
}

/** The first month of each person's pension award, for those who have one. */
export async function selectPensionStarts(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('benefit_awards')
    .select(['person_id', (eb) => eb.fn.min('valid_from').as('valid_from')])
    .where('kind', '=', 'pension')
    .where('person_id', 'in', [...personIds])
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((row) => [Number(row.person_id), String(row.valid_from)]));
}

/** Confirmed deaths of the persons. */
export async function selectConfirmedDeaths(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, string>> {
  const rows = await db
    .selectFrom('death_reports')
    .select(['person_id', 'date_of_death'])
    .where('state', '=', 'confirmed')
    .where('person_id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((row) => [Number(row.person_id), row.date_of_death]));
}

export interface MedicalMonth {
  personId: number;
  period: string;
  dueDate: string;
  paidInFull: boolean;
}

/**
 * The persons' medical contribution months among `periods`, each with its bill's due date and whether the
 * bill is paid in full: a month counts when anyone paid medical premiums for the person in it.
 */
export async function selectMedicalMonths(
  db: Db,
  personIds: readonly number[],
  periods: readonly string[],
): Promise<MedicalMonth[]> {
  const rows = await db
    .selectFrom('contribution_lines as l')
    .innerJoin('bills as b', 'b.id', 'l.bill_id')
    .select(['l.person_id', 'l.period', 'b.due_date', 'b.paid_fen', 'b.total_fen'])
    .where('l.person_id', 'in', [...personIds])
    .where('l.period', 'in', [...periods])
    .where(sql<boolean>`l.medical_employee_fen + l.medical_employer_fen > 0`)
    .execute();
  return rows.map((row) => ({
    personId: Number(row.person_id),
    period: row.period,
    dueDate: row.due_date,
    paidInFull: Number(row.paid_fen) >= Number(row.total_fen),
  }));
}

/** Each person's medical contribution months over their whole record (the yearly summaries). */
export async function selectMedicalMonthTotals(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('person_year_summaries')
    .select(['person_id', (eb) => eb.fn.sum<number | string>('medical_months').as('months')])
    .where('person_id', 'in', [...personIds])
    .groupBy('person_id')
    .execute();
  return new Map(rows.map((row) => [Number(row.person_id), Number(row.months)]));
}

/** The persons' employments, each as the days it ran (`leftOn` null while it runs). */
export async function selectEmployments(
  db: Db,
  personIds: readonly number[],
): Promise<{ personId: number; hiredOn: string; leftOn: string | null }[]> {
  const rows = await db
    .selectFrom('employments')
    .select(['person_id', 'hired_on', 'left_on'])
    .where('person_id', 'in', [...personIds])
    .execute();
  return rows.map((row) => ({ personId: Number(row.person_id), hiredOn: row.hired_on, leftOn: row.left_on }));
}

export function selectPersonsById(db: Db, personIds: readonly number[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('persons')
    .select(['id', 'id_number', 'name', 'sex', 'birth_date', 'category', 'region_code'])
    .where('id', 'in', [...personIds])
    .execute();
}
