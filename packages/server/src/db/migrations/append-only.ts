import { sql, type Kysely } from 'kysely';
import { dialectOf } from '../dialect-of.ts';

/** Append-only tables: the database itself refuses an update or a delete (docs/RULES.md 8.3). */
export async function forbidChanges(db: Kysely<unknown>, tables: string[]): Promise<void> {
  if (dialectOf(db) === 'postgres') {
    await sql`create or replace function shebao_append_only() returns trigger language plpgsql as $$
      begin raise exception '% is append-only: post a reversing transaction instead', tg_table_name; end $$`.execute(
      db,
    );
    for (const table of tables) {
      await sql`create trigger ${sql.id(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function shebao_append_only()`.execute(db);
    }
    return;
  }
  for (const table of tables) {
    for (const action of ['update', 'delete']) {
      await sql`create trigger ${sql.id(`${table}_no_${action}`)} before ${sql.raw(action)} on ${sql.table(table)}
        begin select raise(abort, ${sql.lit(`${table} is append-only: post a reversing transaction instead`)}); end`.execute(
        db,
      );
    }
  }
}
