import { type Kysely } from 'kysely';

/**
 * The process that works a collection job (issue 13, defect 7; docs/OPERATIONS.md, "Collection jobs"): its
 * host, boot, process id, process start and a per-process instance id, as JSON. A new start of the month
 * takes over at once a job whose process is known to be gone (same host, the process no longer there), and
 * keeps the heartbeat lease only for a job worked by another host, which may still be alive. Null for jobs
 * written before this column, which the lease alone decides.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('collection_jobs').addColumn('owner', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('collection_jobs').dropColumn('owner').execute();
}
