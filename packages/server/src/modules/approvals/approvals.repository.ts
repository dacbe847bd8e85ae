import { sql, type Insertable, type Kysely } from 'kysely';
import type { ApprovalsTable, Database } from '../../db/index.ts';

type Db = Kysely<Database>;

export async function insertApproval(db: Db, row: Insertable<ApprovalsTable>): Promise<number> {
  const { id } = await db.insertInto('approvals').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

/** Approvals with the names of who proposed and who decided, as staff see them on the approvals page. */
function approvalsWithNames(db: Db) {
  return db
    .selectFrom('approvals')
    .innerJoin('users as proposer', 'proposer.id', 'approvals.proposed_by')
    .leftJoin('users as decider', 'decider.id', 'approvals.decided_by')
    .selectAll('approvals')
    .select(['proposer.display_name as proposer_name', 'decider.display_name as decider_name']);
}

export function selectApproval(db: Db, id: number) {
  return approvalsWithNames(db).where('approvals.id', '=', id).executeTakeFirst();
}

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
  let query = approvalsWithNames(db);
  const prefixes = filter.regionPrefixes;
  if (prefixes !== undefined)
    query = prefixes.length
      ? query.where((eb) =>
          eb.or(prefixes.map((prefix) => eb('approvals.region_code', 'like', `${prefix}%`))),
        )
      : query.where(sql<boolean>`false`);
  if (filter.status !== undefined) query = query.where('approvals.status', '=', filter.status);
  if (filter.afterId !== undefined) query = query.where('approvals.id', '>', filter.afterId);
  return query.orderBy('approvals.id').limit(filter.limit).execute();
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
