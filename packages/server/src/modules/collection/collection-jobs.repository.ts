import type { Kysely, Selectable, Updateable } from 'kysely';
import type { CollectionJobsTable, Database } from '../../db/index.ts';

type Db = Kysely<Database>;
export type CollectionJobRow = Selectable<CollectionJobsTable>;

export async function selectCollectionJob(db: Db, id: number): Promise<CollectionJobRow | undefined> {
  return db.selectFrom('collection_jobs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The job of a region and month that holds the "one running job" slot, if any. */
export async function selectRunningJob(
  db: Db,
  regionCode: string,
  period: string,
): Promise<CollectionJobRow | undefined> {
  return db
    .selectFrom('collection_jobs')
    .selectAll()
    .where('region_code', '=', regionCode)
    .where('period', '=', period)
    .where('status', '=', 'running')
    .executeTakeFirst();
}

/** Every job that holds a "running" slot, in every region. */
export async function selectAllRunningJobs(db: Db): Promise<CollectionJobRow[]> {
  return db.selectFrom('collection_jobs').selectAll().where('status', '=', 'running').execute();
}

/** Jobs of one region (optionally one month), newest first, a page before an id when asked. */
export async function selectCollectionJobs(
  db: Db,
  filter: { regionCode: string; period?: string; beforeId?: number; limit: number },
): Promise<CollectionJobRow[]> {
  let query = db
    .selectFrom('collection_jobs')
    .selectAll()
    .where('region_code', '=', filter.regionCode)
    .orderBy('id', 'desc')
    .limit(filter.limit);
  if (filter.period !== undefined) query = query.where('period', '=', filter.period);
  if (filter.beforeId !== undefined) query = query.where('id', '<', filter.beforeId);
  return query.execute();
}

export async function insertCollectionJob(
  db: Db,
  row: Pick<
    CollectionJobRow,
    'region_code' | 'period' | 'started_by' | 'started_at' | 'heartbeat_at' | 'owner'
  >,
): Promise<number> {
  const inserted = await db
    .insertInto('collection_jobs')
    .values({ ...row, status: 'running' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(inserted.id);
}

/** Changes a job that is still running; a job already finished or given up is left as it is. */
export async function updateRunningJob(
  db: Db,
  id: number,
  changes: Updateable<CollectionJobsTable>,
): Promise<boolean> {
  const result = await db
    .updateTable('collection_jobs')
    .set(changes)
    .where('id', '=', id)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
