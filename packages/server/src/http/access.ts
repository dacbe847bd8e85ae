import { regionCodePrefix } from '@shebao/domain';
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { AppError, ErrorCode, type DetailCode } from '../errors/index.ts';
import type { AuthService, Principal, Role } from '../modules/auth/index.ts';
import type { PersonalDataRead } from './personal-data-read.ts';

/** What a request is about: the person, the employer and the region whose data it reads or changes. */
export interface Scope {
  personId?: number;
  employerId?: number;
  /** A designated institution (docs/RULES.md 16.1): its own accounts act for it alone. */
  institutionId?: number;
  regionCode?: string;
  /** Several regions, every one of which must be covered (e.g. the regions granted to a new account). */
  regionCodes?: readonly string[];
}

/**
 * Who may call a route, declared on the route itself (`config.access`) and enforced here, in one place:
 * - `roles`: 'public' (no login), or the roles allowed; anyone else gets 401 (not logged in) or 403;
 * - `scope`: what the request is about, read after the request is validated. An insured person may only
 *   touch their own record, an employer user only their own employer, staff only their regions.
 */
export interface RouteAccess {
  readonly roles: 'public' | readonly Role[];
  readonly scope?: (request: FastifyRequest) => Scope | Promise<Scope>;
  /** The route only concerns the caller's own account (who am I, log out), so it needs no scope. */
  readonly self?: true;
  /** The row of the access table (http/access-rules.ts) this access comes from: `resource.action`. */
  readonly rule?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal: Principal | null;
    /** What the access check found the request to be about (null when the route declares no scope). */
    accessScope: Scope | null;
  }
}

export const SESSION_COOKIE = 'shebao_session';
export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** One row per API route: what the route table test walks. */
export interface ApiRoute {
  method: string;
  url: string;
  access: RouteAccess;
  personalData?: PersonalDataRead;
}

function forbidden(
  reason: string,
  detailCode: DetailCode,
  params?: Readonly<Record<string, string | number>>,
): AppError {
  return new AppError(ErrorCode.FORBIDDEN, reason, { detailCode, ...(params ? { params } : {}) });
}

/**
 * The reason a session's write is refused for a missing or stale CSRF token: the web app reads the current
 * token again (GET /api/auth/me) and retries once when it sees this.
 */
export const CSRF_REFUSAL: DetailCode = 'csrf-token-mismatch';

/** True when a staff member's regions cover the region asked about (a province covers its counties). */
export function coversRegion(regionCodes: readonly string[], regionCode: string): boolean {
  return regionCodes.some((granted) => {
    if (!/^\d{6}$/.test(granted) || !/^\d{6}$/.test(regionCode)) return false;
    return regionCode.startsWith(regionCodePrefix(granted));
  });
}

/** The one rule for "is this request about something this principal may touch". */
export function checkScope(principal: Principal, scope: Scope): void {
  if (principal.kind === 'person') {
    if (scope.personId === undefined || scope.personId !== principal.personId)
      throw forbidden('an insured person may only see and change their own record', 'not-own-record');
    return;
  }
  if (principal.kind === 'employer') {
    if (scope.employerId === undefined || scope.employerId !== principal.employerId)
      throw forbidden('an employer user may only see and change their own employer', 'not-own-employer');
    return;
  }
  if (principal.institutionId !== null) {
    if (scope.institutionId === undefined || scope.institutionId !== principal.institutionId)
      throw forbidden(
        'an institution’s account may only see and settle its own institution’s claims',
        'not-own-institution',
      );
    return;
  }
  for (const regionCode of [
    ...(scope.regionCode === undefined ? [] : [scope.regionCode]),
    ...(scope.regionCodes ?? []),
  ]) {
    if (!coversRegion(principal.regionCodes, regionCode))
      throw forbidden(
        `region ${regionCode} is outside the regions this account may act in`,
        'region-outside',
        {
          regionCode,
        },
      );
  }
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function authenticate(
  auth: AuthService,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer ([A-Za-z0-9._~+/=-]{10,200})$/.exec(header);
    const principal = match?.[1] ? await auth.authenticateToken(match[1]) : null;
    if (!principal)
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'the bearer token is unknown, revoked or expired', {
        detailCode: 'token-invalid',
      });
    return principal;
  }
  const sessionId = request.cookies[SESSION_COOKIE];
  if (sessionId === undefined) return null;
  const principal = sessionId.length <= 100 ? await auth.authenticateSession(sessionId) : null;
  if (!principal) reply.clearCookie(SESSION_COOKIE, { path: '/' });
  return principal;
}

/**
 * Installs the checks: every /api route must declare its access (a route without one fails at start-up,
 * so none can be forgotten); credentials are read before the body; roles, token scope and CSRF are checked
 * before the body is parsed, the scope after it is validated.
 */
export function installAccessControl(server: FastifyInstance, auth: AuthService, routes: ApiRoute[]): void {
  server.decorateRequest('principal', null);
  server.decorateRequest('accessScope', null);

  server.addHook('onRoute', (route: RouteOptions) => {
    if (!route.url.startsWith('/api')) return;
    if (route.url === '/api/docs' || route.url.startsWith('/api/docs/')) {
      route.config = { ...route.config, access: { roles: 'public' } };
    }
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (!access) throw new Error(`route ${String(route.method)} ${route.url} declares no access policy`);
    const ownerRoles =
      access.roles !== 'public' &&
      access.roles.some((role) => role === 'insured_person' || role === 'employer_user');
    if (ownerRoles && !access.scope && !access.self)
      throw new Error(
        `route ${String(route.method)} ${route.url} lets persons or employers in without a scope`,
      );
    const personalData = (route.config as { personalData?: PersonalDataRead } | undefined)?.personalData;
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD' && !route.url.startsWith('/api/docs'))
        routes.push({ method, url: route.url, access, ...(personalData ? { personalData } : {}) });
    }
  });

  server.addHook('onRequest', async (request, reply) => {
    const access = request.routeOptions.config.access;
    if (!access) return;
    if (access.roles === 'public') return;
    const principal = await authenticate(auth, request, reply);
    if (!principal)
      throw new AppError(ErrorCode.UNAUTHENTICATED, 'log in or send a bearer token', {
        detailCode: 'login-required',
      });
    request.principal = principal;
    if (!principal.roles.some((role) => access.roles.includes(role)))
      throw forbidden(`this needs one of the roles: ${access.roles.join(', ')}`, 'role-required', {
        roles: access.roles.join(','),
      });
    if (!SAFE_METHODS.has(request.method)) {
      if (principal.scope === 'read') throw forbidden('this API token may only read', 'token-read-only');
      if (principal.via === 'session') {
        const given = request.headers[CSRF_HEADER];
        if (typeof given !== 'string' || !principal.csrfToken || !sameSecret(given, principal.csrfToken))
          throw forbidden(
            `a write with the session cookie must echo the CSRF token in the ${CSRF_HEADER} header`,
            CSRF_REFUSAL,
          );
      }
    }
  });

  server.addHook('preHandler', async (request) => {
    const access = request.routeOptions.config.access;
    if (!access?.scope || !request.principal) return;
    const scope = await access.scope(request);
    checkScope(request.principal, scope);
    request.accessScope = scope;
  });
}
