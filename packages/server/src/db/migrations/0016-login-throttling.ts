import { type Kysely } from 'kysely';
import { addIdColumn, idRefType } from './column-types.ts';

/**
 * Login throttling instead of a lock (issue 13, defect 4; docs/RULES.md 9.7): failed logins counted per
 * submitted login name and per client address, whether or not the account exists (so the replies do not
 * tell), each with the time before which the next attempt is refused; and notices an account holder sees
 * about repeated failed logins on their account.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('login_throttles')
    // 'account:<kind>:<name as typed, canonical case>' or 'address:<ip>'.
    .addColumn('key', 'text', (col) => col.primaryKey())
    .addColumn('failures', 'integer', (col) => col.notNull())
    .addColumn('last_failure_at', 'text', (col) => col.notNull())
    .addColumn('next_allowed_at', 'text', (col) => col.notNull())
    .execute();

  await db.schema
    .createTable('account_notices')
    .addColumn(...addIdColumn(db))
    .addColumn('user_id', idRefType(db), (col) => col.notNull().references('users.id'))
    .addColumn('kind', 'text', (col) => col.notNull())
    .addColumn('detail', 'text', (col) => col.notNull())
    .addColumn('created_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('account_notices_user')
    .on('account_notices')
    .columns(['user_id', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('account_notices').execute();
  await db.schema.dropTable('login_throttles').execute();
}
