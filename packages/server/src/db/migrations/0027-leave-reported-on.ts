import type { Kysely } from 'kysely';

/**
 * The day the agency learnt that an employment ended: the employer reports a termination within 15 days of
 * it (SIL Art. 50; docs/RULES.md 15.18), so an unemployment claim shows whether it did. Null for the ends
 * recorded before this column existed, whose day is not known.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('employments').addColumn('leave_reported_on', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('employments').dropColumn('leave_reported_on').execute();
}
