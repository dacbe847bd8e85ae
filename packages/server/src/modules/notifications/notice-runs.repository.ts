import type { Kysely, Selectable, Updateable } from 'kysely';
import type { Database, NoticeRunKind, NoticeRunsTable } from '../../db/index.ts';

export type NoticeRunRow = Selectable<NoticeRunsTable>;

export function selectRun(
  db: Kysely<Database>,
  kind: NoticeRunKind,
  regionCode: string,
  period: string,
): Promise<NoticeRunRow | undefined> {
  return db
    .selectFrom('notice_runs')
    .selectAll()
    .where('kind', '=', kind)
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .executeTakeFirst();
}

export function selectRunById(db: Kysely<Database>, id: number): Promise<NoticeRunRow | undefined> {
  return db.selectFrom('notice_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectRecentRuns(db: Kysely<Database>, limit: number): Promise<NoticeRunRow[]> {
  return db.selectFrom('notice_runs').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/** Creates the run, or answers the one there is (a run is once per kind, region and period). */
export async function insertRunIfAbsent(
  db: Kysely<Database>,
  row: Pick<
    NoticeRunRow,
    'kind' | 'region_code' | 'period' | 'total' | 'started_by' | 'started_at' | 'heartbeat_at'
  >,
): Promise<NoticeRunRow> {
  await db
    .insertInto('notice_runs')
    .values({ ...row, status: 'running' })
    .onConflict((oc) => oc.columns(['kind', 'region_code', 'period']).doNothing())
    .execute();
  return (await selectRun(db, row.kind, row.region_code, row.period))!;
}

export async function updateRun(
  db: Kysely<Database>,
  id: number,
  change: Updateable<NoticeRunsTable>,
): Promise<void> {
  await db.updateTable('notice_runs').set(change).where('id', '=', id).execute();
}

/** Of these event keys, those the outbox holds already. */
export async function selectKnownEventKeys(
  db: Kysely<Database>,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom('notices').select('event_key').where('event_key', 'in', keys).execute();
  return new Set(rows.map((row) => row.event_key));
}
