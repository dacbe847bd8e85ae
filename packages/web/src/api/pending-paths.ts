/**
 * Routes the web app calls that the generated `schema.ts` does not describe yet, written in the same
 * shape as openapi-typescript's output. `client.ts` uses an entry here only while `schema.ts` has no
 * path of that name: once the server documents a route and `npm run generate:api` has run, the
 * generated type replaces the hand-written one automatically, and any difference between the two shows
 * up as a type error where the web app calls it. Delete an entry once the generated schema has it.
 *
 * The shapes follow the server's auth module (POST /api/auth/login/{person,employer,staff},
 * GET /api/auth/me, POST /api/auth/logout) and statements module (GET /verify/{code}).
 */

/** RFC 9457 problem details, as every failing /api route answers. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  code?: string;
  /** The fields at fault, when the request did not validate. */
  errors?: { field?: string; path?: string; message?: string; reason?: string }[];
  /** The field at fault, when there is one. */
  field?: string;
  /** The stable name of the reason; the web app says it in the reader's language (api/problem-text.ts). */
  detailCode?: string;
  /** The values the reason names. */
  params?: Record<string, string | number>;
}

export type UserKind = 'person' | 'employer' | 'staff' | 'system';

export interface UserView {
  id: number;
  kind: UserKind;
  loginKey: string;
  displayName: string;
  roles: string[];
  regionCodes: string[];
  personId: number | null;
  employerId: number | null;
  /** The designated medical institution an `institution_user` account acts for (docs/RULES.md 16.1). */
  institutionId: number | null;
}

export interface SessionReply {
  user: UserView;
  /** Echoed in the X-CSRF-Token header on every write made with the session cookie. */
  csrfToken: string;
  expiresAt: string;
}

export interface PersonLoginInput {
  idNumber: string;
  password: string;
}
export interface EmployerLoginInput {
  creditCode: string;
  userName: string;
  password: string;
}
export interface StaffLoginInput {
  userName: string;
  password: string;
}

export type VerificationStatus = 'valid' | 'invalid' | 'unknown';

/** The JSON answer of GET /verify/{code} (Accept: application/json): 200 when known, 404 when not. */
export interface StatementVerification {
  code: string;
  status: VerificationStatus;
  valid: boolean;
  message: string;
  kind: 'rights_statement' | 'contribution_certificate' | null;
  issuedAt: string | null;
  keyId: string | null;
  document: unknown;
  /** The statement laid out as the server's verification page shows it, per language; null without one. */
  views?: { zh: StatementView; en: StatementView } | null;
}

/** A certified statement laid out for people (the server's presentStatement). */
export interface StatementView {
  title: string;
  facts: string[][];
  sections: { heading: string; columns: string[]; rows: string[][]; alignRight: number[] }[];
  notes: string[];
}

interface NoParameters {
  query?: never;
  header?: never;
  path?: never;
  cookie?: never;
}
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = {
  headers: { [name: string]: unknown };
  content: { 'application/problem+json': ProblemDetails };
};

type Login<Body> = {
  parameters: NoParameters;
  post: {
    parameters: NoParameters;
    requestBody: { content: { 'application/json': Body } };
    responses: { 200: Json<SessionReply>; default: Problem };
  };
};

export interface PendingPaths {
  '/api/auth/login/person': Login<PersonLoginInput>;
  '/api/auth/login/employer': Login<EmployerLoginInput>;
  '/api/auth/login/staff': Login<StaffLoginInput>;
  '/api/auth/logout': {
    parameters: NoParameters;
    post: {
      parameters: NoParameters;
      requestBody?: never;
      responses: { 200: Json<{ ok: true }>; default: Problem };
    };
  };
  '/api/auth/me': {
    parameters: NoParameters;
    get: {
      parameters: NoParameters;
      requestBody?: never;
      responses: { 200: Json<UserView>; default: Problem };
    };
  };
  /** Outside /api and so outside the OpenAPI document: the public page printed in the QR code. */
  '/verify/{code}': {
    parameters: NoParameters;
    get: {
      parameters: { query?: never; header?: never; path: { code: string }; cookie?: never };
      requestBody?: never;
      responses: { 200: Json<StatementVerification>; 404: Json<StatementVerification> };
    };
  };
}
