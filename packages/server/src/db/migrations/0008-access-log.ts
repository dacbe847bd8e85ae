import type { Kysely } from 'kysely';
import { forbidChanges } from './append-only.ts';
import { addIdColumn, idRefType } from './column-types.ts';

/**
 * The access log (docs/RULES.md 9.4): every read of a person's record by someone other
 * than that person, which the person can list. Append-only: a log that can be edited proves nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);
  await db.schema
    .createTable('access_log')
    .addColumn(...addIdColumn(db))
    .addColumn('person_id', ref, (col) => col.notNull().references('persons.id'))
    .addColumn('accessed_at', 'text', (col) => col.notNull())
    // Who: 'staff', 'employer', 'system' (an API token) and a label a person can read.
    .addColumn('actor_kind', 'text', (col) => col.notNull())
    .addColumn('actor_id', 'text', (col) => col.notNull())
    .addColumn('actor_label', 'text', (col) => col.notNull())
    // What was read and through which route.
    .addColumn('what', 'text', (col) => col.notNull())
    .addColumn('route', 'text', (col) => col.notNull())
    .addColumn('request_id', 'text')
    .execute();
  await db.schema.createIndex('access_log_person').on('access_log').columns(['person_id', 'id']).execute();
  await forbidChanges(db, ['access_log']);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_log').execute();
}
