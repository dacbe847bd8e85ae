import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyAgainstDummy, verifyPassword } from './password.ts';
import {
  clearFailedLogins,
  deleteExpiredSessions,
  deleteSession,
  insertApiToken,
  insertSession,
  insertUser,
  recordFailedLogin,
  selectEmployerIdByCreditCode,
  selectPersonIdByIdNumber,
  selectSessionUser,
  selectTokenUser,
  selectUserById,
  selectUserByLoginKey,
  type UserRow,
} from './repository.ts';
import type { Principal, Role } from './roles.ts';
import {
  newTokenInput,
  newUserInput,
  type EmployerLoginInput,
  type NewTokenInput,
  type NewUserInput,
  type PersonLoginInput,
  type StaffLoginInput,
  type UserView,
} from './schemas.ts';

export interface AuthOptions {
  /** How long a web session lives after login. */
  readonly sessionMinutes: number;
  /** Failed logins in a row that lock the account ... */
  readonly maxFailedLogins: number;
  /** ... for this long. */
  readonly lockMinutes: number;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = Object.freeze({
  sessionMinutes: 8 * 60,
  maxFailedLogins: 5,
  lockMinutes: 15,
});

export interface NewSession {
  /** The cookie value; only its hash is stored. */
  sessionId: string;
  csrfToken: string;
  expiresAt: string;
  user: UserView;
}

export interface AuthService {
  addUser(input: NewUserInput, createdBy: string): Promise<UserView>;
  getUser(userId: number): Promise<UserView>;
  loginPerson(input: PersonLoginInput): Promise<NewSession>;
  loginEmployer(input: EmployerLoginInput): Promise<NewSession>;
  loginStaff(input: StaffLoginInput): Promise<NewSession>;
  /** The principal of a session cookie, or null when it is unknown or expired. */
  authenticateSession(sessionId: string): Promise<Principal | null>;
  /** The principal of a bearer token, or null when it is unknown, revoked or expired. */
  authenticateToken(token: string): Promise<Principal | null>;
  logout(sessionId: string): Promise<void>;
  createApiToken(
    input: NewTokenInput,
  ): Promise<{ id: number; token: string; scope: 'read' | 'write'; expiresAt: string | null }>;
}

const WRONG_CREDENTIALS = 'the login name or the password is wrong';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function secret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function toUserView(row: UserRow): UserView {
  return {
    id: Number(row.id),
    kind: row.kind,
    loginKey: row.login_key,
    displayName: row.display_name,
    roles: rolesOf(row),
    regionCodes: JSON.parse(row.region_codes_json) as string[],
    personId: row.person_id === null ? null : Number(row.person_id),
    employerId: row.employer_id === null ? null : Number(row.employer_id),
  };
}

function rolesOf(row: UserRow): Role[] {
  if (row.kind === 'person') return ['insured_person'];
  if (row.kind === 'employer') return ['employer_user'];
  return JSON.parse(row.roles_json) as Role[];
}

function toPrincipal(
  row: UserRow,
  via: 'session' | 'token',
  scope: 'read' | 'write',
  csrfToken: string | null,
): Principal {
  const user = toUserView(row);
  return { ...user, userId: user.id, via, scope, csrfToken };
}

export function createAuthService(
  db: Kysely<Database>,
  clock: Clock,
  options: AuthOptions = DEFAULT_AUTH_OPTIONS,
): AuthService {
  const nowIso = () => clock.now().toISOString();
  const minutesFromNow = (minutes: number) =>
    new Date(clock.now().getTime() + minutes * 60_000).toISOString();

  async function login(loginKey: string | undefined, password: string): Promise<NewSession> {
    const row = loginKey === undefined ? undefined : await selectUserByLoginKey(db, loginKey);
    if (!row || row.disabled || row.password_hash === null) {
      await verifyAgainstDummy(password);
      throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS, { detailCode: 'wrong-credentials' });
    }
    const now = nowIso();
    if (row.locked_until !== null && row.locked_until > now) {
      throw new AppError(
        ErrorCode.RATE_LIMITED,
        `too many failed logins: this account is locked until ${row.locked_until}`,
        { detailCode: 'account-locked', params: { until: row.locked_until } },
      );
    }
    if (!(await verifyPassword(row.password_hash, password))) {
      const failures = row.failed_logins + 1;
      await recordFailedLogin(
        db,
        Number(row.id),
        failures >= options.maxFailedLogins ? minutesFromNow(options.lockMinutes) : null,
      );
      throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS, { detailCode: 'wrong-credentials' });
    }
    if (row.failed_logins > 0 || row.locked_until !== null) await clearFailedLogins(db, Number(row.id));
    const sessionId = secret();
    const csrfToken = secret();
    const expiresAt = minutesFromNow(options.sessionMinutes);
    await deleteExpiredSessions(db, now);
    await insertSession(db, {
      id_hash: sha256(sessionId),
      user_id: Number(row.id),
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    });
    return { sessionId, csrfToken, expiresAt, user: toUserView(row) };
  }

  return {
    async addUser(input, createdBy) {
      const parsed = newUserInput.safeParse(input);
      if (!parsed.success) throw fromZodError(parsed.error);
      const user = parsed.data;
      if ('password' in user && user.password.length < MIN_PASSWORD_LENGTH) {
        throw new AppError(
          ErrorCode.VALIDATION,
          `password: must be at least ${MIN_PASSWORD_LENGTH} characters`,
          {
            field: 'password',
          },
        );
      }
      let loginKey: string;
      let displayName: string;
      if (user.kind === 'person') {
        const person = await db
          .selectFrom('persons')
          .select(['id', 'name'])
          .where('id', '=', user.personId)
          .executeTakeFirst();
        if (!person)
          throw new AppError(ErrorCode.NOT_FOUND, `personId: no person has id ${user.personId}`, {
            field: 'personId',
          });
        loginKey = `person:${user.personId}`;
        displayName = person.name;
      } else if (user.kind === 'employer') {
        const employer = await db
          .selectFrom('employers')
          .select('id')
          .where('id', '=', user.employerId)
          .executeTakeFirst();
        if (!employer)
          throw new AppError(ErrorCode.NOT_FOUND, `employerId: no employer has id ${user.employerId}`, {
            field: 'employerId',
          });
        loginKey = `employer:${user.employerId}:${user.userName.toLowerCase()}`;
        displayName = user.displayName;
      } else {
        loginKey = `${user.kind}:${user.userName.toLowerCase()}`;
        displayName = user.displayName;
      }
      if (await selectUserByLoginKey(db, loginKey)) {
        throw new AppError(ErrorCode.CONFLICT, `userName: an account ${loginKey} exists already`, {
          field: 'userName',
        });
      }
      const id = await insertUser(db, {
        kind: user.kind,
        login_key: loginKey,
        user_name: 'userName' in user ? user.userName : null,
        display_name: displayName,
        person_id: user.kind === 'person' ? user.personId : null,
        employer_id: user.kind === 'employer' ? user.employerId : null,
        password_hash: 'password' in user ? await hashPassword(user.password) : null,
        roles_json: JSON.stringify('roles' in user ? [...new Set(user.roles)] : []),
        region_codes_json: JSON.stringify('regionCodes' in user ? [...new Set(user.regionCodes)] : []),
        created_at: nowIso(),
        created_by: createdBy,
      });
      return toUserView((await selectUserById(db, id))!);
    },

    async getUser(userId) {
      const row = await selectUserById(db, userId);
      if (!row)
        throw new AppError(ErrorCode.NOT_FOUND, `userId: no user has id ${userId}`, { field: 'userId' });
      return toUserView(row);
    },

    async loginPerson(input) {
      const personId = await selectPersonIdByIdNumber(db, input.idNumber.trim().toUpperCase());
      return login(personId === undefined ? undefined : `person:${personId}`, input.password);
    },

    async loginEmployer(input) {
      const employerId = await selectEmployerIdByCreditCode(db, input.creditCode.trim().toUpperCase());
      return login(
        employerId === undefined ? undefined : `employer:${employerId}:${input.userName.toLowerCase()}`,
        input.password,
      );
    },

    loginStaff: (input) => login(`staff:${input.userName.toLowerCase()}`, input.password),

    async authenticateSession(sessionId) {
      const row = await selectSessionUser(db, sha256(sessionId));
      if (!row || row.disabled || row.session_expires_at <= nowIso()) return null;
      return toPrincipal(row, 'session', 'write', row.csrf_token);
    },

    async authenticateToken(token) {
      const row = await selectTokenUser(db, sha256(token));
      if (!row || row.disabled || row.revoked_at !== null) return null;
      if (row.token_expires_at !== null && row.token_expires_at <= nowIso()) return null;
      return toPrincipal(row, 'token', row.scope, null);
    },

    async logout(sessionId) {
      await deleteSession(db, sha256(sessionId));
    },

    async createApiToken(input) {
      const parsed = newTokenInput.safeParse(input);
      if (!parsed.success) throw fromZodError(parsed.error);
      const { userId, name, scope, expiresInDays } = parsed.data;
      const user = await selectUserById(db, userId);
      if (!user)
        throw new AppError(ErrorCode.NOT_FOUND, `userId: no user has id ${userId}`, { field: 'userId' });
      if (user.kind !== 'system' && user.kind !== 'staff') {
        throw new AppError(ErrorCode.RULE_VIOLATION, 'userId: API tokens are for staff and system accounts', {
          field: 'userId',
        });
      }
      const token = secret('sbt_');
      const expiresAt = expiresInDays === undefined ? null : minutesFromNow(expiresInDays * 24 * 60);
      const id = await insertApiToken(db, {
        token_hash: sha256(token),
        user_id: userId,
        name,
        scope,
        created_at: nowIso(),
        expires_at: expiresAt,
      });
      return { id, token, scope, expiresAt };
    },
  };
}
