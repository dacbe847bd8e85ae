import { z } from 'zod';
import { ROLES, STAFF_ROLES } from './roles.ts';

/** Request and reply shapes of accounts, logins and tokens; they also document the HTTP API. */

const password = z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const userName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9._@-]+$/, 'may hold letters, digits and . _ @ - only');

export const personLoginInput = z.strictObject({
  idNumber: z
    .string()
    .trim()
    .min(15, 'must be a resident identity number')
    .max(18, 'must be a resident identity number'),
  password,
});
export const employerLoginInput = z.strictObject({
  creditCode: z.string().trim().length(18, 'must be an 18-character unified social credit code'),
  userName,
  password,
});
export const staffLoginInput = z.strictObject({ userName, password });

export type PersonLoginInput = z.output<typeof personLoginInput>;
export type EmployerLoginInput = z.output<typeof employerLoginInput>;
export type StaffLoginInput = z.output<typeof staffLoginInput>;

const regionCode = z.string().regex(/^\d{6}$/, 'must be a six-digit GB/T 2260 code');

export const newUserInput = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('staff'),
    userName,
    displayName: z.string().trim().min(1).max(100),
    password,
    roles: z.array(z.enum(STAFF_ROLES)).min(1, 'give at least one role'),
    regionCodes: z.array(regionCode).min(1, 'give at least one region'),
    /** The designated institution an account of the role institution_user acts for (and only it). */
    institutionId: z.number().int().positive().optional(),
  }),
  z.strictObject({
    kind: z.literal('system'),
    userName,
    displayName: z.string().trim().min(1).max(100),
    roles: z.array(z.enum(STAFF_ROLES)).min(1, 'give at least one role'),
    regionCodes: z.array(regionCode).min(1, 'give at least one region'),
    /** The designated institution an account of the role institution_user acts for (and only it). */
    institutionId: z.number().int().positive().optional(),
  }),
  z.strictObject({
    kind: z.literal('employer'),
    employerId: z.number().int().positive(),
    userName,
    displayName: z.string().trim().min(1).max(100),
    password,
  }),
  z.strictObject({
    kind: z.literal('person'),
    personId: z.number().int().positive(),
    password,
  }),
]);
export type NewUserInput = z.input<typeof newUserInput>;

export const userView = z.object({
  id: z.number().int(),
  kind: z.enum(['person', 'employer', 'staff', 'system']),
  loginKey: z.string(),
  displayName: z.string(),
  roles: z.array(z.enum(ROLES)),
  regionCodes: z.array(z.string()),
  personId: z.number().int().nullable(),
  employerId: z.number().int().nullable(),
  institutionId: z.number().int().nullable(),
});
export type UserView = z.infer<typeof userView>;

/** Who am I: the account, and the session's CSRF token (null for a bearer token, which needs none). */
export const currentUserReply = userView.extend({ csrfToken: z.string().nullable() });

export const sessionReply = z.object({
  user: userView,
  /** Echo this in the X-CSRF-Token header on every write made with the session cookie. */
  csrfToken: z.string(),
  expiresAt: z.string(),
});

export const newTokenInput = z.strictObject({
  /** The account the token acts as: the caller (by default) or a system account the caller manages. */
  userId: z.number().int().positive().optional(),
  name: z.string().trim().min(1).max(100),
  scope: z.enum(['read', 'write']),
  /** At most the configured maximum (SHEBAO_TOKEN_MAX_DAYS); by default SHEBAO_TOKEN_DEFAULT_DAYS. */
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});
export type NewTokenInput = z.output<typeof newTokenInput>;

export const newTokenReply = z.object({
  id: z.number().int(),
  /** Shown once; only its hash is kept. Send as "Authorization: Bearer <token>". */
  token: z.string(),
  scope: z.enum(['read', 'write']),
  expiresAt: z.string(),
});

/** A token as its owner and issuer see it: never the secret. */
export const tokenView = z.object({
  id: z.number().int(),
  name: z.string(),
  scope: z.enum(['read', 'write']),
  /** The account it acts as. */
  userId: z.number().int(),
  userLoginKey: z.string(),
  /** Who issued it: a staff member's id, or null when the operator issued it on the command line. */
  createdBy: z.number().int().nullable(),
  createdByLoginKey: z.string().nullable(),
  createdVia: z.enum(['api', 'cli', 'legacy']),
  createdAt: z.string(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedBy: z.string().nullable(),
});
export type TokenView = z.infer<typeof tokenView>;

/** GET /api/auth/notices: notices about the caller's own account, newest first. */
export const noticesReply = z.object({
  items: z.array(
    z.object({ id: z.number().int(), kind: z.string(), detail: z.string(), createdAt: z.string() }),
  ),
});
