import type { Insertable, Kysely } from 'kysely';
import type { Database, MedicalResidentEnrolmentsTable } from '../../db/schema.ts';

/** Residents' yearly enrolments in the residents' medical scheme with their waiting periods (docs/RULES.md 16.5). */

type Db = Kysely<Database>;

export async function insertResidentEnrolment(
  db: Db,
  row: Insertable<MedicalResidentEnrolmentsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('medical_resident_enrolments')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

/** The enrolments of these persons for these years. */
export function selectEnrolments(db: Db, personIds: readonly number[], years: readonly number[]) {
  return db
    .selectFrom('medical_resident_enrolments')
    .selectAll()
    .where('person_id', 'in', [...personIds])
    .where('year', 'in', [...years])
    .execute();
}

/** Every enrolment of one person, latest year first. */
export function selectEnrolmentsOfPerson(db: Db, personId: number) {
  return db
    .selectFrom('medical_resident_enrolments')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('year', 'desc')
    .execute();
}
