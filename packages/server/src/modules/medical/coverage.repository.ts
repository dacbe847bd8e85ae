import { sql, type Kysely } from 'kysely';
import { prepareQuery } from '../../db/prepared-query.ts';
import type { Database } from '../../db/schema.ts';

/*
 * What real-time settlement needs to know of the patients of a batch of claims, read in a handful of set
 * queries over registration's, collection's, benefits' and survival's rows (a read model, declared in
 * db/table-owners.ts): who they are, whether they draw a pension, a confirmed death, their medical
 * contribution months around the visit with each bill's standing, their medical years, and their
 * residents' enrolments. One query per kind of fact for the whole batch, never one per claim.
 */

type Db = Kysely<Database>;
type Id = number | string;

export interface PersonRow {
  id: Id;
  id_number: string;
  name: string;
  sex: 'male' | 'female';
  birth_date: string;
  category: 'employee' | 'flexible' | 'resident';
  region_code: string;
}

/*
 * Each query is compiled once per length of its lists (db/prepared-query.ts): a batch's reads are small,
 * and building and compiling them with Kysely cost about as much as running them.
 */

const patientsByIdNumber = prepareQuery(
  (_dialect, idNumbers: readonly string[]) => sql<PersonRow>`
    select id, id_number, name, sex, birth_date, category, region_code from persons
    where id_number in (${sql.join(idNumbers)})`,
);

export function selectPatientsByIdNumber(db: Db, idNumbers: readonly string[]): Promise<PersonRow[]> {
  return idNumbers.length === 0 ? Promise.resolve([]) : patientsByIdNumber(db, idNumbers);
}

const pensionStarts = prepareQuery(
  (_dialect, personIds: readonly number[]) => sql<{ person_id: Id; valid_from: string }>`
    select person_id, min(valid_from) as valid_from from benefit_awards
    where kind = 'pension' and person_id in (${sql.join(personIds)}) group by person_id`,
);

/** The first month of each person's pension award, for those who have one. */
export async function selectPensionStarts(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await pensionStarts(db, personIds);
  return new Map(rows.map((row) => [Number(row.person_id), String(row.valid_from)]));
}

const confirmedDeaths = prepareQuery(
  (_dialect, personIds: readonly number[]) => sql<{ person_id: Id; date_of_death: string }>`
    select person_id, date_of_death from death_reports
    where state = 'confirmed' and person_id in (${sql.join(personIds)})`,
);

/** Confirmed deaths of the persons. */
export async function selectConfirmedDeaths(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await confirmedDeaths(db, personIds);
  return new Map(rows.map((row) => [Number(row.person_id), row.date_of_death]));
}

export interface MedicalMonth {
  personId: number;
  period: string;
  dueDate: string;
  paidInFull: boolean;
}

const medicalMonths = prepareQuery(
  (_dialect, personIds: readonly number[], periods: readonly string[]) => sql<{
    person_id: Id;
    period: string;
    due_date: string;
    paid_fen: Id;
    total_fen: Id;
  }>`
    select l.person_id, l.period, b.due_date, b.paid_fen, b.total_fen
    from contribution_lines l join bills b on b.id = l.bill_id
    where l.person_id in (${sql.join(personIds)}) and l.period in (${sql.join(periods)})
      and l.medical_employee_fen + l.medical_employer_fen > 0`,
);

/**
 * The persons' medical contribution months among `periods`, each with its bill's due date and whether the
 * bill is paid in full: a month counts when anyone paid medical premiums for the person in it.
 */
export async function selectMedicalMonths(
  db: Db,
  personIds: readonly number[],
  periods: readonly string[],
): Promise<MedicalMonth[]> {
  if (personIds.length === 0 || periods.length === 0) return [];
  const rows = await medicalMonths(db, personIds, periods);
  return rows.map((row) => ({
    personId: Number(row.person_id),
    period: row.period,
    dueDate: row.due_date,
    paidInFull: Number(row.paid_fen) >= Number(row.total_fen),
  }));
}

const medicalMonthTotals = prepareQuery(
  (_dialect, personIds: readonly number[]) => sql<{ person_id: Id; months: Id }>`
    select person_id, sum(medical_months) as months from person_year_summaries
    where person_id in (${sql.join(personIds)}) group by person_id`,
);

/** Each person's medical contribution months over their whole record (the yearly summaries). */
export async function selectMedicalMonthTotals(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, number>> {
  if (personIds.length === 0) return new Map();
  const rows = await medicalMonthTotals(db, personIds);
  return new Map(rows.map((row) => [Number(row.person_id), Number(row.months)]));
}

const employments = prepareQuery(
  (_dialect, personIds: readonly number[]) =>
    sql<{
      person_id: Id;
      hired_on: string;
      left_on: string | null;
    }>`select person_id, hired_on, left_on from employments where person_id in (${sql.join(personIds)})`,
);

/** The persons' employments, each as the days it ran (`leftOn` null while it runs). */
export async function selectEmployments(
  db: Db,
  personIds: readonly number[],
): Promise<{ personId: number; hiredOn: string; leftOn: string | null }[]> {
  if (personIds.length === 0) return [];
  const rows = await employments(db, personIds);
  return rows.map((row) => ({ personId: Number(row.person_id), hiredOn: row.hired_on, leftOn: row.left_on }));
}

const residentCoverage = prepareQuery(
  (_dialect, personIds: readonly number[], years: readonly number[]) => sql<{
    person_id: Id;
    year: number;
    covered_from: string;
  }>`
    select person_id, year, covered_from from medical_resident_enrolments
    where person_id in (${sql.join(personIds)}) and year in (${sql.join(years)})`,
);

/** The persons' enrolments in the residents' scheme for these years, with the first day each covers. */
export async function selectResidentCoverage(
  db: Db,
  personIds: readonly number[],
  years: readonly number[],
): Promise<{ personId: number; year: number; coveredFrom: string }[]> {
  if (personIds.length === 0 || years.length === 0) return [];
  const rows = await residentCoverage(db, personIds, years);
  return rows.map((row) => ({
    personId: Number(row.person_id),
    year: Number(row.year),
    coveredFrom: row.covered_from,
  }));
}

const personsById = prepareQuery(
  (_dialect, personIds: readonly number[]) => sql<PersonRow>`
    select id, id_number, name, sex, birth_date, category, region_code from persons
    where id in (${sql.join(personIds)})`,
);

export function selectPersonsById(db: Db, personIds: readonly number[]): Promise<PersonRow[]> {
  return personIds.length === 0 ? Promise.resolve([]) : personsById(db, personIds);
}
