import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, PensionAdjustmentHistoryTable } from '../../db/index.ts';

export type HistoryRow = Selectable<PensionAdjustmentHistoryTable>;

/** A chunk's history rows, one statement per 500. */
export async function insertHistory(
  db: Kysely<Database>,
  rows: readonly Insertable<PensionAdjustmentHistoryTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 500)
    await db
      .insertInto('pension_adjustment_history')
      .values(rows.slice(start, start + 500))
      .execute();
}

/** Of the awards named, those any of the policies named has adjusted already. */
export async function selectAdjustedAwardNos(
  db: Kysely<Database>,
  policyIds: readonly number[],
  awardNos: readonly string[],
): Promise<Set<string>> {
  if (policyIds.length === 0 || awardNos.length === 0) return new Set();
  const rows = await db
    .selectFrom('pension_adjustment_history')
    .select('award_no')
    .where('policy_id', 'in', policyIds)
    .where('award_no', 'in', awardNos)
    .execute();
  return new Set(rows.map((row) => row.award_no));
}

/** A policy's changes by id from a cursor. */
export function selectPolicyChanges(
  db: Kysely<Database>,
  query: { policyId: number; afterId: number; limit: number },
): Promise<HistoryRow[]> {
  return db
    .selectFrom('pension_adjustment_history')
    .selectAll()
    .where('policy_id', '=', query.policyId)
    .where('id', '>', query.afterId)
    .orderBy('id')
    .limit(query.limit)
    .execute();
}

/** Every adjustment of the awards named, oldest first. */
export function selectAwardHistory(db: Kysely<Database>, awardNos: readonly string[]): Promise<HistoryRow[]> {
  if (awardNos.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('pension_adjustment_history')
    .selectAll()
    .where('award_no', 'in', awardNos)
    .orderBy('award_no')
    .orderBy('id')
    .execute();
}

/** Whether a policy has adjusted any award. */
export async function hasAdjusted(db: Kysely<Database>, policyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('pension_adjustment_history')
    .select('id')
    .where('policy_id', '=', policyId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
