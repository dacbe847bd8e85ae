import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/** The failed-login counters of login-throttle.ts, one row per login name or address. */

type Db = Kysely<Database>;

export async function selectThrottles(db: Db, keys: readonly string[]) {
  return db.selectFrom('login_throttles').selectAll().where('key', 'in', keys).execute();
}

export async function upsertThrottle(
  db: Db,
  key: string,
  values: { failures: number; last_failure_at: string; next_allowed_at: string },
): Promise<void> {
  await db
    .insertInto('login_throttles')
    .values({ key, ...values })
    .onConflict((conflict) => conflict.column('key').doUpdateSet(values))
    .execute();
}

export async function deleteThrottle(db: Db, key: string): Promise<void> {
  await db.deleteFrom('login_throttles').where('key', '=', key).execute();
}
