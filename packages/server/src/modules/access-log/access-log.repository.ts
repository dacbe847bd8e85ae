import type { Kysely } from 'kysely';
import { bulkInsert, type Database } from '../../db/index.ts';
import type { AccessLogEntry } from './access-log.schemas.ts';

type Db = Kysely<Database>;

const COLUMNS = [
  'person_id',
  'accessed_at',
  'actor_kind',
  'actor_id',
  'actor_label',
  'what',
  'route',
  'request_id',
] as const;
const TYPES = ['bigint', 'text', 'text', 'text', 'text', 'text', 'text', 'text'] as const;

/**
 * Outside a transaction the rows go in one of their own: bulkInsert writes on SQLite's one connection
 * directly, and only Kysely's transaction takes that connection's lock, so another request's transaction
 * in progress can neither swallow these rows nor roll them back.
 */
export async function insertAccessRows(db: Db, rows: (string | number | null)[][]): Promise<void> {
  if (db.isTransaction) return bulkInsert(db, 'access_log', COLUMNS, TYPES, rows);
  await db.transaction().execute((trx) => bulkInsert(trx, 'access_log', COLUMNS, TYPES, rows));
}

/** A person's log, newest first, from before the cursor id. */
export async function selectAccessLog(
  db: Db,
  personId: number,
  page: { beforeId?: number; limit: number },
): Promise<AccessLogEntry[]> {
  let query = db
    .selectFrom('access_log')
    .select(['id', 'accessed_at', 'actor_kind', 'actor_label', 'what', 'route'])
    .where('person_id', '=', personId);
  if (page.beforeId !== undefined) query = query.where('id', '<', page.beforeId);
  const rows = await query.orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map((row) => ({
    id: row.id,
    accessedAt: row.accessed_at,
    actorKind: row.actor_kind,
    actorLabel: row.actor_label,
    what: row.what,
    route: row.route,
  }));
}
