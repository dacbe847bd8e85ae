import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MedicalReviewFlagsTable } from '../../db/schema.ts';

/** The review queue of flagged claims and the officers' reviews (docs/RULES.md 16.7). */

type Db = Kysely<Database>;
export type FlagRow = Selectable<MedicalReviewFlagsTable>;

/** Writes the flags a scan found; a claim already flagged by a rule is left as it is. Returns how many were new. */
export async function insertFlags(
  db: Db,
  rows: readonly Insertable<MedicalReviewFlagsTable>[],
): Promise<number> {
  let added = 0;
  for (let start = 0; start < rows.length; start += 500) {
    const result = await db
      .insertInto('medical_review_flags')
      .values(rows.slice(start, start + 500))
      .onConflict((oc) => oc.columns(['claim_id', 'rule']).doNothing())
      .executeTakeFirst();
    added += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return added;
}

export function selectFlags(
  db: Db,
  filter: { regionPrefix: string; status?: FlagRow['status']; afterId?: number; limit: number },
) {
  let query = db
    .selectFrom('medical_review_flags')
    .selectAll()
    .where('region_code', 'like', `${filter.regionPrefix}%`);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.afterId) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit).execute();
}

export function selectFlagsById(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([] as FlagRow[]);
  return db
    .selectFrom('medical_review_flags')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
}

export async function updateFlags(
  db: Db,
  ids: readonly number[],
  review: Pick<
    MedicalReviewFlagsTable,
    'status' | 'review_note' | 'reviewed_by' | 'reviewed_at' | 'finding_id'
  >,
): Promise<void> {
  if (ids.length)
    await db
      .updateTable('medical_review_flags')
      .set(review)
      .where('id', 'in', [...ids])
      .execute();
}
