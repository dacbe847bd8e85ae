import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App } from '../../app/index.ts';
import { SESSION_COOKIE, type Scope } from '../../http/access.ts';
import { employerScope, personScope } from '../../http/scopes.ts';
import type { RoutePlugin } from '../../http/api-server.ts';
import { okReply } from '../../http/schemas.ts';
import type { NewSession } from './service.ts';
import {
  currentUserReply,
  employerLoginInput,
  newTokenInput,
  newTokenReply,
  newUserInput,
  personLoginInput,
  sessionReply,
  staffLoginInput,
  userView,
} from './schemas.ts';
import { STAFF_ROLES } from './roles.ts';

const tags = ['auth'];

function startSession(request: FastifyRequest, reply: FastifyReply, session: NewSession) {
  reply.setCookie(SESSION_COOKIE, session.sessionId, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    expires: new Date(session.expiresAt),
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
    async (request, reply) => startSession(request, reply, await app.auth.loginPerson(request.body)),
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
    async (request, reply) => startSession(request, reply, await app.auth.loginEmployer(request.body)),
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
    async (request, reply) => startSession(request, reply, await app.auth.loginStaff(request.body)),
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
        summary: 'Issue a bearer API token for a staff or system account',
        body: newTokenInput,
        response: { 201: newTokenReply },
      },
      config: { access: { roles: ['admin'] } },
    },
    async (request, reply) => {
      reply.status(201);
      return app.auth.createApiToken(request.body);
    },
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
