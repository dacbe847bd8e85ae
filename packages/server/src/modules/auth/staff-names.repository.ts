import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/**
 * Who staff are, by user id (asked through auth's index.ts): the names the approvals page shows for who
 * proposed and who decided, and the login key an applied change records.
 */

type Db = Kysely<Database>;

/** Display names of these users, by id. */
export async function selectDisplayNames(db: Db, userIds: readonly number[]): Promise<Map<number, string>> {
  const unique = [...new Set(userIds)];
  const names = new Map<number, string>();
  for (let start = 0; start < unique.length; start += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'display_name'])
      .where('id', 'in', unique.slice(start, start + 500))
      .execute();
    for (const row of rows) names.set(Number(row.id), row.display_name);
  }
  return names;
}

/** The login key of a user; throws when there is none. */
export async function selectLoginKey(db: Db, userId: number): Promise<string> {
  const row = await db
    .selectFrom('users')
    .select('login_key')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.login_key;
}
