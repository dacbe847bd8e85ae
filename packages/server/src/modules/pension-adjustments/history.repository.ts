import type { Insertable, Kysely, Selectable } from 'kysely';
import { bulkInsert, type Database, type PensionAdjustmentHistoryTable } from '../../db/index.ts';

export type HistoryRow = Selectable<PensionAdjustmentHistoryTable>;

const HISTORY_COLUMNS = [
  'award_no',
  'policy_id',
  'award_version',
  'from_period',
  'before_fen',
  'increase_fen',
  'after_fen',
  'explanation',
  'recorded_at',
] as const;
const HISTORY_TYPES = ['text', 'bigint', 'integer', 'text', 'bigint', 'bigint', 'bigint', 'text', 'text'];

/** A chunk's history rows through the batch insert. */
export async function insertHistory(
  db: Kysely<Database>,
  rows: readonly Insertable<PensionAdjustmentHistoryTable>[],
): Promise<void> {
  await bulkInsert(
    db,
    'pension_adjustment_history',
    HISTORY_COLUMNS,
    HISTORY_TYPES,
    rows.map((row) => HISTORY_COLUMNS.map((column) => row[column] as string | number)),
  );
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
