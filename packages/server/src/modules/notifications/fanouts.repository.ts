import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

export async function insertFanout(
  db: Kysely<Database>,
  row: { kind: 'credited-bills'; payload: string; created_at: string },
): Promise<void> {
  await db.insertInto('notice_fanouts').values(row).execute();
}

/** The next events not yet expanded into their notices, oldest first. */
export function selectPendingFanouts(db: Kysely<Database>, limit: number) {
  return db
    .selectFrom('notice_fanouts')
    .select(['id', 'kind', 'payload'])
    .where('expanded_at', 'is', null)
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function markFanoutExpanded(db: Kysely<Database>, id: number, at: string): Promise<void> {
  await db.updateTable('notice_fanouts').set({ expanded_at: at }).where('id', '=', id).execute();
}
