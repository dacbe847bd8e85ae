import { sql, type Kysely } from 'kysely';
import { idRefType } from './column-types.ts';

/**
 * Who issued each API token (issue 13, defect 1): a token acts as its creator or as a system account the
 * creator manages, so the creator is stored and checked on every use. `created_via` says how it was
 * issued: 'api' (by the staff member in created_by), 'cli' (by the operator of the server's own command
 * line, who holds the database anyway) or 'legacy' (before this migration: nobody knows who minted it).
 *
 * Legacy tokens are revoked here: before this migration any administrator could mint a token as any
 * staff account, so a token without a recorded creator cannot be trusted (docs/OPERATIONS.md, "API
 * tokens", says to issue new ones after upgrading).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('api_tokens')
    // A user id; no foreign key, so that SQLite can drop the column again in down().
    .addColumn('created_by', idRefType(db))
    .execute();
  await db.schema
    .alterTable('api_tokens')
    .addColumn('created_via', 'text', (col) =>
      col
        .notNull()
        .defaultTo('legacy')
        .check(sql`created_via in ('api', 'cli', 'legacy')`),
    )
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('revoked_by', 'text').execute();
  await sql`update api_tokens set revoked_at = ${new Date().toISOString()}, revoked_by = 'migration 0013'
            where revoked_at is null`.execute(db);
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
  await db.schema.createIndex('api_tokens_created_by').on('api_tokens').column('created_by').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('api_tokens_created_by').execute();
  await db.schema.dropIndex('api_tokens_user').execute();
  await db.schema.alterTable('api_tokens').dropColumn('revoked_by').execute();
  await db.schema.alterTable('api_tokens').dropColumn('created_via').execute();
  await db.schema.alterTable('api_tokens').dropColumn('created_by').execute();
}
