import { regionCodePrefix } from '@shebao/domain';
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Clock } from '../../app/clock.ts';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, fromZodError } from '../../errors/index.ts';
import {
  employerExists,
  selectEmployerIdByCreditCode,
  selectPersonIdByIdNumber,
  selectPersonName,
} from '../registration/index.ts';
import { institutionExists } from '../medical/index.ts';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyAgainstDummy, verifyPassword } from './password.ts';
import {
  deleteExpiredSessions,
  deleteSession,
  insertApiToken,
  insertSession,
  insertUser,
  selectAccountNotices,
  revokeApiToken,
  selectApiTokens,
  selectSystemUsers,
  selectSessionUser,
  selectTokenUser,
  selectUserById,
  selectUserByLoginKey,
  type UserRow,
} from './auth.repository.ts';
import type { Principal, Role } from './roles.ts';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  clearLoginFailures,
  deservesNotice,
  insertFailedLoginNotice,
  recordLoginFailure,
  throttledUntil,
  type ThrottleKey,
} from './login-throttle.ts';
import {
  newTokenInput,
  newUserInput,
  type EmployerLoginInput,
  type NewTokenInput,
  type NewUserInput,
  type PersonLoginInput,
  type StaffLoginInput,
  type TokenView,
  type UserView,
} from './auth.schemas.ts';

export interface AuthOptions {
  /** How long a web session lives after login. */
  readonly sessionMinutes: number;
  /** API token lifetime when none is asked for, and the longest one may ask for (docs/RULES.md 9.6). */
  readonly tokenDefaultDays: number;
  readonly tokenMaxDays: number;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = Object.freeze({
  sessionMinutes: 8 * 60,
  tokenDefaultDays: 90,
  tokenMaxDays: 365,
});

/**
 * Who issues, lists or revokes a token: a staff member through the API, or the server's operator on its
 * own command line (who holds the database anyway, as when creating the first administrator).
 */
export type TokenIssuer = Principal | 'cli';

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
  /** Logins take the client's address, which the per-address throttle counts. */
  loginPerson(input: PersonLoginInput, address?: string): Promise<NewSession>;
  loginEmployer(input: EmployerLoginInput, address?: string): Promise<NewSession>;
  loginStaff(input: StaffLoginInput, address?: string): Promise<NewSession>;
  /** What the account holder is told about their account (repeated failed logins), newest first. */
  notices(userId: number): Promise<{ id: number; kind: string; detail: string; createdAt: string }[]>;
  /** The principal of a session cookie, or null when it is unknown or expired. */
  authenticateSession(sessionId: string): Promise<Principal | null>;
  /** The principal of a bearer token, or null when it is unknown, revoked or expired. */
  authenticateToken(token: string): Promise<Principal | null>;
  logout(sessionId: string): Promise<void>;
  /**
   * Issues a token acting as the issuer or as a system account the issuer administers (never as another
   * person), expiring within the configured maximum.
   */
  createApiToken(
    input: NewTokenInput,
    issuer: TokenIssuer,
  ): Promise<{ id: number; token: string; scope: 'read' | 'write'; expiresAt: string }>;
  /** The tokens a caller may see (their own, those they issued, those of system accounts they administer). */
  listApiTokens(viewer: TokenIssuer, page: { beforeId?: number; limit: number }): Promise<TokenView[]>;
  revokeApiToken(tokenId: number, by: TokenIssuer): Promise<TokenView>;
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
    institutionId: row.institution_id === null ? null : Number(row.institution_id),
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
  actorUserId: number = Number(row.id),
): Principal {
  const user = toUserView(row);
  return { ...user, userId: user.id, via, scope, csrfToken, actorUserId };
}

/** True when one of the granted regions covers the region (a province covers its counties). */
function covers(granted: readonly string[], regionCode: string): boolean {
  return granted.some((code) => regionCode.startsWith(regionCodePrefix(code)));
}

/** The regions both sets cover: a county of one inside a province of the other is the county. */
function intersectRegions(a: readonly string[], b: readonly string[]): string[] {
  const inside = (from: readonly string[], of: readonly string[]) => from.filter((code) => covers(of, code));
  return [...new Set([...inside(a, b), ...inside(b, a)])];
}

/** An administrator manages a system account when every region of the account lies within theirs. */
function administers(admin: { roles: readonly Role[]; regionCodes: readonly string[] }, system: UserRow) {
  const regions = JSON.parse(system.region_codes_json) as string[];
  return (
    system.kind === 'system' &&
    admin.roles.includes('admin') &&
    regions.length > 0 &&
    regions.every((code) => covers(admin.regionCodes, code))
  );
}

function toTokenView(row: Awaited<ReturnType<typeof selectApiTokens>>[number]): TokenView {
  return {
    id: Number(row.id),
    name: row.name,
    scope: row.scope,
    userId: Number(row.user_id),
    userLoginKey: row.login_key,
    createdBy: row.created_by === null ? null : Number(row.created_by),
    createdByLoginKey: row.creator_login_key,
    createdVia: row.created_via,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
  };
}

export function createAuthService(
  db: Kysely<Database>,
  clock: Clock,
  options: AuthOptions = DEFAULT_AUTH_OPTIONS,
): AuthService {
  const nowIso = () => clock.now().toISOString();
  const minutesFromNow = (minutes: number) =>
    new Date(clock.now().getTime() + minutes * 60_000).toISOString();

  /**
   * One login: throttled per submitted name and per address (login-throttle.ts), the same reply and the
   * same work (an argon2 verification) whether or not the account exists.
   */
  async function login(
    loginKey: string | undefined,
    submittedName: string,
    password: string,
    address: string | undefined,
  ): Promise<NewSession> {
    const now = clock.now();
    const accountKey = `account:${submittedName}`;
    const keys: ThrottleKey[] = [
      { key: accountKey, rule: ACCOUNT_THROTTLE },
      ...(address ? [{ key: `address:${address}`, rule: ADDRESS_THROTTLE }] : []),
    ];
    const waitUntil = await throttledUntil(db, keys, now);
    if (waitUntil !== null) {
      await verifyAgainstDummy(password);
      throw new AppError(ErrorCode.RATE_LIMITED, `too many failed logins: try again after ${waitUntil}`, {
        detailCode: 'login-throttled',
        params: { until: waitUntil },
      });
    }
    const row = loginKey === undefined ? undefined : await selectUserByLoginKey(db, loginKey);
    const known = row && !row.disabled && row.password_hash !== null ? row : undefined;
    const verified = known
      ? await verifyPassword(known.password_hash!, password)
      : await verifyAgainstDummy(password);
    if (!known || !verified) {
      const [failures] = await recordLoginFailure(db, keys, now);
      if (known && deservesNotice(failures!))
        await insertFailedLoginNotice(db, Number(known.id), failures!, address, now);
      throw new AppError(ErrorCode.UNAUTHENTICATED, WRONG_CREDENTIALS, { detailCode: 'wrong-credentials' });
    }
    await clearLoginFailures(db, accountKey);
    const nowText = now.toISOString();
    const sessionId = secret();
    const csrfToken = secret();
    const expiresAt = minutesFromNow(options.sessionMinutes);
    await deleteExpiredSessions(db, nowText);
    await insertSession(db, {
      id_hash: sha256(sessionId),
      user_id: Number(known.id),
      csrf_token: csrfToken,
      created_at: nowText,
      expires_at: expiresAt,
    });
    return { sessionId, csrfToken, expiresAt, user: toUserView(known) };
  }

  /**
   * The tokens a caller may see and revoke: those acting as them, those they issued and, for an
   * administrator, those of the system accounts they administer. The operator sees all.
   */
  async function visibleTo(viewer: TokenIssuer): Promise<{ userIds?: number[]; createdBy?: number }> {
    if (viewer === 'cli') return {};
    const systems = viewer.roles.includes('admin') ? await selectSystemUsers(db) : [];
    const managed = systems
      .filter((system) => {
        const regions = JSON.parse(system.region_codes_json) as string[];
        return regions.length > 0 && regions.every((code) => covers(viewer.regionCodes, code));
      })
      .map((system) => Number(system.id));
    return { userIds: [viewer.userId, ...managed], createdBy: viewer.userId };
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
        const personName = await selectPersonName(db, user.personId);
        if (personName === undefined)
          throw new AppError(ErrorCode.NOT_FOUND, `personId: no person has id ${user.personId}`, {
            field: 'personId',
          });
        loginKey = `person:${user.personId}`;
        displayName = personName;
      } else if (user.kind === 'employer') {
        if (!(await employerExists(db, user.employerId)))
          throw new AppError(ErrorCode.NOT_FOUND, `employerId: no employer has id ${user.employerId}`, {
            field: 'employerId',
          });
        loginKey = `employer:${user.employerId}:${user.userName.toLowerCase()}`;
        displayName = user.displayName;
      } else {
        await checkInstitutionAccount(db, user);
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
        institution_id: 'institutionId' in user ? (user.institutionId ?? null) : null,
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

    async loginPerson(input, address) {
      const idNumber = input.idNumber.trim().toUpperCase();
      const personId = await selectPersonIdByIdNumber(db, idNumber);
      return login(
        personId === undefined ? undefined : `person:${personId}`,
        `person:${idNumber}`,
        input.password,
        address,
      );
    },

    async loginEmployer(input, address) {
      const creditCode = input.creditCode.trim().toUpperCase();
      const userName = input.userName.toLowerCase();
      const employerId = await selectEmployerIdByCreditCode(db, creditCode);
      return login(
        employerId === undefined ? undefined : `employer:${employerId}:${userName}`,
        `employer:${creditCode}:${userName}`,
        input.password,
        address,
      );
    },

    loginStaff: (input, address) => {
      const key = `staff:${input.userName.toLowerCase()}`;
      return login(key, key, input.password, address);
    },

    async notices(userId) {
      return (await selectAccountNotices(db, userId)).map((row) => ({
        id: Number(row.id),
        kind: row.kind,
        detail: row.detail,
        createdAt: row.created_at,
      }));
    },

    async authenticateSession(sessionId) {
      const row = await selectSessionUser(db, sha256(sessionId));
      if (!row || row.disabled || row.session_expires_at <= nowIso()) return null;
      return toPrincipal(row, 'session', 'write', row.csrf_token);
    },

    async authenticateToken(token) {
      const row = await selectTokenUser(db, sha256(token));
      if (!row || row.disabled || row.revoked_at !== null) return null;
      if (row.token_expires_at === null || row.token_expires_at <= nowIso()) return null;
      if (row.token_created_via === 'cli') return toPrincipal(row, 'token', row.scope, null);
      if (row.token_created_via !== 'api' || row.token_created_by === null) return null;
      // Checked on every use, not only when issued: the issuer's rights today bound the token.
      const issuerId = Number(row.token_created_by);
      if (issuerId === Number(row.id)) return toPrincipal(row, 'token', row.scope, null);
      const issuer = await selectUserById(db, issuerId);
      if (!issuer || issuer.disabled || row.kind !== 'system') return null;
      const issuerView = toUserView(issuer);
      if (!issuerView.roles.includes('admin')) return null;
      const principal = toPrincipal(row, 'token', row.scope, null, issuerId);
      const regionCodes = intersectRegions(principal.regionCodes, issuerView.regionCodes);
      // Never more than the issuer: their regions and their roles as they are today.
      const roles = principal.roles.filter((role) => issuerView.roles.includes(role));
      return regionCodes.length && roles.length ? { ...principal, regionCodes, roles } : null;
    },

    async logout(sessionId) {
      await deleteSession(db, sha256(sessionId));
    },

    async createApiToken(input, issuer) {
      const parsed = newTokenInput.safeParse(input);
      if (!parsed.success) throw fromZodError(parsed.error);
      const { name, scope } = parsed.data;
      if (issuer !== 'cli' && issuer.via !== 'session')
        throw new AppError(
          ErrorCode.FORBIDDEN,
          'API tokens are issued from a logged-in session, not by a token',
        );
      const userId = parsed.data.userId ?? (issuer === 'cli' ? undefined : issuer.userId);
      if (userId === undefined)
        throw new AppError(ErrorCode.VALIDATION, 'userId: name the account the token acts as', {
          field: 'userId',
        });
      const expiresInDays = parsed.data.expiresInDays ?? options.tokenDefaultDays;
      if (expiresInDays > options.tokenMaxDays)
        throw new AppError(
          ErrorCode.VALIDATION,
          `expiresInDays: must be at most ${options.tokenMaxDays} (SHEBAO_TOKEN_MAX_DAYS)`,
          { field: 'expiresInDays' },
        );
      const user = await selectUserById(db, userId);
      if (!user)
        throw new AppError(ErrorCode.NOT_FOUND, `userId: no user has id ${userId}`, { field: 'userId' });
      if (user.kind !== 'system' && user.kind !== 'staff') {
        throw new AppError(ErrorCode.RULE_VIOLATION, 'userId: API tokens are for staff and system accounts', {
          field: 'userId',
        });
      }
      if (user.disabled)
        throw new AppError(ErrorCode.RULE_VIOLATION, 'userId: the account is disabled', { field: 'userId' });
      if (issuer !== 'cli' && userId !== issuer.userId && !administers(issuer, user))
        throw new AppError(
          ErrorCode.FORBIDDEN,
          "userId: a token acts as its issuer or as a system account within the issuer's regions, never as another person",
          { field: 'userId' },
        );
      const beyond =
        issuer === 'cli' || userId === issuer.userId
          ? []
          : rolesOf(user).filter((role) => !issuer.roles.includes(role));
      if (beyond.length)
        throw new AppError(
          ErrorCode.FORBIDDEN,
          `userId: the system account has roles you do not hold (${beyond.join(', ')}); a token never acts with more than its issuer`,
          { field: 'userId', detailCode: 'token-roles-beyond-issuer', params: { roles: beyond.join(',') } },
        );
      const token = secret('sbt_');
      const expiresAt = minutesFromNow(expiresInDays * 24 * 60);
      const id = await insertApiToken(db, {
        token_hash: sha256(token),
        user_id: userId,
        name,
        scope,
        created_at: nowIso(),
        expires_at: expiresAt,
        created_by: issuer === 'cli' ? null : issuer.userId,
        created_via: issuer === 'cli' ? 'cli' : 'api',
      });
      return { id, token, scope, expiresAt };
    },

    listApiTokens: async (viewer, page) =>
      (await selectApiTokens(db, { ...(await visibleTo(viewer)), ...page })).map(toTokenView),

    async revokeApiToken(tokenId, by) {
      const [found] = await selectApiTokens(db, { ...(await visibleTo(by)), id: tokenId, limit: 1 });
      if (!found)
        throw new AppError(ErrorCode.NOT_FOUND, `tokenId: no token ${tokenId} that you may revoke`, {
          field: 'tokenId',
        });
      if (found.revoked_at === null)
        await revokeApiToken(db, tokenId, nowIso(), by === 'cli' ? 'cli' : by.loginKey);
      const [after] = await selectApiTokens(db, { id: tokenId, limit: 1 });
      return toTokenView(after!);
    },
  };
}

/**
 * An institution's account (docs/RULES.md 16.1) holds the role institution_user and nothing else, and names
 * the designated institution it acts for; no other account names one.
 */
async function checkInstitutionAccount(
  db: Kysely<Database>,
  user: { roles: readonly string[]; institutionId?: number | undefined },
): Promise<void> {
  const invalid = (field: string, reason: string) =>
    new AppError(ErrorCode.VALIDATION, `${field}: ${reason}`, { field });
  if (!user.roles.includes('institution_user')) {
    if (user.institutionId !== undefined)
      throw invalid('institutionId', 'only an account of the role institution_user acts for an institution');
    return;
  }
  if (user.roles.length !== 1)
    throw invalid('roles', 'an institution’s account holds the role institution_user and no other');
  if (user.institutionId === undefined)
    throw invalid('institutionId', 'an institution’s account names the institution it acts for');
  if (!(await institutionExists(db, user.institutionId)))
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `institutionId: no designated institution has id ${user.institutionId}`,
      {
        field: 'institutionId',
      },
    );
}
