import type { Insertable, Kysely } from 'kysely';
import type { ApprovalsTable, Database } from '../../db/index.ts';

type Db = Kysely<Database>;

export async function insertApproval(db: Db, row: Insertable<ApprovalsTable>): Promise<number> {
  const { id } = await db.insertInto('approvals').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function selectApproval(db: Db, id: number) {
  return db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectApprovals(
  db: Db,
  filter: { status?: ApprovalsTable['status']; afterId?: number; limit: number },
) {
  let query = db.selectFrom('approvals').selectAll();
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
