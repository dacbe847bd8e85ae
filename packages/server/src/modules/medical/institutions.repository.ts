import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  Database,
  MedicalAgreementEventsTable,
  MedicalAgreementsTable,
  MedicalInstitutionsTable,
} from '../../db/schema.ts';

/** Designated institutions and pharmacies, their service agreements and the agreements' changes of standing. */

type Db = Kysely<Database>;
export type InstitutionRow = Selectable<MedicalInstitutionsTable>;
export type AgreementRow = Selectable<MedicalAgreementsTable>;
export type AgreementEventRow = Selectable<MedicalAgreementEventsTable>;

export async function insertInstitution(db: Db, row: Insertable<MedicalInstitutionsTable>): Promise<number> {
  const { id } = await db
    .insertInto('medical_institutions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export function selectInstitutionByCode(db: Db, code: string) {
  return db.selectFrom('medical_institutions').selectAll().where('code', '=', code).executeTakeFirst();
}

export function selectInstitutionsById(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([] as InstitutionRow[]);
  return db
    .selectFrom('medical_institutions')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

/** A region's institutions (a province covers its prefectures), a page at a time in id order. */
export function selectInstitutionsOfRegion(
  db: Db,
  regionPrefix: string,
  page: { afterId: number; limit: number },
) {
  return db
    .selectFrom('medical_institutions')
    .selectAll()
    .where('region_code', 'like', `${regionPrefix}%`)
    .where('id', '>', page.afterId)
    .orderBy('id')
    .limit(page.limit)
    .execute();
}

export async function insertAgreement(db: Db, row: Insertable<MedicalAgreementsTable>): Promise<number> {
  const { id } = await db
    .insertInto('medical_agreements')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export function selectAgreementsOfInstitutions(db: Db, institutionIds: readonly number[]) {
  if (institutionIds.length === 0) return Promise.resolve([] as AgreementRow[]);
  return db
    .selectFrom('medical_agreements')
    .selectAll()
    .where('institution_id', 'in', [...institutionIds])
    .orderBy('institution_id')
    .orderBy('valid_from')
    .execute();
}

export function selectAgreement(db: Db, agreementId: number) {
  return db.selectFrom('medical_agreements').selectAll().where('id', '=', agreementId).executeTakeFirst();
}

export function selectAgreementByNo(db: Db, agreementNo: string) {
  return db
    .selectFrom('medical_agreements')
    .selectAll()
    .where('agreement_no', '=', agreementNo)
    .executeTakeFirst();
}

/** The agreement's standing now; the event written beside it keeps the history. */
export async function updateAgreementStanding(
  db: Db,
  agreementId: number,
  standing: Pick<
    MedicalAgreementsTable,
    'status' | 'status_from' | 'status_until' | 'status_reason' | 'status_source'
  >,
): Promise<void> {
  await db.updateTable('medical_agreements').set(standing).where('id', '=', agreementId).execute();
}

export async function insertAgreementEvent(
  db: Db,
  row: Insertable<MedicalAgreementEventsTable>,
): Promise<void> {
  await db.insertInto('medical_agreement_events').values(row).execute();
}

export function selectAgreementEvents(db: Db, agreementIds: readonly number[]) {
  if (agreementIds.length === 0) return Promise.resolve([] as AgreementEventRow[]);
  return db
    .selectFrom('medical_agreement_events')
    .selectAll()
    .where('agreement_id', 'in', [...agreementIds])
    .orderBy('id')
    .execute();
}

/** Whether a designated institution with this id is registered (auth asks, for an institution's account). */
export async function institutionExists(db: Db, institutionId: number): Promise<boolean> {
  const row = await db
    .selectFrom('medical_institutions')
    .select('id')
    .where('id', '=', institutionId)
    .executeTakeFirst();
  return row !== undefined;
}
