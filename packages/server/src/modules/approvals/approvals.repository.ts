import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { ApprovalsTable, Database } from '../../db/index.ts';

type Db = Kysely<Database>;

export async function insertApproval(db: Db, row: Insertable<ApprovalsTable>): Promise<number> {
  const { id } = await db.insertInto('approvals').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function selectApproval(db: Db, id: number) {
  return db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirst();
}

export type ApprovalRow = Selectable<ApprovalsTable>;

export function selectApprovals(
  db: Db,
  filter: {
    status?: ApprovalsTable['status'];
    afterId?: number;
    limit: number;
    /** Only approvals whose region starts with one of these (a staff member's regions); all when absent. */
    regionPrefixes?: readonly string[];
  },
) {
  let query = db.selectFrom('approvals').selectAll();
  const prefixes = filter.regionPrefixes;
  if (prefixes !== undefined)
    query = prefixes.length
      ? query.where((eb) => eb.or(prefixes.map((prefix) => eb('region_code', 'like', `${prefix}%`))))
      : query.where(sql<boolean>`false`);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId);
  return query.orderBy('id').limit(filter.limit).execute();
}

/** Decides a pending approval; false when another decision got there first. */
export async function decideApproval(
  db: Db,
  id: number,
  decision: {
    status: 'approved' | 'rejected';
    decided_by: number;
    decided_at: string;
    decision_note: string | null;
    result_json: string | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable('approvals')
    .set(decision)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A pending proposal of this kind whose payload names `field` with `value` (a payment's reversal waiting
 * for approval already), if any.
 */
export async function selectPendingProposal(
  db: Db,
  kind: string,
  field: string,
  value: string,
): Promise<{ id: number } | undefined> {
  const row = await db
    .selectFrom('approvals')
    .select('id')
    .where('status', '=', 'pending')
    .where('kind', '=', kind)
    .where('payload_json', 'like', `%${JSON.stringify(field)}:${JSON.stringify(value)}%`)
    .executeTakeFirst();
  return row && { id: Number(row.id) };
}
