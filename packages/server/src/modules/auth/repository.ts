import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../../db/index.ts';

type Db = Kysely<Database>;
export type UserRow = Selectable<UsersTable>;

export async function insertUser(db: Db, row: Insertable<UsersTable>): Promise<number> {
  const { id } = await db.insertInto('users').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function selectUserByLoginKey(db: Db, loginKey: string) {
  return db.selectFrom('users').selectAll().where('login_key', '=', loginKey).executeTakeFirst();
}

export function selectUserById(db: Db, id: number) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function selectUsersByIds(db: Db, ids: readonly number[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'login_key']).where('id', 'in', ids).execute();
}

export async function recordFailedLogin(db: Db, id: number, lockedUntil: string | null): Promise<void> {
  await db
    .updateTable('users')
    .set((eb) =>
      lockedUntil
        ? { failed_logins: 0, locked_until: lockedUntil }
        : { failed_logins: eb('failed_logins', '+', 1) },
    )
    .where('id', '=', id)
    .execute();
}

export async function clearFailedLogins(db: Db, id: number): Promise<void> {
  await db.updateTable('users').set({ failed_logins: 0, locked_until: null }).where('id', '=', id).execute();
}

export async function selectPersonIdByIdNumber(db: Db, idNumber: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('persons')
    .select('id')
    .where('id_number', '=', idNumber)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function selectEmployerIdByCreditCode(db: Db, creditCode: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('employers')
    .select('id')
    .where('credit_code', '=', creditCode)
    .executeTakeFirst();
  return row ? Number(row.id) : undefined;
}

export async function insertSession(
  db: Db,
  row: { id_hash: string; user_id: number; csrf_token: string; created_at: string; expires_at: string },
): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export function selectSessionUser(db: Db, idHash: string) {
  return db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select(['sessions.csrf_token', 'sessions.expires_at as session_expires_at'])
    .where('sessions.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

export async function deleteExpiredSessions(db: Db, now: string): Promise<void> {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function insertApiToken(
  db: Db,
  row: {
    token_hash: string;
    user_id: number;
    name: string;
    scope: 'read' | 'write';
    created_at: string;
    expires_at: string | null;
  },
): Promise<number> {
  const { id } = await db.insertInto('api_tokens').values(row).returning('id').executeTakeFirstOrThrow();
  return Number(id);
}

export function selectTokenUser(db: Db, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.scope', 'api_tokens.expires_at as token_expires_at', 'api_tokens.revoked_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}
