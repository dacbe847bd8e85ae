import type { Insertable, Kysely } from 'kysely';
import type { Database, IdempotencyKeysTable } from '../../db/index.ts';

type Db = Kysely<Database>;

/** The answer stored under an idempotency key, if the key was used. */
export async function selectIdempotencyKey(db: Db, key: string) {
  return db.selectFrom('idempotency_keys').selectAll().where('key', '=', key).executeTakeFirst();
}

/** Stores the first answer under its key, in the transaction of the work it answers. */
export async function insertIdempotencyKey(db: Db, row: Insertable<IdempotencyKeysTable>): Promise<void> {
  await db.insertInto('idempotency_keys').values(row).execute();
}
