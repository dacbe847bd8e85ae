import type { Kysely } from 'kysely';

/**
 * The public halves of the statement signing keys (issue 13, defect 6; docs/RULES.md 13.5): a statement names its key by id, and verification finds that key here after a rotation has
 * replaced the private key. Public keys are not secret; the private key stays in its file only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signing_keys')
    .addColumn('key_id', 'text', (col) => col.primaryKey())
    .addColumn('public_key_pem', 'text', (col) => col.notNull())
    .addColumn('added_at', 'text', (col) => col.notNull())
    .addColumn('retired_at', 'text')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('signing_keys').execute();
}
