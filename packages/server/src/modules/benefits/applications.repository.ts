import type { Insertable, Kysely, Selectable } from 'kysely';
import type {
  ApplicationDocumentsTable,
  ApplicationEventsTable,
  ApplicationState,
  BenefitApplicationsTable,
  Database,
} from '../../db/index.ts';

export type ApplicationRow = Selectable<BenefitApplicationsTable>;
export type EventRow = Selectable<ApplicationEventsTable>;
export type DocumentRow = Selectable<ApplicationDocumentsTable>;

export async function insertApplication(
  db: Kysely<Database>,
  row: Insertable<BenefitApplicationsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('benefit_applications')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function setApplicationNo(
  db: Kysely<Database>,
  id: number,
  applicationNo: string,
): Promise<void> {
  await db
    .updateTable('benefit_applications')
    .set({ application_no: applicationNo })
    .where('id', '=', id)
    .execute();
}

export async function insertEvent(
  db: Kysely<Database>,
  row: Insertable<ApplicationEventsTable>,
): Promise<void> {
  await db.insertInto('application_events').values(row).execute();
}

export function selectApplication(db: Kysely<Database>, id: number): Promise<ApplicationRow | undefined> {
  return db.selectFrom('benefit_applications').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Moves an application from one of the states `from` to `to`, only if it is still in one of them (a
 * concurrent change loses); true when it moved.
 */
export async function updateApplicationState(
  db: Kysely<Database>,
  id: number,
  from: readonly ApplicationState[],
  change: Partial<
    Pick<ApplicationRow, 'state' | 'decision' | 'decision_reasons' | 'decided_on' | 'approval_id'>
  > & {
    updated_at: string;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('benefit_applications')
    .set(change)
    .where('id', '=', id)
    .where('state', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export function selectEvents(db: Kysely<Database>, applicationId: number): Promise<EventRow[]> {
  return db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

/** The events of many applications at once (a queue page), in order. */
export function selectEventsOf(db: Kysely<Database>, applicationIds: readonly number[]): Promise<EventRow[]> {
  if (applicationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('application_events')
    .selectAll()
    .where('application_id', 'in', applicationIds)
    .orderBy('id')
    .execute();
}

export async function insertDocument(
  db: Kysely<Database>,
  row: Insertable<ApplicationDocumentsTable>,
): Promise<number> {
  const { id } = await db
    .insertInto('application_documents')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export function selectDocuments(db: Kysely<Database>, applicationId: number): Promise<DocumentRow[]> {
  return db
    .selectFrom('application_documents')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export function selectDocument(
  db: Kysely<Database>,
  applicationId: number,
  documentId: number,
): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('application_documents')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('id', '=', documentId)
    .executeTakeFirst();
}

/** A person's applications, newest first. */
export function selectPersonApplications(db: Kysely<Database>, personId: number): Promise<ApplicationRow[]> {
  return db
    .selectFrom('benefit_applications')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id', 'desc')
    .execute();
}

/** A region's applications in given states, by id from a cursor (the staff queue; a region prefix covers its counties). */
export function selectQueue(
  db: Kysely<Database>,
  query: { regionPrefix: string; states: readonly ApplicationState[]; afterId?: number; limit: number },
): Promise<ApplicationRow[]> {
  let select = db
    .selectFrom('benefit_applications')
    .selectAll()
    .where('region_code', 'like', `${query.regionPrefix}%`)
    .where('state', 'in', query.states);
  if (query.afterId !== undefined) select = select.where('id', '>', query.afterId);
  return select.orderBy('id').limit(query.limit).execute();
}

/** A clock shortened for a clear case (docs/RULES.md 15.15). */
export async function updateApplicationClock(
  db: Kysely<Database>,
  id: number,
  clock: Pick<ApplicationRow, 'clock_days' | 'clock_unit' | 'clock_source' | 'updated_at'>,
): Promise<void> {
  await db.updateTable('benefit_applications').set(clock).where('id', '=', id).execute();
}

/** The applications an employer filed for its employees, newest first, a page from a cursor. */
export function selectEmployerApplications(
  db: Kysely<Database>,
  query: { employerId: number; beforeId?: number; limit: number },
): Promise<ApplicationRow[]> {
  let select = db.selectFrom('benefit_applications').selectAll().where('employer_id', '=', query.employerId);
  if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
  return select.orderBy('id', 'desc').limit(query.limit).execute();
}
