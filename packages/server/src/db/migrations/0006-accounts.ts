import { sql, type Kysely } from 'kysely';
import { addIdColumn, idRefType } from './column-types.ts';

/**
 * Accounts and second-person approval: users of every kind (insured person, employer user, agency staff,
 * other systems), server-side sessions and API tokens (both stored only as SHA-256 hashes of the secret
 * handed out), and proposed sensitive changes waiting for another staff member's decision.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const ref = idRefType(db);

  await db.schema
    .createTable('users')
    .addColumn(...addIdColumn(db))
    .addColumn('kind', 'text', (col) =>
      col.notNull().check(sql`kind in ('person', 'employer', 'staff', 'system')`),
    )
    // One unique name per account across kinds: 'staff:<user name>', 'employer:<employer id>:<user name>',
    // 'person:<person id>', 'system:<name>'; canonical lower case.
    .addColumn('login_key', 'text', (col) => col.notNull().unique())
    .addColumn('user_name', 'text')
    .addColumn('display_name', 'text', (col) => col.notNull())
    .addColumn('person_id', ref, (col) => col.references('persons.id'))
    .addColumn('employer_id', ref, (col) => col.references('employers.id'))
    // argon2id PHC string; null for system accounts, which only use API tokens.
    .addColumn('password_hash', 'text')
    // JSON arrays: staff roles, and the GB/T 2260 regions a staff member may act in.
    .addColumn('roles_json', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('region_codes_json', 'text', (col) => col.notNull().defaultTo('[]'))
    .addColumn('failed_logins', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('locked_until', 'text')
    .addColumn('disabled', 'integer', (col) => col.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('created_by', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (col) => col.primaryKey())
    .addColumn('user_id', ref, (col) => col.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn(...addIdColumn(db))
    .addColumn('token_hash', 'text', (col) => col.notNull().unique())
    .addColumn('user_id', ref, (col) => col.notNull().references('users.id'))
    .addColumn('name', 'text', (col) => col.notNull())
    .addColumn('scope', 'text', (col) => col.notNull().check(sql`scope in ('read', 'write')`))
    .addColumn('created_at', 'text', (col) => col.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('approvals')
    .addColumn(...addIdColumn(db))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('region_code', 'text', (col) => col.notNull())
    .addColumn('payload_json', 'text', (col) => col.notNull())
    .addColumn('summary', 'text', (col) => col.notNull())
    .addColumn('status', 'text', (col) =>
      col.notNull().check(sql`status in ('pending', 'approved', 'rejected')`),
    )
    .addColumn('proposed_by', ref, (col) => col.notNull().references('users.id'))
    .addColumn('proposed_at', 'text', (col) => col.notNull())
    .addColumn('decided_by', ref, (col) => col.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('result_json', 'text')
    // A proposer never decides their own proposal, whatever the code above does.
    .addCheckConstraint('approvals_second_person', sql`decided_by is null or decided_by <> proposed_by`)
    .execute();
  await db.schema.createIndex('approvals_status').on('approvals').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['approvals', 'api_tokens', 'sessions', 'users']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
