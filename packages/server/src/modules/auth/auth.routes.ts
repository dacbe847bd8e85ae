import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app/index.ts';
import { SESSION_COOKIE, type Scope } from '../../http/access.ts';
import { employerScope, personScope } from '../../http/scopes.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { okReply } from '../../http/shared.schemas.ts';
import type { NewSession } from './auth.service.ts';
import {
  currentUserReply,
  employerLoginInput,
  newTokenInput,
  newTokenReply,
  newUserInput,
  personLoginInput,
  sessionReply,
  staffLoginInput,
  tokenView,
  userView,
} from './auth.schemas.ts';
import { decodeCursor, pageLimit, pageQuery, pageReply, toPage } from '../../http/pagination.ts';
import { idText } from '../../http/shared.schemas.ts';
import { STAFF_ROLES } from './roles.ts';

const tags = ['auth'];

/**
 * The cookie lives as long as the session, counted from now (Max-Age) rather than as an instant
 * (Expires): the browser measures it with its own clock, which need not agree with the agency's.
 */
function startSession(app: App, request: FastifyRequest, reply: FastifyReply, session: NewSession) {
  reply.setCookie(SESSION_COOKIE, session.sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // Secure over TLS, and always when the public address is https (a TLS proxy in front, whether or not
    // its forwarded headers are trusted): docs/OPERATIONS.md, "Behind a proxy".
    secure: request.protocol === 'https' || app.config.publicBaseUrl.startsWith('https://'),
    maxAge: Math.max(0, Math.floor((Date.parse(session.expiresAt) - app.clock.now().getTime()) / 1000)),
  });
  return { user: session.user, csrfToken: session.csrfToken, expiresAt: session.expiresAt };
}

/** Logins per kind of account, logout, who am I, and accounts and API tokens for administrators. */
export const authRoutes: RoutePlugin = (server, app, settings) => {
  const loginConfig = {
    access: { roles: 'public' as const },
    rateLimit: { max: settings.loginRateLimit, timeWindow: '1 minute' },
  };
  server.post(
    '/api/auth/login/person',
    {
      schema: {
        tags,
        summary: 'Insured person logs in with identity number and password',
        body: personLoginInput,
        response: { 200: sessionReply },
      },
      config: loginConfig,
    },
    async (request, reply) =>
      startSession(app, request, reply, await app.auth.loginPerson(request.body, request.ip)),
  );
  server.post(
    '/api/auth/login/employer',
    {
      schema: {
        tags,
        summary: 'Employer user logs in with credit code, user name and password',
        body: employerLoginInput,
        response: { 200: sessionReply },
      },
      config: loginConfig,
    },
    async (request, reply) =>
      startSession(app, request, reply, await app.auth.loginEmployer(request.body, request.ip)),
  );
  server.post(
    '/api/auth/login/staff',
    {
      schema: {
        tags,
        summary: 'Agency staff log in with user name and password',
        body: staffLoginInput,
        response: { 200: sessionReply },
      },
      config: loginConfig,
    },
    async (request, reply) =>
      startSession(app, request, reply, await app.auth.loginStaff(request.body, request.ip)),
  );
  const everyone = [...STAFF_ROLES, 'employer_user', 'insured_person'] as const;
  server.post(
    '/api/auth/logout',
    {
      schema: { tags, summary: 'End the session', response: { 200: okReply } },
      config: { access: { roles: everyone, self: true } },
    },
    async (request, reply) => {
      const sessionId = request.cookies[SESSION_COOKIE];
      if (sessionId) await app.auth.logout(sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
  server.get(
    '/api/auth/notices',
    {
      schema: {
        tags,
        summary: "Notices about the caller's own account (repeated failed logins), newest first",
        response: {
          200: z.object({
            items: z.array(
              z.object({ id: z.number().int(), kind: z.string(), detail: z.string(), createdAt: z.string() }),
            ),
          }),
        },
      },
      config: { access: { roles: everyone, self: true } },
    },
    async (request) => ({ items: await app.auth.notices(request.principal!.userId) }),
  );
  server.get(
    '/api/auth/me',
    {
      schema: { tags, summary: 'The account making the request', response: { 200: currentUserReply } },
      config: { access: { roles: everyone, self: true } },
    },
    // The session's CSRF token comes along so that every tab sharing the cookie can write, not only the
    // tab that logged in (a tab opened later, or one whose session was renewed in another tab).
    async (request) => ({
      ...(await app.auth.getUser(request.principal!.userId)),
      csrfToken: request.principal!.csrfToken,
    }),
  );
  server.post(
    '/api/users',
    {
      schema: {
        tags,
        summary: 'Create an account (staff, system, employer user or insured person)',
        body: newUserInput,
        response: { 201: userView },
      },
      config: {
        access: {
          roles: ['admin'],
          scope: (request) => scopeOfNewUser(app, request.body as z.output<typeof newUserInput>),
        },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return app.auth.addUser(request.body, request.principal!.loginKey);
    },
  );
  server.post(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary:
          "Issue a bearer API token acting as the caller, or as a system account within the caller's regions",
        body: newTokenInput,
        response: { 201: newTokenReply },
      },
      config: { access: { roles: ['admin'], self: true } },
    },
    async (request, reply) => {
      reply.status(201);
      return app.auth.createApiToken(request.body, request.principal!);
    },
  );
  server.get(
    '/api/auth/tokens',
    {
      schema: {
        tags,
        summary:
          "API tokens the caller holds, issued, or administers (system accounts in the caller's regions), newest first",
        querystring: z.strictObject(pageQuery),
        response: { 200: pageReply(tokenView) },
      },
      config: { access: { roles: ['admin'], self: true } },
    },
    async (request) => {
      const size = pageLimit(request.query.limit);
      const beforeId = decodeCursor(request.query.cursor, ['number'])?.[0] as number | undefined;
      const rows = await app.auth.listApiTokens(request.principal!, {
        ...(beforeId === undefined ? {} : { beforeId }),
        limit: size + 1,
      });
      return toPage(rows, size, (row) => [row.id]);
    },
  );
  server.post(
    '/api/auth/tokens/:tokenId/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an API token the caller holds, issued, or administers',
        params: z.strictObject({ tokenId: idText }),
        response: { 200: tokenView },
      },
      config: { access: { roles: ['admin'], self: true } },
    },
    async (request) => app.auth.revokeApiToken(request.params.tokenId, request.principal!),
  );
};

/** An administrator may only create accounts within their own regions. */
async function scopeOfNewUser(app: App, body: z.output<typeof newUserInput>): Promise<Scope> {
  if (body.kind === 'staff' || body.kind === 'system') return { regionCodes: body.regionCodes };
  const scope =
    body.kind === 'employer'
      ? await employerScope(app, body.employerId)
      : await personScope(app, body.personId);
  // Staff see no owner ids here: only the region matters.
  return scope.regionCode === undefined ? {} : { regionCode: scope.regionCode };
}
