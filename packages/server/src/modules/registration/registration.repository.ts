import { sql, type Insertable, type Kysely } from 'kysely';
import { prepareQuery } from '../../db/prepared-query.ts';
import { startsWith } from '../../db/prefix-range.ts';
import type {
  ContributionBasesTable,
  Database,
  EmployersTable,
  EmploymentsTable,
  FlexibleEnrolmentsTable,
  LeaveReason,
  PersonsTable,
} from '../../db/index.ts';
import {
  toContributionBase,
  toDeclaration,
  toEmployer,
  toEmployment,
  toFlexibleEnrolment,
  toPerson,
  type ContributionBase,
  type Declaration,
  type Employer,
  type Employment,
  type FlexibleEnrolment,
  type Person,
} from './records.ts';

type Db = Kysely<Database>;

/**
 * Keys per IN list and rows per multi-row insert. SQLite allows 32766 bound variables; 10 columns ×
 * 1000 rows stays well below, and PostgreSQL's 65535 too.
 */
const CHUNK = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += CHUNK) result.push(items.slice(start, start + CHUNK));
  return result;
}

// Employers

export async function insertEmployer(db: Db, row: Insertable<EmployersTable>): Promise<Employer> {
  return toEmployer(await db.insertInto('employers').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function selectEmployerById(db: Db, id: number): Promise<Employer | undefined> {
  const row = await db.selectFrom('employers').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEmployer(row);
}

export async function selectEmployerByCreditCode(db: Db, creditCode: string): Promise<Employer | undefined> {
  const row = await db
    .selectFrom('employers')
    .selectAll()
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  return row && toEmployer(row);
}

export async function selectEmployersByIds(db: Db, ids: readonly number[]): Promise<Employer[]> {
  const result: Employer[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('employers').selectAll().where('id', 'in', part).execute();
    result.push(...rows.map(toEmployer));
  }
  return result;
}

export async function selectEmployersByCreditCodes(db: Db, codes: readonly string[]): Promise<Employer[]> {
  const result: Employer[] = [];
  for (const part of chunks(codes)) {
    const rows = await db.selectFrom('employers').selectAll().where('credit_code', 'in', part).execute();
    result.push(...rows.map(toEmployer));
  }
  return result;
}

/** What staff search employers by: the exact credit code, or the start of the name. */
export interface EmployerSearch {
  creditCode?: string;
  namePrefix?: string;
}

/** Employers of a region (and the regions inside it) by id, found by a search when given; a page after an id when asked. */
export async function selectEmployersInRegion(
  db: Db,
  regionPrefix: string,
  page: { afterId?: number; limit?: number } = {},
  search: EmployerSearch = {},
): Promise<Employer[]> {
  let query = db
    .selectFrom('employers')
    .selectAll()
    .where('region_code', 'like', `${regionPrefix}%`)
    .orderBy('id');
  if (search.creditCode !== undefined) query = query.where('credit_code', '=', search.creditCode);
  if (search.namePrefix !== undefined) query = query.where(startsWith(db, 'name', search.namePrefix));
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  if (page.limit !== undefined) query = query.limit(page.limit);
  return (await query.execute()).map(toEmployer);
}

// Persons

export async function insertPerson(db: Db, row: Insertable<PersonsTable>): Promise<Person> {
  return toPerson(await db.insertInto('persons').values(row).returningAll().executeTakeFirstOrThrow());
}

export async function selectPersonById(db: Db, id: number): Promise<Person | undefined> {
  const row = await db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPerson(row);
}

export async function selectPersonByIdNumber(db: Db, idNumber: string): Promise<Person | undefined> {
  const row = await db.selectFrom('persons').selectAll().where('id_number', '=', idNumber).executeTakeFirst();
  return row && toPerson(row);
}

/** What staff search persons by: the exact identity number, or the start of the name. */
export interface PersonSearch {
  idNumber?: string;
  namePrefix?: string;
}

/** Persons registered in a region (and the regions inside it) by id, found by a search when given. */
export async function selectPersonsInRegion(
  db: Db,
  regionPrefix: string,
  search: PersonSearch,
  page: { afterId?: number; limit: number },
): Promise<Person[]> {
  let query = db
    .selectFrom('persons')
    .selectAll()
    .where('region_code', 'like', `${regionPrefix}%`)
    .orderBy('id')
    .limit(page.limit);
  if (search.idNumber !== undefined) query = query.where('id_number', '=', search.idNumber);
  if (search.namePrefix !== undefined) query = query.where(startsWith(db, 'name', search.namePrefix));
  if (page.afterId !== undefined) query = query.where('id', '>', page.afterId);
  return (await query.execute()).map(toPerson);
}

export async function selectPersonsByIds(db: Db, ids: readonly number[]): Promise<Person[]> {
  const result: Person[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.selectFrom('persons').selectAll().where('id', 'in', part).execute();
    result.push(...rows.map(toPerson));
  }
  return result;
}

export async function selectPersonsByIdNumbers(db: Db, idNumbers: readonly string[]): Promise<Person[]> {
  const result: Person[] = [];
  for (const part of chunks(idNumbers)) {
    const rows = await db.selectFrom('persons').selectAll().where('id_number', 'in', part).execute();
    result.push(...rows.map(toPerson));
  }
  return result;
}

export async function updatePersonCategory(
  db: Db,
  personId: number,
  category: Person['category'],
): Promise<void> {
  await db.updateTable('persons').set({ category }).where('id', '=', personId).execute();
}

// Employments

export async function insertEmployment(db: Db, row: Insertable<EmploymentsTable>): Promise<Employment> {
  return toEmployment(
    await db.insertInto('employments').values(row).returningAll().executeTakeFirstOrThrow(),
  );
}

export async function selectEmploymentById(db: Db, id: number): Promise<Employment | undefined> {
  const row = await db.selectFrom('employments').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toEmployment(row);
}

/** A person's employments (at one employer, when given), oldest first. */
export async function selectEmploymentsOfPerson(
  db: Db,
  personId: number,
  employerId?: number,
): Promise<Employment[]> {
  let query = db.selectFrom('employments').selectAll().where('person_id', '=', personId);
  if (employerId !== undefined) query = query.where('employer_id', '=', employerId);
  const rows = await query.orderBy('hired_on').orderBy('id').execute();
  return rows.map(toEmployment);
}

export async function selectEmploymentsOfPersons(
  db: Db,
  personIds: readonly number[],
): Promise<Employment[]> {
  const result: Employment[] = [];
  for (const part of chunks(personIds)) {
    const rows = await db.selectFrom('employments').selectAll().where('person_id', 'in', part).execute();
    result.push(...rows.map(toEmployment));
  }
  return result;
}

/** An employer's employments, optionally only those that include a day; by hire date. */
export async function selectEmploymentsOfEmployer(
  db: Db,
  employerId: number,
  activeOn?: string,
): Promise<Employment[]> {
  let query = db.selectFrom('employments').selectAll().where('employer_id', '=', employerId);
  if (activeOn !== undefined) {
    query = query
      .where('hired_on', '<=', activeOn)
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>=', activeOn)]));
  }
  const rows = await query.orderBy('hired_on').orderBy('id').execute();
  return rows.map(toEmployment);
}

/** Closes an open employment; 0 when it was closed meanwhile. */
export async function closeEmployment(
  db: Db,
  employmentId: number,
  leftOn: string,
  reason: LeaveReason,
  reportedOn: string,
): Promise<number> {
  const result = await db
    .updateTable('employments')
    .set({ left_on: leftOn, leave_reason: reason, leave_reported_on: reportedOn })
    .where('id', '=', employmentId)
    .where('left_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// Contribution bases

export interface BaseVersionKey {
  personId: number;
  employerId: number;
  cycleStart: string;
  version: number;
}

/** The highest version per (person, employer, cycle) of the given persons. */
export async function selectMaxBaseVersions(db: Db, personIds: readonly number[]): Promise<BaseVersionKey[]> {
  const result: BaseVersionKey[] = [];
  for (const part of chunks(personIds)) {
    const rows = await db
      .selectFrom('contribution_bases')
      .select(['person_id', 'employer_id', 'cycle_start'])
      .select((eb) => eb.fn.max('version').as('version'))
      .where('person_id', 'in', part)
      .groupBy(['person_id', 'employer_id', 'cycle_start'])
      .execute();
    for (const row of rows) {
      result.push({
        personId: Number(row.person_id),
        employerId: Number(row.employer_id),
        cycleStart: row.cycle_start,
        version: Number(row.version),
      });
    }
  }
  return result;
}

export async function insertBases(
  db: Db,
  rows: readonly Insertable<ContributionBasesTable>[],
): Promise<void> {
  for (const part of chunks(rows)) await db.insertInto('contribution_bases').values(part).execute();
}

export async function insertBase(db: Db, row: Insertable<ContributionBasesTable>): Promise<ContributionBase> {
  return toContributionBase(
    await db.insertInto('contribution_bases').values(row).returningAll().executeTakeFirstOrThrow(),
  );
}

/** Every version for one person at one employer (in one cycle, when given), oldest first. */
export async function selectBaseVersions(
  db: Db,
  personId: number,
  employerId: number,
  cycleStart?: string,
): Promise<ContributionBase[]> {
  let query = db
    .selectFrom('contribution_bases')
    .selectAll()
    .where('person_id', '=', personId)
    .where('employer_id', '=', employerId);
  if (cycleStart !== undefined) query = query.where('cycle_start', '=', cycleStart);
  const rows = await query.orderBy('cycle_start').orderBy('version').execute();
  return rows.map(toContributionBase);
}

/** The latest version of every base an employer declared for a cycle, one per person. */
export async function selectLatestBasesOfEmployer(
  db: Db,
  employerId: number,
  cycleStart: string,
): Promise<ContributionBase[]> {
  const rows = await db
    .selectFrom('contribution_bases as b')
    .selectAll('b')
    .where('b.employer_id', '=', employerId)
    .where('b.cycle_start', '=', cycleStart)
    .where(({ eb, selectFrom }) =>
      eb(
        'b.version',
        '=',
        selectFrom('contribution_bases as later')
          .select((inner) => inner.fn.max('later.version').as('version'))
          .whereRef('later.person_id', '=', 'b.person_id')
          .whereRef('later.employer_id', '=', 'b.employer_id')
          .whereRef('later.cycle_start', '=', 'b.cycle_start'),
      ),
    )
    .orderBy('b.person_id')
    .execute();
  return rows.map(toContributionBase);
}

// Flexible enrolments

export async function insertEnrolment(
  db: Db,
  row: Insertable<FlexibleEnrolmentsTable>,
): Promise<FlexibleEnrolment> {
  return toFlexibleEnrolment(
    await db.insertInto('flexible_enrolments').values(row).returningAll().executeTakeFirstOrThrow(),
  );
}

export async function selectEnrolmentsOfPerson(db: Db, personId: number): Promise<FlexibleEnrolment[]> {
  const rows = await db
    .selectFrom('flexible_enrolments')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_period')
    .orderBy('id')
    .execute();
  return rows.map(toFlexibleEnrolment);
}

/** Sets the end of an open enrolment; 0 when it was closed meanwhile. */
export async function closeEnrolment(db: Db, enrolmentId: number, endPeriod: string): Promise<number> {
  const result = await db
    .updateTable('flexible_enrolments')
    .set({ end_period: endPeriod })
    .where('id', '=', enrolmentId)
    .where('end_period', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Replaces the base of an enrolment that has not started yet (no month is billed on it). */
export async function updateEnrolmentBase(
  db: Db,
  enrolmentId: number,
  baseFen: number,
  gradePpm: number,
): Promise<void> {
  await db
    .updateTable('flexible_enrolments')
    .set({ base_fen: baseFen, grade_ppm: gradePpm })
    .where('id', '=', enrolmentId)
    .execute();
}

// Monthly declarations

/** Records the declaration unless one exists; true when this call recorded it. */
export async function insertDeclarationIfAbsent(db: Db, row: Declaration): Promise<boolean> {
  const result = await db
    .insertInto('declarations')
    .values({
      employer_id: row.employerId,
      period: row.period,
      declared_on: row.declaredOn,
      recorded_at: row.recordedAt,
    })
    .onConflict((conflict) => conflict.columns(['employer_id', 'period']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function selectDeclaration(
  db: Db,
  employerId: number,
  period: string,
): Promise<Declaration | undefined> {
  const row = await db
    .selectFrom('declarations')
    .selectAll()
    .where('employer_id', '=', employerId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row && toDeclaration(row);
}

/**
 * One INSERT ... SELECT: a declaration for every employer of the region, established by the end of
 * the period, that has none for it yet. Returns how many were recorded.
 */
export async function insertRegionDeclarations(
  db: Db,
  regionPrefix: string,
  period: string,
  declaredOn: string,
  recordedAt: string,
): Promise<number> {
  const result = await db
    .insertInto('declarations')
    .columns(['employer_id', 'period', 'declared_on', 'recorded_at'])
    .expression((eb) =>
      eb
        .selectFrom('employers as e')
        .select((inner) => [
          'e.id',
          inner.cast<string>(inner.val(period), 'text').as('period'),
          inner.cast<string>(inner.val(declaredOn), 'text').as('declared_on'),
          inner.cast<string>(inner.val(recordedAt), 'text').as('recorded_at'),
        ])
        .where('e.region_code', 'like', `${regionPrefix}%`)
        // Any day of the month sorts at or before "YYYY-MM-31", whatever the month's length.
        .where('e.established_on', '<=', `${period}-31`)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('declarations as d')
                .select('d.employer_id')
                .whereRef('d.employer_id', '=', 'e.id')
                .where('d.period', '=', period),
            ),
          ),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

const personRegion = prepareQuery(
  (_dialect, personId: number) => sql<{ region_code: string }>`select region_code from persons
    where id = ${personId}`,
);

/** The person's region, for the access check of every route about one person (compiled once: hot). */
export async function selectPersonRegionCode(
  db: Kysely<Database>,
  personId: number,
): Promise<string | undefined> {
  return (await personRegion(db, personId))[0]?.region_code;
}
