import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MedicalFindingsTable } from '../../db/schema.ts';

/** Findings of the medical fund's supervision and the penalties they carry (docs/RULES.md 16.7). */

type Db = Kysely<Database>;
export type FindingRow = Selectable<MedicalFindingsTable>;

export async function insertFinding(db: Db, row: Insertable<MedicalFindingsTable>): Promise<number> {
  const { id } = await db
    .insertInto('medical_findings')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(id);
}

export function selectFindingByApproval(db: Db, approvalId: number) {
  return db
    .selectFrom('medical_findings')
    .selectAll()
    .where('approval_id', '=', approvalId)
    .executeTakeFirst();
}

export function selectFindingByNo(db: Db, findingNo: string) {
  return db.selectFrom('medical_findings').selectAll().where('finding_no', '=', findingNo).executeTakeFirst();
}

export async function updateFinding(
  db: Db,
  id: number,
  decision: Pick<
    MedicalFindingsTable,
    'status' | 'decided_by' | 'decided_at' | 'suspended_from' | 'suspended_until'
  >,
): Promise<void> {
  await db.updateTable('medical_findings').set(decision).where('id', '=', id).execute();
}

export function selectFindings(
  db: Db,
  filter: { regionPrefix: string; status?: FindingRow['status']; personId?: number; limit: number },
) {
  let query = db
    .selectFrom('medical_findings')
    .selectAll()
    .where('region_code', 'like', `${filter.regionPrefix}%`);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.personId !== undefined) query = query.where('person_id', '=', filter.personId);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}

/** Approved findings suspending these persons' direct settlement, for the claims' coverage. */
export function selectPersonSuspensions(db: Db, personIds: readonly number[]) {
  if (personIds.length === 0)
    return Promise.resolve(
      [] as Pick<FindingRow, 'person_id' | 'suspended_from' | 'suspended_until' | 'finding_no' | 'article'>[],
    );
  return db
    .selectFrom('medical_findings')
    .select(['person_id', 'suspended_from', 'suspended_until', 'finding_no', 'article'])
    .where('subject', '=', 'person')
    .where('status', '=', 'approved')
    .where('suspended_from', 'is not', null)
    .where('person_id', 'in', [...personIds])
    .execute();
}
