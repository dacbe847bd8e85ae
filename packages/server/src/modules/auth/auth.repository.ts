import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AccountNoticesTable, Database, UsersTable } from '../../db/index.ts';

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

/** An account's notices, newest first (a short list: one every ten failed logins at most). */
export function selectAccountNotices(db: Db, userId: number) {
  return db
    .selectFrom('account_notices')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}

export async function insertAccountNotice(db: Db, row: Insertable<AccountNoticesTable>): Promise<void> {
  await db.insertInto('account_notices').values(row).execute();
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
    expires_at: string;
    created_by: number | null;
    created_via: 'api' | 'cli';
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
    .select([
      'api_tokens.id as token_id',
      'api_tokens.scope',
      'api_tokens.expires_at as token_expires_at',
      'api_tokens.revoked_at',
      'api_tokens.created_by as token_created_by',
      'api_tokens.created_via as token_created_via',
    ])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Tokens with the login key of the account each acts as, newest first. */
export function selectApiTokens(
  db: Db,
  filter: {
    /** Tokens acting as these accounts, or issued by createdBy; all when neither is given. */
    userIds?: readonly number[];
    createdBy?: number;
    id?: number;
    beforeId?: number;
    limit: number;
  },
) {
  let query = db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .leftJoin('users as creator', 'creator.id', 'api_tokens.created_by')
    .select([
      'api_tokens.id',
      'api_tokens.user_id',
      'users.login_key',
      'users.kind',
      'users.region_codes_json',
      'api_tokens.name',
      'api_tokens.scope',
      'api_tokens.created_at',
      'api_tokens.created_by',
      'creator.login_key as creator_login_key',
      'api_tokens.created_via',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.revoked_by',
    ]);
  const { userIds, createdBy } = filter;
  if (userIds !== undefined || createdBy !== undefined)
    query = query.where((eb) =>
      eb.or([
        ...(userIds?.length ? [eb('api_tokens.user_id', 'in', userIds)] : []),
        ...(createdBy === undefined ? [] : [eb('api_tokens.created_by', '=', createdBy)]),
        sql<boolean>`false`,
      ]),
    );
  if (filter.id !== undefined) query = query.where('api_tokens.id', '=', filter.id);
  if (filter.beforeId !== undefined) query = query.where('api_tokens.id', '<', filter.beforeId);
  return query.orderBy('api_tokens.id', 'desc').limit(filter.limit).execute();
}

/** Revokes a live token; false when it was revoked already (or never existed). */
export async function revokeApiToken(db: Db, id: number, revokedAt: string, revokedBy: string) {
  const result = await db
    .updateTable('api_tokens')
    .set({ revoked_at: revokedAt, revoked_by: revokedBy })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ids of the system accounts (for listing their tokens to an administrator of their regions). */
export function selectSystemUsers(db: Db) {
  return db.selectFrom('users').select(['id', 'region_codes_json']).where('kind', '=', 'system').execute();
}
