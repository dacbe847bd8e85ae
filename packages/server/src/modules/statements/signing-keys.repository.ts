import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';

/** How many statements each key signed. */
export async function countStatementsByKey(
  db: Kysely<Database>,
): Promise<{ keyId: string; statements: number }[]> {
  const rows = await db
    .selectFrom('statements')
    .select((eb) => ['key_id', eb.fn.countAll<number | string>().as('n')])
    .groupBy('key_id')
    .orderBy('key_id')
    .execute();
  return rows.map((row) => ({ keyId: row.key_id, statements: Number(row.n) }));
}

/** Keeps a public key (once; a key already kept is left as it is). */
export async function insertKeptPublicKey(
  db: Kysely<Database>,
  key: { keyId: string; publicKeyPem: string; addedAt: string },
): Promise<void> {
  await db
    .insertInto('signing_keys')
    .values({ key_id: key.keyId, public_key_pem: key.publicKeyPem, added_at: key.addedAt, retired_at: null })
    .onConflict((oc) => oc.column('key_id').doNothing())
    .execute();
}

/** Marks a kept key retired, or (keyId null) every kept key not retired yet. */
export async function markPublicKeyRetired(
  db: Kysely<Database>,
  keyId: string | null,
  at: string,
): Promise<void> {
  let query = db.updateTable('signing_keys').set({ retired_at: at }).where('retired_at', 'is', null);
  if (keyId !== null) query = query.where('key_id', '=', keyId);
  await query.execute();
}

export async function selectKeptPublicKeyPem(
  db: Kysely<Database>,
  keyId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('signing_keys')
    .select('public_key_pem')
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  return row?.public_key_pem;
}

export async function selectKeptPublicKeys(
  db: Kysely<Database>,
): Promise<{ keyId: string; publicKeyPem: string; addedAt: string; retiredAt: string | null }[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .selectAll()
    .orderBy('added_at')
    .orderBy('key_id')
    .execute();
  return rows.map((row) => ({
    keyId: row.key_id,
    publicKeyPem: row.public_key_pem,
    addedAt: row.added_at,
    retiredAt: row.retired_at,
  }));
}
